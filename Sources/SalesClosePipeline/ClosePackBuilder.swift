import SalesCloseCore
import SalesCloseImport
import SalesCloseWriters

/// Lays out the XLSX close pack from a close's tables: the Summary KPIs and charts, then one
/// sheet per capability in SPEC order.
struct ClosePackBuilder {
    let close: CloseCalculation
    let imported: ImportResult
    let configuration: Configuration
    let period: Month
    let findingsTable: ReportTable
    let rejectsTable: ReportTable

    func pack() -> ClosePack {
        let language = Language(code: configuration.language) ?? .english
        let table = { (name: String) in close.tables.first { $0.name == name }! }
        return ClosePack(period: period, language: language, kpis: kpis(), summaryCharts: summaryCharts(table),
                         sheets: [
            ClosePackSheet(titleKey: "achievement", table: table("achievement"), achievementColumns: ["achievement_rate"]),
            ClosePackSheet(titleKey: "growth", table: table("growth")),
            ClosePackSheet(titleKey: "products_abc", table: table("abc_products"), sideTables: [matrix("products")],
                           notes: [abcNote(language)]),
            ClosePackSheet(titleKey: "customers_abc", table: table("abc_customers"), sideTables: [matrix("customers")],
                           notes: [abcNote(language)]),
            ClosePackSheet(titleKey: "backlog", table: table("backlog")),
            ClosePackSheet(titleKey: "delivery", table: table("delivery"), sideTables: [table("overdue_lines")]),
            ClosePackSheet(titleKey: "receivables", table: table("receivables"), sideTables: [table("plan_vs_actual")],
                           charts: [ChartSpec(.stackedBar, titleKey: "receivables_aging", category: "customer_name",
                                              values: configurationBucketNames(), maxRows: 10)]),
            ClosePackSheet(titleKey: "forecast", table: table("forecast"), sideTables: [table("projection")],
                           notes: [Translations.text("forecast_note", language)]),
            ClosePackSheet(titleKey: "data_quality", table: findingsTable, sideTables: [inputFilesTable(), rejectsTable, settingsTable()]),
        ])
    }

    private func kpis() -> [KPI] {
        let now = close.actuals.figures(.total, 0, period)
        let priorYear = close.actuals.figures(.total, 0, period.advanced(by: -12)).revenue
        let priorMonth = close.actuals.figures(.total, 0, period.advanced(by: -1)).revenue
        let target = close.plan.target(.revenue, .total, 0, in: period...period).map(Money.init(minorUnits:))
        let ytdMonths = period.yearStart...period
        let ytdActual = close.actuals.revenue(.total, 0, in: ytdMonths)
        let ytdTarget = close.plan.target(.revenue, .total, 0, in: ytdMonths).map(Money.init(minorUnits:))
        let kpis = close.orderToCash
        return [
            KPI("revenue", .money(now.revenue), comparisons: [
                .init("target", target.map(ReportTable.Cell.money) ?? .empty),
                .init("prior_year", .money(priorYear)), .init("prior_month", .money(priorMonth))]),
            KPI("achievement_rate", .rateOrEmpty(ratio(now.revenue, target)), comparisons: [
                .init("ytd", .rateOrEmpty(ratio(ytdActual, ytdTarget)))], colourAsAchievement: true),
            KPI("yoy_growth", .rateOrEmpty(ratio(now.revenue, priorYear).map { $0 - 1 })),
            KPI("mom_growth", .rateOrEmpty(ratio(now.revenue, priorMonth).map { $0 - 1 })),
            KPI("gross_margin", now.grossMargin.map(ReportTable.Cell.money) ?? .empty, comparisons: [
                .init("gross_margin_rate", .rateOrEmpty(now.grossMargin.flatMap { ratio($0, now.costedRevenue) }))]),
            KPI("backlog_closing", .money(kpis.closingBacklog)),
            KPI("on_time_rate", .rateOrEmpty(kpis.onTimeRate)),
            KPI("receivables_balance", .money(kpis.totalReceivables), comparisons: [
                .init("overdue_90_plus", .money(kpis.receivablesInOldestBucket))]),
            KPI("projected_year_end_achievement", projectedYearEnd(), colourAsAchievement: true),
        ]
    }

    /// The company total's projected year-end achievement, from the projection table.
    private func projectedYearEnd() -> ReportTable.Cell {
        guard let projection = close.tables.first(where: { $0.name == "projection" }),
              let level = projection.columnIndex("level"), let rate = projection.columnIndex("projected_achievement"),
              let total = projection.rows.first(where: { $0[level] == .text("total") }) else { return .empty }
        return total[rate]
    }

    private func summaryCharts(_ table: (String) -> ReportTable) -> [ChartSpec] {
        let achievement = table("achievement")
        let col = { (name: String) in achievement.columnIndex(name)! }
        let regions = achievement.rows.filter {
            $0[col("period_type")] == .text("month") && $0[col("level")] == .text("region")
        }
        let byRegion = ReportTable(name: "actual_vs_target_by_region",
                                   columns: [.init("region", .text), .init("target", .money), .init("actual", .money)],
                                   rows: regions.map { [$0[col("key")], $0[col("target")], $0[col("actual")]] })
        // 24 months of actuals, then the forecast with its 80 % band.
        let horizon = close.forecast.horizon
        let trend = ReportTable(name: "revenue_trend", columns: [
            .init("month", .month), .init("actual", .money), .init("forecast", .money), .init("lo80", .money), .init("hi80", .money),
        ], rows: (0..<(24 + horizon)).map { step in
            let m = period.advanced(by: step - 23)
            guard step >= 24 else { return [.month(m), .money(close.actuals.figures(.total, 0, m).revenue), .empty, .empty, .empty] }
            let f = close.forecast.total(m)
            return [.month(m), .empty, .moneyOrEmpty(f?.mean), .moneyOrEmpty(f?.lo80), .moneyOrEmpty(f?.hi80)]
        })
        let products = close.abc.products
        let pick = ["key", "share", "cumulative_share"].map { products.columnIndex($0)! }
        let pareto = ReportTable(name: "product_pareto",
                                 columns: [.init("sku", .text), .init("share", .rate), .init("cumulative_share", .rate)],
                                 rows: products.rows.prefix(20).map { row in pick.map { row[$0] } })
        return [
            ChartSpec(.column, titleKey: "actual_vs_target_by_region", source: .table(byRegion), category: "region",
                      values: ["target", "actual"]),
            ChartSpec(.line, titleKey: "revenue_trend_24m", source: .table(trend), category: "month",
                      values: ["actual", "forecast", "lo80", "hi80"], looks: ["forecast": .dashed, "lo80": .band, "hi80": .band]),
            ChartSpec(.pareto, titleKey: "product_pareto", source: .table(pareto), category: "sku",
                      values: ["share", "cumulative_share"]),
        ]
    }

    /// The ABC × XYZ counts of one subject (`products` or `customers`), without the subject column.
    private func matrix(_ subject: String) -> ReportTable {
        let m = close.abc.matrix
        let s = m.columnIndex("subject")!
        return ReportTable(name: "abc_xyz_matrix", columns: m.columns.enumerated().filter { $0.offset != s }.map(\.element),
                           rows: m.rows.filter { $0[s] == .text(subject) }.map { row in
                               row.enumerated().filter { $0.offset != s }.map(\.element)
                           })
    }

    private func abcNote(_ language: Language) -> String {
        let products = close.abc.products
        guard let first = products.rows.first, let start = products.columnIndex("window_start"),
              let end = products.columnIndex("window_end") else { return "" }
        func text(_ c: ReportTable.Cell) -> String {
            if case .month(let m) = c { return m.description }
            if case .text(let t) = c { return t }
            return ""
        }
        return Translations.text("abc_window_note", language, text(first[start]), text(first[end]),
                                 Translations.text(configuration.abcMetric, language),
                                 percent(configuration.abcA), percent(configuration.abcB))
    }

    private func configurationBucketNames() -> [String] {
        OrderToCashSettings(agingBucketEdges: configuration.agingBuckets).agingBucketNames
    }

    private func inputFilesTable() -> ReportTable {
        ReportTable(name: "input_files", columns: [
            .init("file", .text), .init("table", .text), .init("rows_read", .integer), .init("rows_accepted", .integer),
            .init("rows_rejected", .integer), .init("rows_duplicate", .integer), .init("sha256", .text),
        ], rows: imported.files.map {
            [.text($0.path), .text($0.table?.rawValue ?? $0.role.rawValue), .integer($0.rowsRead), .integer($0.accepted),
             .integer($0.rejected), .integer($0.superseded), .text($0.sha256)]
        })
    }

    private func settingsTable() -> ReportTable {
        let c = configuration
        let settings: [(String, String)] = [
            ("targets.allocation", c.allocation), ("abc.window_months", String(c.abcWindowMonths)),
            ("abc.metric", c.abcMetric), ("abc.a", percent(c.abcA)), ("abc.b", percent(c.abcB)),
            ("abc.x", String(c.xyzX)), ("abc.y", String(c.xyzY)),
            ("achievement.low", percent(c.achievementLow)), ("achievement.high", percent(c.achievementHigh)),
            ("receivables.aging_buckets", c.agingBuckets.map(String.init).joined(separator: ", ")),
            ("receivables.aging_basis", c.agingBasis), ("config_digest", c.digest),
        ]
        return ReportTable(name: "settings", columns: [.init("setting", .text), .init("value", .text)],
                           rows: settings.map { [.text($0.0), .text($0.1)] })
    }
}

private func ratio(_ a: Money, _ b: Money?) -> Double? {
    guard let b, b.minorUnits != 0 else { return nil }
    return Double(a.minorUnits) / Double(b.minorUnits)
}

private func percent(_ x: Double) -> String {
    let p = x * 100
    return (p == p.rounded() ? String(Int(p)) : String(p)) + " %"
}
