import Foundation
import SalesCloseConfiguration
import SalesCloseCore
import SalesCloseTestSupport
import Testing
@testable import SalesCloseImport

@Suite struct ImporterTests {
    /// Imports `files` (name → content) with the given configuration.
    func importFiles(_ files: [(String, [UInt8])], config: Configuration = Configuration(),
                     targets: String? = nil) throws -> (ImportResult, TemporaryFolder) {
        let folder = try TemporaryFolder()
        let input = try folder.subfolder("Input")
        let configFolder = try folder.subfolder("Config")
        for (name, bytes) in files { try folder.write("Input/" + name, bytes: bytes) }
        if let targets { try folder.write("Config/targets.csv", targets) }
        return (try Importer(configuration: config).run(inputFolder: input, configFolder: configFolder), folder)
    }
    func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

    static let header = "order_id,line_no,order_date,customer_id,customer_name,sku,quantity,unit_price,discount,amount,status\n"

    @Test func chineseHeadersBOMAndExcelDates() throws {
        let text = "订单号,行号,下单日期,客户编号,客户名称,产品编码,数量,单价,金额,状态\n"
            + "TM1,1,2026/3/7,NA,\"杭州\"\"西湖\"\"商贸, 一部 \",P1,2,10.5,21.00,已发货\n"
            + "TM1,2,2026/3/7 0:00,NA,\"杭州\"\"西湖\"\"商贸, 一部 \",P2,1,5,5.00,已取消\n"
        let (result, folder) = try importFiles([("订单.csv", [0xEF, 0xBB, 0xBF] + utf8(text))])
        defer { folder.remove() }
        let data = result.data
        #expect(result.rejects.isEmpty)
        #expect(data.orderLines.count == 2)
        // "NA" is a customer code, not a null; the name keeps its quotes, comma and trailing space.
        #expect(data.names.customers[data.orderLines[0].customer] == "NA")
        #expect(data.customerName(data.orderLines[0].customer) == "杭州\"西湖\"商贸, 一部 ")
        #expect(data.orderLines[0].orderDate == Day(year: 2026, month: 3, day: 7))
        #expect(data.orderLines[0].amount == Money(minorUnits: 2100))
        #expect(!data.orderLines[0].isCancelled)
        #expect(data.orderLines[1].isCancelled)
    }

    @Test func gb18030FileIsDetected() throws {
        // "订单号,下单日期,客户编号,产品编码,数量,金额\r\nA1,2026-01-05,张三,P1,1,9.99\r\n" in GB18030.
        var bytes: [UInt8] = [0xB6, 0xA9, 0xB5, 0xA5, 0xBA, 0xC5, 0x2C, 0xCF, 0xC2, 0xB5, 0xA5, 0xC8, 0xD5, 0xC6, 0xDA, 0x2C,
                              0xBF, 0xCD, 0xBB, 0xA7, 0xB1, 0xE0, 0xBA, 0xC5, 0x2C, 0xB2, 0xFA, 0xC6, 0xB7, 0xB1, 0xE0,
                              0xC2, 0xEB, 0x2C, 0xCA, 0xFD, 0xC1, 0xBF, 0x2C, 0xBD, 0xF0, 0xB6, 0xEE, 0x0D, 0x0A]
        bytes += utf8("A1,2026-01-05,") + [0xD5, 0xC5, 0xC8, 0xFD] + utf8(",P1,1,9.99\r\n")
        let (result, folder) = try importFiles([("gbk.csv", bytes)])
        defer { folder.remove() }
        #expect(result.files[0].encoding == .gb18030)
        #expect(result.files[0].table == .orders)
        #expect(result.data.names.customers.names == ["张三"])
        #expect(result.data.orderLines.first?.amount == Money(minorUnits: 999))
    }

    @Test func laterFileReplacesEarlierRowAndDuplicatesAreCounted() throws {
        let september = Self.header
            + "SO1,1,2026-08-03,C1,Acme,P1,2,10,,20.00,Open\n"
            + "SO1,2,2026-08-03,C1,Acme,P2,1,5,,5.00,Open\n"
        let october = Self.header
            + "SO1,1,2026-08-03,C1,Acme,P1,2,10,,20.00,Open\n"        // identical
            + "SO1,2,2026-08-03,C1,Acme,P2,3,5,,15.00,Open\n"         // corrected
            + "SO2,1,2026-10-01,C2,Beta,P1,1,10,,10.00,Open\n"
        let (result, folder) = try importFiles([("orders-2026-10.csv", utf8(october)), ("orders-2026-09.csv", utf8(september))])
        defer { folder.remove() }
        // File-name order: the September export is read first, October's rows replace it.
        #expect(result.files.map { $0.path.split(separator: "/").last.map(String.init) } == ["orders-2026-09.csv", "orders-2026-10.csv"])
        let sep = result.files[0], oct = result.files[1]
        #expect((sep.rowsRead, sep.accepted, sep.superseded, sep.exactDuplicates, sep.counted) == (2, 2, 2, 1, 0))
        #expect((oct.rowsRead, oct.accepted, oct.replacements, oct.counted) == (3, 3, 2, 3))
        #expect(result.data.orderLines.count == 3)
        let total = result.data.orderLines.reduce(Money.zero) { $0 + $1.amount }
        #expect(total == Money(minorUnits: 4500))
    }

    @Test func badRowsAreRejectedWithFileLineAndColumn() throws {
        let text = Self.header
            + "SO1,1,2026-02-30,C1,Acme,P1,2,10,,20.00,Open\n"
            + "SO2,1,2026-02-03,C1,Acme,P1,2,10,,\"1.234,5x\",Open\n"
            + "SO3,1,2026-02-03,,Acme,P1,2,10,,20.00,Open\n"
            + "SO4,1,2026-02-03,C1,Acme,P1,abc,10,,20.00,Open\n"
            + "SO5,1,2026-02-03,C1,Acme,P1,1,,,,Open\n"
            + "SO6,1,2026-02-03,C1,Acme,P1,1,10,,10.00,Open,extra\n"
            + "SO7,1,2026-02-03,C1,Acme,P1,1,10,,10.00,Open\n"
        let (result, folder) = try importFiles([("orders-2025-01.csv", utf8(text))])
        defer { folder.remove() }
        let messages = result.rejects.map { "\($0)".replacingOccurrences(of: folder.path + "/", with: "") }
        #expect(messages == [
            "Input/orders-2025-01.csv:2:3: error: order_date \"2026-02-30\" is not a calendar day",
            "Input/orders-2025-01.csv:3:10: error: amount \"1.234,5x\" is not a number",
            "Input/orders-2025-01.csv:4:4: error: customer_id is empty",
            "Input/orders-2025-01.csv:5:7: error: quantity \"abc\" is not a number",
            "Input/orders-2025-01.csv:6:10: error: amount and unit_price are both empty",
            "Input/orders-2025-01.csv:7:12: error: row has 12 fields but the header has 11",
        ])
        #expect(result.files[0].rowsRead == 7)
        #expect(result.files[0].accepted + result.files[0].rejected == 7)
        #expect(result.data.orderLines.count == 1)
    }

    @Test func derivedAmountAndCost() throws {
        let text = "order_id,order_date,customer_id,sku,quantity,unit_price,discount,unit_cost\n"
            + "A,2026-01-02,C,P,3,19.99,10%,7.333\n"
            + "B,2026-01-02,C,P,-1,19.99,0.1,7.333\n"
            + "C,2026-01-02,C,P,2.5,4,,\n"
        let (result, folder) = try importFiles([("o.csv", utf8(text))])
        defer { folder.remove() }
        let lines = result.data.orderLines
        // 3 × 19.99 × 0.9 = 53.973 → 53.97; cost 3 × 7.333 = 21.999 → 22.00.
        #expect(lines.map(\.amount.minorUnits) == [5397, -1799, 1000])
        #expect(lines.map { $0.cost?.minorUnits } == [2200, -733, nil])
        #expect(lines[2].quantity == Quantity(thousandths: 2500))
    }

    @Test func semicolonExportWithDecimalComma() throws {
        let text = "order_id;order_date;customer_id;sku;quantity;amount\nA;2026-01-02;C;P;2;1.234,50\n"
        let (result, folder) = try importFiles([("eu.csv", utf8(text))])
        defer { folder.remove() }
        #expect(result.rejects.isEmpty)
        #expect(result.data.orderLines.first?.amount == Money(minorUnits: 123450))
    }

    @Test func missingRequiredColumnNamesFileTableFieldAndHeaders() throws {
        var config = Configuration()
        config[.orders].files = ["orders*.csv"]
        let (result, folder) = try importFiles([("orders-x.csv", utf8("order_id,order_date,sku,quantity,amount\nA,2026-01-01,P,1,1\n"))],
                                               config: config)
        defer { folder.remove() }
        let reason = "orders file lacks required column(s) customer_id; headers found: \"order_id\", \"order_date\", \"sku\", \"quantity\", \"amount\""
        let error = try #require(result.findings.first { $0.severity == .error })
        #expect(error.message == "file not read: " + reason)
        #expect(result.data.orderLines.isEmpty)
        // Rejected as a whole: one row of rejects.csv, and its one data row counted as rejected.
        #expect(result.rejects == [Reject(file: result.files[0].path, line: 1, column: 1, field: "",
                                          value: "order_id,order_date,sku,quantity,amount", reason: reason, code: "missing-column")])
        let file = result.files[0]
        #expect((file.role, file.table, file.rowsRead, file.accepted, file.rejected) == (.rejected, .orders, 1, 0, 1))
    }

    @Test func unclassifiableFileIsSkippedNamingTheClosestTable() throws {
        let (result, folder) = try importFiles([("notes.csv", utf8("order_id,remark\nA,hello\n"))])
        defer { folder.remove() }
        #expect(result.files[0].role == .rejected)
        #expect((result.files[0].rowsRead, result.files[0].rejected) == (1, 1))
        let warning = try #require(result.findings.first)
        #expect(warning.severity == .warning)
        #expect(warning.message.hasPrefix("file not read: matches no table; closest is shipments, which lacks ship_date, quantity"))
        #expect(result.rejects.map(\.line) == [1])
    }

    @Test func unknownReferencesAreReportedNotDropped() throws {
        let orders = "order_id,order_date,customer_id,sku,quantity,amount\nA,2026-01-02,C1,P,2,10\n"
        let shipments = "order_id,ship_date,quantity\nA,2026-01-03,2\nZ,2026-01-03,1\n"
        let payments = "customer_id,payment_date,amount\nC1,2026-01-10,10\nC9,2026-01-10,5\n"
        let (result, folder) = try importFiles([("o.csv", utf8(orders)), ("s.csv", utf8(shipments)), ("p.csv", utf8(payments))])
        defer { folder.remove() }
        #expect(result.data.shipments.count == 2)
        #expect(result.data.payments.count == 2)
        let messages = result.findings.map(\.message)
        #expect(messages.contains("shipment of unknown order \"Z\""))
        #expect(messages.contains("payment from unknown customer \"C9\""))
        #expect(result.findings.first { $0.message.contains("\"Z\"") }?.line == 3)
    }

    @Test func targetsFileAtSeveralGrains() throws {
        let targets = "period,region,salesperson,metric,value\n2026,,,revenue,1200000\n2026-Q3,East,,,300000\n2026-07,,Li,quantity,12.5\n2026-13,,,,1\n"
        let (result, folder) = try importFiles([], targets: targets)
        defer { folder.remove() }
        #expect(result.targets.count == 3)
        #expect(result.targets[0].period == .year(2026) && result.targets[0].value == 120_000_000)
        #expect(result.targets[1].period == .quarter(year: 2026, quarter: 3) && result.targets[1].dimensions == [.region: "East"])
        #expect(result.targets[2].metric == .quantity && result.targets[2].value == 12_500)
        #expect(result.rejects.count == 1 && result.rejects.first?.line == 5)
    }
}


extension ImporterTests {
    @Test func repeatedCustomerMasterRowsAreCountedAsDuplicates() throws {
        let master = "customer_id,customer_name,credit_limit\nC1,Acme,1000\nC2,Beta,500\n"
        let update = "customer_id,customer_name,credit_limit\nC1,Acme,2000\nC2,Beta,500\n"
        let (result, folder) = try importFiles([("customers-1.csv", utf8(master)), ("customers-2.csv", utf8(update))])
        defer { folder.remove() }
        let first = result.files[0], second = result.files[1]
        #expect((first.accepted, first.superseded, first.exactDuplicates, first.counted) == (2, 2, 1, 0))
        #expect((second.accepted, second.replacements, second.counted) == (2, 2, 2))
        #expect(result.data.customers[Int(result.data.names.customers.id(of: "C1")!)].creditLimit == Money(minorUnits: 200_000))
    }
}

extension ImporterTests {
    @Test func undecodableBytesAreReplacedAndReported() throws {
        // GB18030 "客户,金额" header, a row, then a lone lead byte 0x81 cut off at the end of the file.
        let bytes: [UInt8] = [0xBF, 0xCD, 0xBB, 0xA7, 0x2C, 0xBD, 0xF0, 0xB6, 0xEE, 0x0A] + Array("A,1\nB,2".utf8) + [0x81]
        let (result, folder) = try importFiles([("odd.csv", bytes)])
        defer { folder.remove() }
        #expect(result.files[0].encoding == .gb18030)
        #expect(result.findings.contains { $0.message.hasPrefix("1 byte(s) are not valid gb18030") })
    }
}

extension ImporterTests {
    @Test func shipmentsAndPaymentsWithIdsAreDeDuplicatedAcrossExports() throws {
        let orders = "order_id,line_no,order_date,customer_id,sku,quantity,amount\nA,1,2026-01-02,C1,P,2,10\nA,2,2026-01-02,C1,Q,1,5\n"
        let s1 = "shipment_id,order_id,line_no,ship_date,quantity\nS1,A,1,2026-01-03,2\nS1,A,2,2026-01-03,1\n"
        let s2 = "shipment_id,order_id,line_no,ship_date,quantity\nS1,A,1,2026-01-03,2\nS1,A,2,2026-01-04,1\nS2,A,2,2026-01-05,1\n"
        let p1 = "payment_id,customer_id,payment_date,amount\nP1,C1,2026-02-01,10\n"
        let p2 = "payment_id,customer_id,payment_date,amount\nP1,C1,2026-02-01,12\nP2,C1,2026-02-02,3\n"
        let (result, folder) = try importFiles([("o.csv", utf8(orders)), ("s1.csv", utf8(s1)), ("s2.csv", utf8(s2)),
                                                ("x1.csv", utf8(p1)), ("x2.csv", utf8(p2))])
        defer { folder.remove() }
        #expect(result.data.shipments.count == 3)
        #expect(result.data.shipments.map(\.shipDate.description).sorted() == ["2026-01-03", "2026-01-04", "2026-01-05"])
        let first = result.files.first { $0.path.hasSuffix("s1.csv") }!
        #expect((first.superseded, first.exactDuplicates, first.counted) == (2, 1, 0))
        #expect(result.data.payments.map(\.amount.minorUnits).sorted() == [300, 1200])
        #expect(result.files.first { $0.path.hasSuffix("x1.csv") }!.superseded == 1)
    }
}

extension ImporterTests {
    static let goodOrders = header
        + "SO1,1,2026-09-03,C1,Acme,P1,2,10,,20.00,Open\n"
        + "SO2,1,2026-10-03,C2,Beta,P1,1,10,,10.00,Open\n"

    @Test func unterminatedQuoteAndBinaryFileAreIsolated() throws {
        let open = Self.header
            + "SO3,1,2026-10-04,C1,Acme,P1,2,10,,20.00,Open\n"
            + "SO4,1,2026-10-05,C2,\"Beta,P1,1,10,,10.00,Open\n"
            + "SO5,1,2026-10-06,C2,Beta,P1,1,10,,10.00,Open\n"
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let (result, folder) = try importFiles([("a.csv", utf8(Self.goodOrders)), ("b.csv", utf8(open)), ("logo.csv", png)])
        defer { folder.remove() }
        let names = result.files.map { ($0.path as NSString).lastPathComponent }
        #expect(names == ["a.csv", "b.csv", "logo.csv"])
        // Every record but the one whose quote never closes is read, in both files.
        #expect(result.data.orderLines.map { result.data.names.orders[$0.order] } == ["SO1", "SO2", "SO3", "SO5"])
        #expect(result.data.orderLines.map(\.source.line) == [2, 3, 2, 4])
        #expect(result.rejects == [
            Reject(file: result.files[1].path, line: 3, column: 5, field: "", value: "SO4,1,2026-10-05,C2",
                   reason: "unterminated quoted field: the quote opened in field 5 of line 3 is never closed", code: "unterminated-quote"),
            Reject(file: result.files[2].path, line: 1, column: 1, field: "", value: "",
                   reason: "the file is a PNG image, not CSV text", code: "binary-file"),
        ])
        let b = result.files[1], logo = result.files[2]
        #expect((b.rowsRead, b.accepted, b.rejected) == (3, 2, 1))
        #expect((logo.role, logo.rowsRead, logo.rejected) == (.rejected, 0, 0))
        #expect(result.findings.map(\.description) == [result.files[2].path + ":1:1: error: file not read: the file is a PNG image, not CSV text"])
    }

    @Test func quoteOpenInTheHeaderRejectsTheFile() throws {
        let (result, folder) = try importFiles([("h.csv", utf8("order_id,\"order_date\nSO1,2026-01-01\n"))])
        defer { folder.remove() }
        #expect(result.files[0].role == .rejected)
        #expect(result.rejects.map { "\($0.location.line!):\($0.location.column!) \($0.reason)" } == [
            "1:2 unterminated quoted field: the quote opened in field 2 of line 1 is never closed (in the header)"])
    }

    @Test func quotedFieldThatSwallowedARecordIsRejectedNotShifted() throws {
        let text = Self.header
            + "SO1,1,2026-10-04,C1,\"Acme,P1,2,10,,20.00,Open\n"
            + "SO2,1,2026-10-05,C2,\"Beta\",P1,1,10,,10.00,Open\n"
            + "SO3,1,2026-10-06,C2,Beta,P1,1,10,,10.00,Open\n"
        let (result, folder) = try importFiles([("m.csv", utf8(text))])
        defer { folder.remove() }
        #expect(result.data.orderLines.map(\.source.line) == [4])
        // Unchecked, the quote opened on line 2 and closed on line 3 would give SO1 the sku,
        // quantity and amount of SO2 with the same field count.
        #expect(result.rejects.map { "\($0.location.line!):\($0.location.column!) \($0.reason)" } == [
            "2:5 quoted field 5 runs from line 2 to line 3 and holds 10 delimiters, as many as a whole record: the quote opened on line 2 is probably not closed where it should be"])
        let width = Self.header + "SO1,1,2026-10-04,C1,\"Two\nlines\",P1,2,10,,20.00,Open,x\n"
        let (wide, folder2) = try importFiles([("w.csv", utf8(width))])
        defer { folder2.remove() }
        #expect(wide.rejects.map(\.reason) == ["row has 12 fields but the header has 11 (the record runs from line 2 to line 3: a quote in it may be unbalanced)"])
    }
}

/// Encodings: detection by byte-order mark and by plausibility, `encoding` overriding it.
extension ImporterTests {
    static let westernHeader = "order_id,order_date,customer_id,customer_name,sku,product_name,quantity,amount\r\n"
    static let westernRows = "W1,2026-10-01,C1,Müller & Söhne GmbH,P1,Kaffee,1,10.00\r\n"
        + "W2,2026-10-02,C2,Café Ñandú,P2,½ Preis Paket,2,5.50\r\n"

    /// `text` in Windows-1252 (every character here is in it).
    func windows1252(_ text: String) -> [UInt8] {
        let specials: [Character: UInt8] = ["½": 0xBD]
        return text.map { c -> UInt8 in
            if let b = specials[c] { return b }
            let v = c.unicodeScalars.first!.value
            precondition(v < 0x100 && !(0x80..<0xA0).contains(v))
            return UInt8(v)
        }
    }

    @Test func windows1252IsDetectedAndReadExactly() throws {
        let bytes = windows1252(Self.westernHeader + Self.westernRows)
        let (result, folder) = try importFiles([("west.csv", bytes)])
        defer { folder.remove() }
        #expect((result.files[0].encoding, result.files[0].encodingSource) == (.windows1252, .detected))
        #expect(result.rejects.isEmpty)
        #expect(result.findings.isEmpty)
        let data = result.data
        #expect(data.orderLines.map { data.customerName($0.customer) } == ["Müller & Söhne GmbH", "Café Ñandú"])
        #expect(data.products.map(\.name) == ["Kaffee", "½ Preis Paket"])
    }

    @Test func configuredEncodingOverridesDetection() throws {
        var config = Configuration()
        config[.orders].files = ["west*.csv"]
        config[.orders].encoding = InputEncoding(spelling: "latin-1")
        let (result, folder) = try importFiles([("west.csv", windows1252(Self.westernHeader + Self.westernRows))], config: config)
        defer { folder.remove() }
        #expect((result.files[0].encoding, result.files[0].encodingSource) == (.windows1252, .configured))
        #expect(result.data.orderLines.map { result.data.customerName($0.customer) } == ["Müller & Söhne GmbH", "Café Ñandú"])
        // The same bytes forced to GB18030 come out as the garbling the detection avoids.
        config[.orders].encoding = .gb18030
        let (forced, folder2) = try importFiles([("west.csv", windows1252(Self.westernHeader + Self.westernRows))], config: config)
        defer { folder2.remove() }
        #expect(forced.data.customerName(forced.data.orderLines[0].customer) == "M黮ler & S鰄ne GmbH")
    }

    @Test func utf16WithByteOrderMarksIsRead() throws {
        let text = Self.westernHeader + Self.westernRows + "W3,2026-10-03,C3,上海贸易,P3,茶,1,3.00\r\n"
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            le += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            be += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        for (bytes, encoding) in [(le, TextEncoding.utf16LE), (be, .utf16BE)] {
            let (result, folder) = try importFiles([("u16.csv", bytes)])
            defer { folder.remove() }
            #expect((result.files[0].encoding, result.files[0].encodingSource, result.files[0].table) == (encoding, .byteOrderMark, .orders))
            #expect(result.rejects.isEmpty)
            #expect(result.data.orderLines.map { result.data.customerName($0.customer) } == ["Müller & Söhne GmbH", "Café Ñandú", "上海贸易"])
        }
    }

    @Test func doubtfulEncodingIsReportedWithTheFirstNonUTF8Byte() throws {
        // Half GB2312 hanzi pairs, half Western accented letters: neither reading wins.
        let bytes = Array("order_id,customer_id\n".utf8) + Array("A1,".utf8) + [0xD5, 0xC5] + Array("\nA2,M".utf8) + [0xFC] + Array("ller\n".utf8)
        let (result, folder) = try importFiles([("odd.csv", bytes)])
        defer { folder.remove() }
        #expect(result.files[0].role == .rejected)
        #expect((result.files[0].rowsRead, result.files[0].rejected) == (2, 2))
        #expect(result.rejects.map { "\($0.location.line!):\($0.location.column!) \($0.reason)" } == [
            "2:4 cannot tell the encoding: the file is not UTF-8 (first non-UTF-8 byte at offset 24) and reads neither clearly as GB18030 (1 common hanzi, 1 rare or invalid sequences) nor as Windows-1252 (0 undefined bytes); set encoding = \"gb18030\" or \"windows-1252\" under [tables.<table>] (with files = [\"<this file's name>\"])"])
    }
}

extension ImporterTests {
    /// The lines of an order seen for the first time are checked against each other, not the
    /// index, until the order has many lines: repeats right after a line, after a rejected first
    /// line, after other orders and past that many lines are all found.
    @Test func repeatsWithinAFileAreFoundWhereverTheyAre() throws {
        func line(_ order: String, _ no: Int, _ amount: String, date: String = "2026-08-03") -> String {
            "\(order),\(no),\(date),C1,Acme,P\(no),1,,,\(amount),Open\n"
        }
        var text = Self.header + line("SO1", 1, "1.00") + line("SO1", 2, "2.00") + line("SO1", 1, "1.00")   // exact
        text += line("SO2", 1, "5.00", date: "2026-13-01") + line("SO2", 1, "5.00") + line("SO2", 1, "6.00")  // reject, correction
        text += line("SO1", 2, "3.00")                                                                        // correction, later
        text += (1...70).map { line("SO3", $0, "\($0).00") }.joined()
        text += line("SO3", 5, "5.00") + line("SO3", 70, "70.00") + line("SO2", 1, "6.00")                    // exact ×3
        let (result, folder) = try importFiles([("orders.csv", utf8(text))])
        defer { folder.remove() }
        let file = result.files[0]
        #expect(result.data.orderLines.count == 73)
        #expect((file.rowsRead, file.rejected, file.superseded, file.exactDuplicates) == (80, 1, 6, 4))
        #expect(result.data.orderLines.first { result.data.names.orders[$0.order] == "SO1" && $0.sku == result.data.names.skus.id(of: "P2") }?
                    .amount == Money(minorUnits: 300))
        let total: Int64 = result.data.orderLines.map(\.amount.minorUnits).reduce(0, +)
        let expected: Int64 = 100 + 300 + 600 + Int64((1...70).reduce(0, +)) * 100
        #expect(total == expected)
    }
}
