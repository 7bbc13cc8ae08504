import PropertyBased
import SalesCloseTestSupport
import Testing
@testable import SalesCloseImport

@Suite struct CSVReaderTests {
    /// Every record as (line, fields).
    func records(_ bytes: [UInt8], _ options: CSVReader.Options = .init()) throws -> [(Int, [String])] {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("t.csv", bytes: bytes)
        var out: [(Int, [String])] = []
        try CSVReader().read(path: path, options: options) { r in
            out.append((r.line, (0..<r.count).map { r.string($0) }))
            return true
        }
        return out
    }
    func records(_ text: String) throws -> [(Int, [String])] { try records(Array(text.utf8)) }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let r = try records("id,name\r\n1,\"上海\"\"东方\"\"贸易, 第二分公司\"\r\n2,\"two\r\nlines\"\r\n3,plain\r\n")
        #expect(r.map(\.1) == [["id", "name"], ["1", "上海\"东方\"贸易, 第二分公司"], ["2", "two\r\nlines"], ["3", "plain"]])
        // Record 3 starts on line 5: the quoted CR LF inside record 2 is a line of its own.
        #expect(r.map(\.0) == [1, 2, 3, 5])
    }

    @Test func lineEndsBlankLinesAndNoFinalNewline() throws {
        #expect(try records("a,b\n1,2\n\n3,4").map(\.0) == [1, 2, 4])
        #expect(try records("a,b\r\n1,2\r\n\r\n3,4\r\n").map(\.0) == [1, 2, 4])
        #expect(try records("a,b\r1,2\r3,4\r").map(\.0) == [1, 2, 3])
        #expect(try records("a,b\n1,2\n3,4").last?.1 == ["3", "4"])
    }

    @Test func spacesAndEmptyFieldsAreKeptAsWritten() throws {
        let r = try records("a,b,c\n  NA , x ,\n")
        #expect(r[1].1 == ["  NA ", " x ", ""])
    }

    @Test func byteOrderMarkIsStripped() throws {
        let r = try records([0xEF, 0xBB, 0xBF] + Array("订单号,金额\nA1,5\n".utf8))
        #expect(r[0].1 == ["订单号", "金额"])
    }

    @Test func gb18030IsDecoded() throws {
        // "客户,金额\r\n张三,5\r\n" in GB18030.
        let bytes: [UInt8] = [0xBF, 0xCD, 0xBB, 0xA7, 0x2C, 0xBD, 0xF0, 0xB6, 0xEE, 0x0D, 0x0A,
                              0xD5, 0xC5, 0xC8, 0xFD, 0x2C, 0x35, 0x0D, 0x0A]
        let r = try records(bytes, .init(encoding: .gb18030))
        #expect(r.map(\.1) == [["客户", "金额"], ["张三", "5"]])
        #expect(r.map(\.0) == [1, 2])
    }

    @Test func semicolonAndTabDelimiters() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("s.csv", "a;b\n1,5;2\n")
        #expect(try FileScan.scan(path: path).detectedDelimiter == UInt8(ascii: ";"))
        let tab = try folder.write("t.csv", "a\tb\n1\t2\n")
        #expect(try FileScan.scan(path: tab).detectedDelimiter == 9)
        #expect(try records(Array("a;b\n1,5;2\n".utf8), .init(delimiter: UInt8(ascii: ";")))[1].1 == ["1,5", "2"])
    }

    @Test func unterminatedQuoteRejectsItsRecordAndReadingGoesOnOnTheNextLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("t.csv", "a,b\n1,2\n3,\"open\n4,5\r\n6,\"x\n7,8\n")
        var good: [(Int, [String])] = []
        var bad: [CSVReader.UnreadableRecord] = []
        try CSVReader().read(path: path, options: .init(), onUnreadable: { bad.append($0); return true }) { r in
            good.append((r.line, (0..<r.count).map { r.string($0) }))
            return true
        }
        #expect(good.map(\.0) == [1, 2, 4, 6])
        #expect(good.map(\.1) == [["a", "b"], ["1", "2"], ["4", "5"], ["7", "8"]])
        // The quote on line 3 swallows the rest of the file: line 3 is rejected, reading restarts
        // on line 4, and the quote opened on line 5 is the next record left open.
        #expect(bad == [
            .init(line: 3, column: 2, start: "3", reason: "unterminated quoted field: the quote opened in field 2 of line 3 is never closed"),
            .init(line: 5, column: 2, start: "6", reason: "unterminated quoted field: the quote opened in field 2 of line 5 is never closed"),
        ])
    }

    @Test func utf8DetectionIsStrict() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try FileScan.scan(path: folder.write("u.csv", "客户,金额\n")).isValidUTF8)
        #expect(try !FileScan.scan(path: folder.write("g.csv", bytes: [0xBF, 0xCD, 0xBB, 0xA7, 0x0A])).isValidUTF8)
        // A truncated multi-byte sequence at the end is not valid UTF-8.
        #expect(try !FileScan.scan(path: folder.write("t.csv", bytes: [0x41, 0xE5, 0xAE])).isValidUTF8)
    }
}

/// Plain lines split without libcsv (`PlainLine`) give what libcsv alone gives, on any bytes:
/// the same records, lines, unreadable records and piece ends, whatever the chunk size.
@Suite struct PlainLineTests {
    struct Reading: Equatable {
        var records: [String] = []
        var unreadable: [String] = []
        var endedInsideRecord = false
    }

    func read(_ path: String, plain: Bool, chunk: Int, delimiter: UInt8, range: Range<Int>?) -> Reading {
        var options = CSVReader.Options(delimiter: delimiter)
        options.splitsPlainLines = plain
        options.chunkSize = chunk
        options.range = range
        var reading = Reading()
        let reader = CSVReader()
        try? reader.read(path: path, options: options, onUnreadable: { bad in
            reading.unreadable.append("\(bad.line):\(bad.column):\(bad.start)")
            return true
        }) { r in
            reading.records.append("\(r.line)-\(r.endLine):" + (0..<r.count).map { "[\(r.string($0))]" }.joined())
            return true
        }
        reading.endedInsideRecord = reader.endedInsideRecord
        return reading
    }

    @Test func agreesWithLibcsvAlone() async {
        // Mostly plain fields, with quotes (whole, doubled inside quotes and out, inside, unclosed), CRs, blank lines.
        let pieces = ["a", "bc", "12.50", ",", ",", ",", "\n", "\n", "\r\n", "\r", "\"", "\"q,x\"", "\"\"", " ", "\"a\"b", ";", "订", "\"3\"\" size\"", "\"\"\"\"", "\"\"\"x\"\"\""]
        await propertyCheck(count: 300, input: Gen.int(in: 0...(pieces.count * 8 - 1)).array(of: 0...120)) { picks in
            let text = picks.map { pieces[$0 % pieces.count] }.joined()
            let folder = try! TemporaryFolder()
            defer { folder.remove() }
            let path = try! folder.write("p.csv", text)
            let size = text.utf8.count
            let chunk = 1 + (picks.first ?? 0) % 9
            let delimiter: UInt8 = (picks.last ?? 0) % 5 == 0 ? UInt8(ascii: ";") : UInt8(ascii: ",")
            let cut = picks.count > 1 ? picks[1] % (size + 1) : 0
            for range in [nil, 0..<cut, cut..<size] as [Range<Int>?] {
                for chunkSize in [chunk, 1 << 20] {
                    #expect(read(path, plain: true, chunk: chunkSize, delimiter: delimiter, range: range)
                                == read(path, plain: false, chunk: chunkSize, delimiter: delimiter, range: range))
                }
            }
        }
    }
}
