import Foundation
import SalesCloseCore
import SalesClosePipeline
import SalesCloseTestSupport
import SalesCloseWriters
import Testing

/// The sample's close pack read back as a manager would read it: the sheets in order, the close
/// period first, each section's N rows + "others" + total adding up to the CSV tables to the
/// cent, Chinese cells without English enum words, charts reading filled cells, and the aging
/// chart showing the ten largest balances.
@Suite struct ClosePackReadBackTests {
    typealias Grid = [[XLSXReadBack.Cell?]]

    /// Runs the sample with its configuration, `[workbook] top_n` set to `top` when given.
    static func run(top: Int? = nil) throws -> (book: XLSXReadBack, folder: String, cleanup: () -> Void) {
        let out = try TemporaryFolder()
        var options = SampleRunTests.options(output: out.path + "/Output")
        if let top {
            let config = out.path + "/Config"
            try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: SampleRunTests.root + "/Config") {
                try FileManager.default.copyItem(atPath: SampleRunTests.root + "/Config/" + name, toPath: config + "/" + name)
            }
            let toml = try String(contentsOfFile: config + "/salesclose.toml", encoding: .utf8)
            try (toml + "\n[workbook]\ntop_n = \(top)\n").write(toFile: config + "/salesclose.toml", atomically: true, encoding: .utf8)
            options.configFolder = config
        }
        let summary = try CloseRun(options: options, log: { _ in }).execute()
        let book = try XLSXReadBack(path: summary.outputPath + "/close-\(summary.period).xlsx")
        return (book, summary.outputPath, { out.remove() })
    }

    func zh(_ key: String, _ arguments: String...) -> String { Translations.text(key, .chinese, arguments: arguments) }

    /// The rows of the section captioned `caption`: header texts → cells, up to the blank row.
    func section(_ grid: Grid, _ caption: String) throws -> [[String: XLSXReadBack.Cell]] {
        let start = try #require(grid.firstIndex { $0.first??.value == caption }, "no section \(caption)")
        let header = grid[start + 1].map { $0?.value ?? "" }
        var rows: [[String: XLSXReadBack.Cell]] = []
        var r = start + 2
        while r < grid.count, let first = grid[r].first, let cell = first, !cell.value.isEmpty {
            var row: [String: XLSXReadBack.Cell] = [:]
            for (i, c) in grid[r].enumerated() where i < header.count { if let c { row[header[i]] = c } }
            rows.append(row)
            r += 1
        }
        return rows
    }

    func cents(_ text: String) -> Int64 { Int64((Double(text)! * 100).rounded()) }

    /// Top rows + others = total, and total = the CSV's sum, to the cent. Returns the number of rows shown.
    @discardableResult
    func reconciles(_ rows: [[String: XLSXReadBack.Cell]], column: String, csv: [Int64], top: Int) throws -> Int {
        let header = Translations.columnHeader(column, .chinese)
        let total = try #require(rows.last)
        let body = rows.dropLast()
        let others = body.last.map { $0.values.contains { $0.value.hasPrefix("其他（") } } ?? false
        let shown = others ? body.count - 1 : body.count
        #expect(shown == min(top, csv.count))
        #expect(others == (csv.count > top))
        let sum = body.reduce(Int64(0)) { $0 + ($1[header].map { cents($0.value) } ?? 0) }
        let totalValue = try #require(total[header]).value
        #expect(sum == cents(totalValue))
        #expect(cents(totalValue) == csv.reduce(0, +), "\(column): total \(totalValue) is not the CSV's sum")
        return shown
    }

    func csvCents(_ folder: String, _ table: String, _ column: String, where filter: [String: String] = [:]) throws -> [Int64] {
        try SampleRunTests().rows(folder + "/\(table).csv")
            .filter { row in filter.allSatisfy { row[$0.key] == $0.value } }
            .compactMap { $0[column].flatMap { $0.isEmpty ? nil : cents($0) } }
    }

    @Test(arguments: [nil, 5] as [Int?])
    func sectionsAddUpToTheCSVTables(top: Int?) throws {
        let (book, folder, cleanup) = try Self.run(top: top)
        defer { cleanup() }
        let n = top ?? 30
        let receivables = book.grid(zh("receivables"))
        try reconciles(try section(receivables, zh("receivables_top", String(n), "2026-10-31")), column: "balance",
                       csv: try csvCents(folder, "receivables", "balance"), top: n)
        let backlog = book.grid(zh("backlog"))
        try reconciles(try section(backlog, zh("section_level_month_end", zh("level.customer"), "2026-10-31")), column: "closing",
                       csv: try csvCents(folder, "backlog", "closing", where: ["month_end": "2026-10-31", "level": "customer"]), top: n)
        let achievement = book.grid(zh("achievement"))
        try reconciles(try section(achievement, zh("section_level_period", zh("level.salesperson"), zh("period_type.month"), "2026-10")),
                       column: "actual", csv: try csvCents(folder, "achievement", "actual",
                                                          where: ["period_type": "month", "level": "salesperson"]), top: n)
        let products = book.grid(zh("products_abc"))
        try reconciles(try section(products, zh("abc_top", zh("subject.products"), String(n))), column: "metric",
                       csv: try csvCents(folder, "abc_products", "metric"), top: n)
        let delivery = book.grid(zh("delivery"))
        try reconciles(try section(delivery, zh("overdue_top", "2026-10-31")), column: "open_value",
                       csv: try csvCents(folder, "overdue_lines", "open_value"), top: n)
    }

    @Test func sheetsAreInOrderAndOpenOnTheClosePeriod() throws {
        let (book, _, cleanup) = try Self.run()
        defer { cleanup() }
        #expect(book.sheets.map(\.name) == ["summary", "achievement", "growth", "products_abc", "customers_abc", "backlog",
                                            "delivery", "receivables", "forecast", "scorecard", "data_quality", "chart_data"].map { zh($0) })
        #expect(book.sheets.filter(\.hidden).map(\.name) == [zh("chart_data")])
        for sheet in book.sheets where !sheet.hidden && sheet.name != zh("summary") {
            #expect(book.cells(sheet.name)["A1"]?.value.hasSuffix("2026-10") == true, "\(sheet.name) is not titled with the period")
        }
        // The first row of each sheet's first section is the close period.
        let achievement = try section(book.grid(zh("achievement")), zh("company_by_period"))
        #expect(achievement.first?[zh("period")]?.value == zh("period_type.month") + " 2026-10")
        let growth = try section(book.grid(zh("growth")), zh("company_by_month"))
        #expect(growth.first?[zh("month")]?.value == "2026-10")
        #expect(growth.map { $0[zh("month")]!.value } == growth.map { $0[zh("month")]!.value }.sorted(by: >))
        let backlog = try section(book.grid(zh("backlog")), zh("company_by_month_end"))
        #expect(backlog.count == 13)
        // 2026-10-31 as an Excel serial day.
        #expect(backlog.first?[zh("month_end")]?.value == "46326")
        let delivery = try section(book.grid(zh("delivery")), zh("company_by_promised_month"))
        #expect(delivery.first?[zh("month")]?.value == "2026-10")
    }

    /// No cell of a Chinese pack is an English enum value, level, period type, severity or model name.
    @Test func chineseCellsHoldNoEnglishEnumWords() throws {
        let (book, _, cleanup) = try Self.run()
        defer { cleanup() }
        let words: Set<String> = [
            "month", "qtd", "ytd", "total", "region", "salesperson", "customer", "category", "sku", "channel",
            "error", "warning", "note", "deliveries", "shipped_value", "collections", "products", "customers",
            "revenue", "quantity", "gross_margin", "others", "Total", "Others",
        ]
        let models = ["Naive", "SeasonalNaive", "Croston", "SBA", "TSB", "Theta", "DampedTrend", "Combination", "ETS"]
        for sheet in book.sheets where !sheet.hidden {
            for (ref, cell) in book.cells(sheet.name) where cell.type != "n" {
                #expect(!words.contains(cell.value), "\(sheet.name)!\(ref) shows \"\(cell.value)\"")
                #expect(!models.contains { cell.value == $0 || cell.value.hasPrefix($0 + "(") },
                        "\(sheet.name)!\(ref) shows the model \"\(cell.value)\" untranslated")
            }
        }
    }

    /// No label of either language is a translation key shown as itself (`gap_note`, `level.total`).
    @Test func everyLabelIsTranslated() throws {
        for language in ["en", "zh-CN"] {
            let out = try TemporaryFolder()
            defer { out.remove() }
            let config = out.path + "/Config"
            try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: SampleRunTests.root + "/Config") {
                try FileManager.default.copyItem(atPath: SampleRunTests.root + "/Config/" + name, toPath: config + "/" + name)
            }
            let toml = try String(contentsOfFile: config + "/salesclose.toml", encoding: .utf8)
                .replacingOccurrences(of: "language = \"zh-CN\"", with: "language = \"\(language)\"")
            try toml.write(toFile: config + "/salesclose.toml", atomically: true, encoding: .utf8)
            var options = SampleRunTests.options(output: out.path + "/Output")
            options.configFolder = config
            let summary = try CloseRun(options: options, log: { _ in }).execute()
            let book = try XLSXReadBack(path: summary.outputPath + "/close-\(summary.period).xlsx")
            let key = try Regex("^[a-z][a-z0-9]*([._][a-z0-9]+)+$")
            // The data-quality sheet shows file names, field names and configuration keys and values
            // (`abc.window_months`, `prior_year`) as they are written, on purpose.
            let dataQuality = Translations.text("data_quality", language == "en" ? .english : .chinese)
            for sheet in book.sheets where !sheet.hidden && sheet.name != dataQuality {
                for (ref, cell) in book.cells(sheet.name) where cell.type != "n" {
                    #expect(cell.value.wholeMatch(of: key) == nil, "\(language) \(sheet.name)!\(ref) shows the key \"\(cell.value)\"")
                }
            }
            for chart in book.charts { #expect(chart.title.wholeMatch(of: key) == nil, "\(language): chart titled \(chart.title)") }
        }
    }

    /// Every chart series reads cells that exist and hold values, and the aging chart's
    /// customers are the ten largest balances of receivables.csv, largest first.
    @Test func chartsReadFilledCellsAndAgingShowsTheLargestBalances() throws {
        let (book, folder, cleanup) = try Self.run()
        defer { cleanup() }
        let charts = book.charts
        #expect(charts.count == 7)
        var gridCache: [String: Grid] = [:]
        func cells(_ range: String) throws -> [XLSXReadBack.Cell?] {
            let parts = range.split(separator: "!")
            let sheet = parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            let bounds = parts[1].replacingOccurrences(of: "$", with: "").split(separator: ":").map(String.init)
            let from = try #require(XLSXReadBack.position(bounds[0])), to = try #require(XLSXReadBack.position(bounds.last!))
            let grid = gridCache[sheet] ?? book.grid(sheet)
            gridCache[sheet] = grid
            return (from.row...to.row).flatMap { r in (from.column...to.column).map { c in
                r < grid.count && c < grid[r].count ? grid[r][c] : nil
            } }
        }
        for chart in charts {
            #expect(!chart.title.isEmpty)
            for (i, range) in chart.ranges.enumerated() {
                let values = try cells(range)
                if i % 2 == 0 {
                    #expect(values.allSatisfy { !($0?.value ?? "").isEmpty }, "\(chart.title): a category of \(range) is empty")
                } else {
                    #expect(values.contains { $0 != nil }, "\(chart.title): \(range) has no values")
                }
            }
        }
        let aging = try #require(charts.first { $0.title == zh("receivables_aging_chart", "2026-10-31") })
        let shown = try cells(aging.ranges[0]).map { $0?.value ?? "" }
        let rows = try SampleRunTests().rows(folder + "/receivables.csv")
        // Largest first; equal balances keep the CSV's order.
        let largest = rows.indices.sorted { (cents(rows[$1]["balance"]!), $0) < (cents(rows[$0]["balance"]!), $1) }
            .prefix(10).map { rows[$0] }.map { PackText.short($0["customer_name"]!.isEmpty ? $0["customer_id"]! : $0["customer_name"]!, width: 16) }
        #expect(shown == Array(largest))
    }
}
