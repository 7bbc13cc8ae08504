import SalesCloseTestSupport
import Foundation
import Testing
import ZIPFoundation
import SalesCloseConfiguration
import SalesCloseCore
@testable import SalesCloseWriters

/// Writes a close pack and reads it back from the zipped XML parts.
@Suite struct XLSXClosePackTests {
    typealias Cell = ReportTable.Cell

    /// A file in the temporary folder, unique to this process; callers remove it.
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("salesclose-xlsx-\(getpid())-\(name)").path
    }

    static func write(_ pack: ClosePack, _ name: String, options: ClosePackOptions = ClosePackOptions()) throws -> XLSXReadBack {
        let path = temporaryPath(name)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try writeClosePack(pack, to: path, createdAt: pack.period.lastDay, options: options)
        // Keep a copy for looking at (LibreOffice → PDF) when asked to.
        if let dir = ProcessInfo.processInfo.environment["SALESCLOSE_XLSX_SAMPLE_DIR"] {
            try? FileManager.default.removeItem(atPath: dir + "/" + name)
            try FileManager.default.copyItem(atPath: path, toPath: dir + "/" + name)
        }
        return try XLSXReadBack(path: path)
    }

    /// The cell reference of a 0-based row and column.
    static func ref(_ row: Int, _ column: Int) -> String { columnLetters(column) + String(row + 1) }

    /// Row of the header of a table sheet: the title, the notes, a blank row.
    static func headerRow(_ book: XLSXReadBack, _ sheet: String, firstHeader: String) -> Int? {
        let cells = book.cells(sheet)
        return (0..<30).first { cells[ref($0, 0)]?.value == firstHeader }
    }

    static func expected(_ cell: Cell) -> Double? {
        switch cell {
        case .money(let m): return m.doubleValue
        case .quantity(let q): return q.doubleValue
        case .integer(let i): return Double(i)
        case .rate(let r), .number(let r): return r
        case .day(let d): return Double(Int(d.daysSinceEpoch) + 25569)
        default: return nil
        }
    }

    /// Every cell of `table` is on `sheet` below its header, with the same value.
    static func expectTable(_ book: XLSXReadBack, sheet: String, _ table: ReportTable, language: Language,
                            firstRow: Int = 0, count: Int? = nil) throws {
        let header = Translations.columnHeader(table.columns[0].name, language)
        let h = try #require(headerRow(book, sheet, firstHeader: header), "no header on \(sheet)")
        let cells = book.cells(sheet)
        for (c, column) in table.columns.enumerated() {
            #expect(cells[ref(h, c)]?.value == Translations.columnHeader(column.name, language))
        }
        let rows = Array(table.rows[firstRow..<(count.map { firstRow + $0 } ?? table.rows.count)])
        for (r, row) in rows.enumerated() {
            for (c, value) in row.enumerated() {
                let got = cells[ref(h + 1 + r, c)]
                switch value {
                case .text(let s):
                    #expect(got?.value == s, "\(sheet) \(ref(h + 1 + r, c))")
                    #expect(got?.type == "s" || got?.type == "inlineStr")
                case .month(let m):
                    #expect(got?.value == m.description)
                case .empty:
                    #expect(got == nil, "\(sheet) \(ref(h + 1 + r, c)) should be empty")
                default:
                    let want = try #require(expected(value))
                    let number = try #require(Double(got?.value ?? ""), "\(sheet) \(ref(h + 1 + r, c))")
                    if case .money = value {
                        #expect(number == want, "\(sheet) \(ref(h + 1 + r, c))")  // money is exact
                    } else {
                        // libxlsxwriter writes 16 significant digits (`%.16G`), more than Excel shows.
                        #expect(abs(number - want) <= 1e-15 * max(1, abs(want)), "\(sheet) \(ref(h + 1 + r, c))")
                    }
                    #expect(got?.type == "n")
                }
            }
        }
    }

    @Test(arguments: Language.allCases)
    func numbersEqualTheTables(_ language: Language) throws {
        let pack = XLSXSamplePack.pack(language)
        let book = try Self.write(pack, "close-\(language.rawValue).xlsx")
        let names = book.sheets.filter { !$0.hidden }.map(\.name)
        #expect(names == ["summary", "achievement", "growth", "products_abc", "customers_abc", "backlog", "delivery",
                          "receivables", "forecast", "data_quality"].map { Translations.text($0, language) })
        for sheet in pack.sheets {
            guard let table = sheet.table else { continue }
            try Self.expectTable(book, sheet: Translations.text(sheet.titleKey, language), table, language: language)
        }
        // The hidden chart-data sheet holds the summary charts' tables.
        let helper = try #require(book.sheets.first { $0.hidden })
        #expect(helper.name == Translations.text("chart_data", language))
    }

    @Test func summaryShowsEveryKPIWithItsComparison() throws {
        let pack = XLSXSamplePack.pack(.english)
        let book = try Self.write(pack, "summary.xlsx")
        let cells = book.cells("Summary")
        #expect(cells["A1"]?.value == "Sales close 2026-07")
        let h = try #require(Self.headerRow(book, "Summary", firstHeader: "KPI"))
        for (i, kpi) in pack.kpis.enumerated() {
            #expect(cells[Self.ref(h + 1 + i, 0)]?.value == Translations.text(kpi.nameKey, .english))
            #expect(Double(cells[Self.ref(h + 1 + i, 1)]?.value ?? "") == Self.expected(kpi.value))
            for (j, c) in kpi.comparisons.enumerated() {
                #expect(cells[Self.ref(h + 1 + i, 2 + 2 * j)]?.value == Translations.text(c.labelKey, .english))
                #expect(Double(cells[Self.ref(h + 1 + i, 3 + 2 * j)]?.value ?? "") == Self.expected(c.value))
            }
        }
        // Revenue is money, achievement a percentage.
        #expect(book.numberFormat(style: cells[Self.ref(h + 1, 1)]!.style) == "#,##0.00")
        #expect(book.numberFormat(style: cells[Self.ref(h + 2, 1)]!.style) == "0.0%")
    }

    @Test func formatsFollowTheCellKinds() throws {
        let book = try Self.write(XLSXSamplePack.pack(.english), "formats.xlsx")
        let h = try #require(Self.headerRow(book, "Backlog", firstHeader: "Month end"))
        let cells = book.cells("Backlog")
        let day = try #require(cells[Self.ref(h + 1, 0)])
        #expect(book.numberFormat(style: day.style) == "yyyy-mm-dd")
        #expect(day.value == "45900")  // 2025-08-31, the first of twelve month ends
        #expect(book.numberFormat(style: cells[Self.ref(h + 1, 3)]!.style) == "#,##0.00")
        let ach = try #require(Self.headerRow(book, "Achievement", firstHeader: "Period type"))
        let a = book.cells("Achievement")
        #expect(book.numberFormat(style: a[Self.ref(ach + 1, 6)]!.style) == "0.0%")
        #expect(book.numberFormat(style: a[Self.ref(ach + 1, 12)]?.style ?? 0) == "General")  // total has no rank
        #expect(book.numberFormat(style: a[Self.ref(ach + 2, 12)]!.style) == "#,##0")
        let g = try #require(Self.headerRow(book, "Growth", firstHeader: "Month"))
        let growth = book.cells("Growth")
        #expect(growth[Self.ref(g + 1, 0)]?.value == "2024-08")  // months are text
        #expect(book.numberFormat(style: growth[Self.ref(g + 1, 4)]!.style) == "#,##0")
    }

    @Test func idsAndFormulaLookingTextStayText() throws {
        let evil = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-3", "@SUM(A1)", "=1+1", "\t=cmd"]
        let ids = ["000123", "123456789012345678", "0012E5", "1.50"]
        var t = ReportTable(name: "receivables", columns: [.init("customer_id", .text), .init("customer_name", .text),
                                                            .init("balance", .money)])
        for (i, name) in evil.enumerated() { t.rows.append([.text(ids[i % ids.count]), .text(name), .money(Money(minorUnits: 100))]) }
        let pack = ClosePack(period: XLSXSamplePack.period, language: .english, kpis: [],
                             sheets: [ClosePackSheet(titleKey: "receivables", table: t)])
        for constantMemory in [false, true] {
            var options = ClosePackOptions()
            options.constantMemoryAbove = constantMemory ? 0 : 1_000
            let book = try Self.write(pack, "injection-\(constantMemory).xlsx", options: options)
            try Self.expectTable(book, sheet: "Receivables", t, language: .english)
            for sheet in book.sheets {
                #expect(!book.text(sheet.part).contains("<f>"), "no formula anywhere")
                #expect(!book.cells(sheet.name).values.contains { $0.hasFormula })
            }
        }
    }

    @Test func chartsAreWrittenAndReferenceTheTables() throws {
        let book = try Self.write(XLSXSamplePack.pack(.english), "charts.xlsx")
        let charts = book.parts.keys.filter { $0.hasPrefix("xl/charts/chart") }.sorted()
        #expect(charts.count == 8)  // 3 on Summary, one each on Growth, Backlog, Delivery, Receivables, Forecast
        let all = charts.map { book.text($0) }
        #expect(all.contains { $0.contains("<c:barChart>") && $0.contains("<c:barDir val=\"bar\"/>") && $0.contains("stacked") })
        #expect(all.contains { $0.contains("<c:lineChart>") && $0.contains("'Chart data'!$B$") })
        // The Pareto curve is a line chart; its further series (the cut-offs) are dashed.
        #expect(all.contains { $0.contains("Products: share and cumulative share") && $0.contains("<c:lineChart>")
            && $0.contains("<a:prstDash val=\"dash\"/>") })
        // The aging chart draws the top 10 customers only.
        let aging = try #require(all.first { $0.contains("Receivables aging") })
        #expect(aging.contains("Receivables!$B$4:$B$13"))
        // Summary and Receivables each have a drawing.
        #expect(book.parts.keys.filter { $0.hasPrefix("xl/drawings/drawing") && $0.hasSuffix(".xml") }.count == 6)
    }

    @Test func twoWritesGiveIdenticalBytes() throws {
        for language in Language.allCases {
            for constantMemory in [false, true] {
                var options = ClosePackOptions()
                options.constantMemoryAbove = constantMemory ? 0 : 1_000_000
                let a = Self.temporaryPath("same-a.xlsx"), b = Self.temporaryPath("same-b.xlsx")
                defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
                let pack = XLSXSamplePack.pack(language)
                try writeClosePack(pack, to: a, createdAt: pack.period.lastDay, options: options)
                try writeClosePack(pack, to: b, createdAt: pack.period.lastDay, options: options)
                let first = try Data(contentsOf: URL(fileURLWithPath: a))
                if constantMemory, let dir = ProcessInfo.processInfo.environment["SALESCLOSE_XLSX_SAMPLE_DIR"] {
                    try first.write(to: URL(fileURLWithPath: dir + "/close-\(language.rawValue)-constant-memory.xlsx"))
                }
                #expect(first == (try Data(contentsOf: URL(fileURLWithPath: b))))
                #expect(first.count > 10_000)
                let core = String(decoding: try XLSXReadBack(path: a).parts["docProps/core.xml"]!, as: UTF8.self)
                #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-07-31T00:00:00Z</dcterms:created>"))
            }
        }
    }

    @Test func presentation() throws {
        let book = try Self.write(XLSXSamplePack.pack(.english), "presentation.xlsx")
        let sheet = try #require(book.sheet("Achievement"))
        let xml = book.text(sheet.part)
        let h = try #require(Self.headerRow(book, "Achievement", firstHeader: "Period type"))
        #expect(xml.contains("<pane ySplit=\"\(h + 1)\" topLeftCell=\"A\(h + 2)\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(xml.contains("<autoFilter ref=\"A\(h + 1):M\(h + 7)\"/>"))
        #expect(xml.contains("orientation=\"landscape\""))
        #expect(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"))
        #expect(xml.contains("fitToHeight=\"0\""))
        let workbook = book.text("xl/workbook.xml")
        #expect(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">Achievement!$\(h + 1):$\(h + 1)</definedName>"))
        // Achievement colours: three formula rules that leave empty cells alone.
        #expect(xml.components(separatedBy: "<cfRule type=\"expression\"").count - 1 == 3)
        #expect(xml.contains("<formula>AND(ISNUMBER(G\(h + 2)),G\(h + 2)&lt;0.8)</formula>"))
        #expect(xml.contains("<formula>AND(ISNUMBER(G\(h + 2)),G\(h + 2)&gt;=1.0)</formula>"))
        // Column widths fitted: the key column fits "total"/"North", the money columns their numbers.
        let cols = book.elements(in: sheet.part, named: "col")
        let widths = Dictionary(uniqueKeysWithValues: cols.map { (Int($0["min"]!)!, Double($0["width"]!)!) })
        #expect(widths[5]! >= 14 && widths[5]! <= 16)  // "1,200,000.00" is 12 wide
    }

    @Test func chineseLabelsAndDoubleWidthColumns() throws {
        let book = try Self.write(XLSXSamplePack.pack(.chinese), "zh.xlsx")
        #expect(book.sheets.first?.name == "概览")
        let h = try #require(Self.headerRow(book, "目标达成", firstHeader: "期间类型"))
        #expect(book.cells("目标达成")[Self.ref(h, 6)]?.value == "完成率")
        let sheet = try #require(book.sheet("客户ABC分析"))
        let cols = book.elements(in: sheet.part, named: "col")
        // "上海恒通贸易有限公司" is 10 characters, 20 columns wide.
        let name = try #require(cols.first { $0["min"] == "2" })
        #expect(Double(name["width"]!)! >= 20)
        let charts = book.parts.keys.filter { $0.hasPrefix("xl/charts/") }.map { book.text($0) }
        #expect(charts.contains { $0.contains("各大区实际与目标") })
    }

    @Test func aSheetNotBuiltYetSaysSo() throws {
        let book = try Self.write(XLSXSamplePack.pack(.english, forecastAvailable: false), "unavailable.xlsx")
        let cells = book.cells("Forecast")
        #expect(cells["A3"]?.value == "Not available yet: this part of SalesClose is not built yet.")
        let zh = try Self.write(XLSXSamplePack.pack(.chinese, forecastAvailable: false), "unavailable-zh.xlsx")
        #expect(zh.cells("销售预测")["A3"]?.value == "暂未提供：SalesClose 的这一部分尚未完成。")
    }

    @Test func anEmptyTableKeepsItsHeaderAndSaysSo() throws {
        let empty = ReportTable(name: "delivery", columns: [.init("month", .month), .init("on_time_rate", .rate)])
        let pack = ClosePack(period: XLSXSamplePack.period, language: .english, kpis: [], sheets: [
            ClosePackSheet(titleKey: "delivery", table: empty,
                           charts: [ChartSpec(.line, titleKey: "on_time_trend", category: "month", values: ["on_time_rate"])]),
        ])
        let book = try Self.write(pack, "empty.xlsx")
        let cells = book.cells("Delivery")
        #expect(cells["A2"]?.value == "No rows for this period.")
        #expect(cells["A4"]?.value == "Month" && cells["B4"]?.value == "On-time rate")
        #expect(!book.parts.keys.contains { $0.hasPrefix("xl/charts/") })  // no chart of nothing
    }

    @Test func aChartNamingAMissingColumnIsAnError() throws {
        let pack = ClosePack(period: XLSXSamplePack.period, language: .english, kpis: [], sheets: [
            ClosePackSheet(titleKey: "delivery", table: XLSXSamplePack.delivery,
                           charts: [ChartSpec(.line, titleKey: "on_time_trend", category: "month", values: ["no_such_column"])]),
        ])
        let path = Self.temporaryPath("bad-chart.xlsx")
        let error = #expect(throws: XLSXError.self) {
            try writeClosePack(pack, to: path, createdAt: pack.period.lastDay)
        }
        #expect(!FileManager.default.fileExists(atPath: path))  // a failed write leaves no file
        #expect(error?.message == "no column 'no_such_column' in the chart's table")
    }

    @Test func longTablesContinueOnFurtherSheets() throws {
        var t = ReportTable(name: "orders", columns: [.init("key", .text), .init("quantity", .quantity)])
        for i in 0..<25 { t.rows.append([.text("K\(i)"), .quantity(Quantity(units: Int64(i)))]) }
        var options = ClosePackOptions()
        options.maxRowsPerSheet = 10  // title, blank, header, 7 data rows
        let pack = ClosePack(period: XLSXSamplePack.period, language: .english, kpis: [],
                             sheets: [ClosePackSheet(titleKey: "growth", table: t)])
        let book = try Self.write(pack, "split.xlsx", options: options)
        #expect(book.sheets.map(\.name) == ["Summary", "Growth", "Growth (2)", "Growth (3)", "Growth (4)"])
        try Self.expectTable(book, sheet: "Growth", t, language: .english, firstRow: 0, count: 7)
        try Self.expectTable(book, sheet: "Growth (2)", t, language: .english, firstRow: 7, count: 7)
        try Self.expectTable(book, sheet: "Growth (4)", t, language: .english, firstRow: 21, count: 4)
        #expect(book.cells("Growth (4)")["A1"]?.value == "Growth (4) — 2026-07")
    }

    @Test func detailRowsStreamInConstantMemory() throws {
        let columns: [ReportTable.Column] = [.init("key", .text), .init("actual", .money), .init("month_end", .day)]
        @Sendable func row(_ i: Int) -> [Cell] {
            [.text("0\(i)"), .money(Money(minorUnits: Int64(i) * 101)), .day(Day(year: 2026, month: 7, day: 1 + i % 31)!)]
        }
        let rows = (0..<3_000).map(row)
        var options = ClosePackOptions()
        options.maxRowsPerSheet = 2_000
        let pack = ClosePack(period: XLSXSamplePack.period, language: .english, kpis: [],
                             sheets: [ClosePackSheet(titleKey: "delivery", detail: DetailRows(name: "detail", columns: columns, rows: { rows }))])
        let book = try Self.write(pack, "detail.xlsx", options: options)
        #expect(book.parts["xl/sharedStrings.xml"] == nil)  // constant-memory mode writes inline strings
        let all = ReportTable(name: "detail", columns: columns, rows: rows)
        try Self.expectTable(book, sheet: "Delivery", all, language: .english, firstRow: 0, count: 1_997)
        try Self.expectTable(book, sheet: "Delivery (2)", all, language: .english, firstRow: 1_997, count: 1_003)
    }

    /// 1M rows × 10 columns through constant-memory mode. Slow (≈30 s release), so it runs only
    /// when asked: `SALESCLOSE_XLSX_MILLION=1 swift test -c release -Xswiftc -enable-testing
    /// --filter millionRows`. For the writer's peak memory run it under `/usr/bin/time -v` with
    /// `SALESCLOSE_XLSX_WRITE_ONLY=1` too (reading the 50 MB workbook back through ZIPFoundation
    /// costs several hundred MB of its own; writing peaked at 29 MB).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SALESCLOSE_XLSX_MILLION"] != nil))
    func millionRows() throws {
        let columns: [ReportTable.Column] = [
            .init("key", .text), .init("customer_name", .text), .init("month", .month), .init("month_end", .day),
            .init("quantity", .quantity), .init("actual", .money), .init("target", .money), .init("achievement_rate", .rate),
            .init("rank", .integer), .init("cv", .number),
        ]
        // SALESCLOSE_XLSX_MILLION=1 runs a million rows; a larger number runs that many.
        let asked = Int(ProcessInfo.processInfo.environment["SALESCLOSE_XLSX_MILLION"] ?? "") ?? 1
        let count = asked > 1 ? asked : 1_000_000
        @Sendable func row(_ i: Int) -> [Cell] {
            let name: String = i % 3 == 0 ? "上海恒通贸易有限公司" : "Acme Retail GmbH"
            let day = Day(year: 2026, month: 7, day: 1 + i % 31)!
            var cells: [Cell] = [.text("SO-\(i)"), .text(name), .month(Month(year: 2026, month: 1 + i % 12)), .day(day)]
            cells.append(.quantity(Quantity(units: Int64(i % 50))))
            cells.append(.money(Money(minorUnits: Int64(i) * 37)))
            cells.append(.money(Money(minorUnits: Int64(i) * 40)))
            cells += [.rate(0.925), .integer(i), .number(Double(i) / 7)]
            return cells
        }
        let pack = ClosePack(period: XLSXSamplePack.period, language: .english, kpis: [],
                             sheets: [ClosePackSheet(titleKey: "delivery", detail: DetailRows(name: "detail", columns: columns, rows: { (0..<count).lazy.map(row) }),
                                                     achievementColumns: ["achievement_rate"])])
        let path = Self.temporaryPath("million.xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try writeClosePack(pack, to: path, createdAt: pack.period.lastDay)
        if ProcessInfo.processInfo.environment["SALESCLOSE_XLSX_WRITE_ONLY"] != nil { return }
        // Read back without holding the 100 MB sheet XML: only the names and the sheet's tail.
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let entries = archive.map(\.path)
        #expect(entries.contains("xl/worksheets/sheet2.xml") && !entries.contains("xl/worksheets/sheet3.xml"))
        var tail = Data()
        _ = try archive.extract(try #require(archive["xl/worksheets/sheet2.xml"]), consumer: { chunk in
            tail.append(chunk)
            if tail.count > 8_192 { tail = tail.suffix(4_096) }
        })
        // Title, colour legend, blank row, header: the last data row is row 1,000,004.
        let end = String(decoding: tail, as: UTF8.self)
        #expect(end.contains("<row r=\"1000004\""))
        #expect(end.contains("<c r=\"A1000004\" t=\"inlineStr\"><is><t>SO-999999</t></is></c>"))
        #expect(end.contains("<autoFilter ref=\"A4:J1000004\"/>"))
    }
}
