import SalesCloseConfiguration
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
        let language = configuration.language
        let names = imported.data.names
        return ClosePack(period: period, language: language, kpis: kpis(), summaryCharts: summaryCharts(),
                         sheets: [
            ClosePackSheet(titleKey: "achievement", table: close.achievement.table, achievementColumns: ["achievement_rate"]),
            ClosePackSheet(titleKey: "growth", table: close.growth.table),
            ClosePackSheet(titleKey: "products_abc", table: close.abc.products.table, sideTables: [close.abc.products.matrixTable],
                           notes: [abcNote(language)]),
            ClosePackSheet(titleKey: "customers_abc", table: close.abc.customers.table, sideTables: [close.abc.customers.matrixTable],
                           notes: [abcNote(language)]),
            ClosePackSheet(titleKey: "backlog", table: close.backlog.table(names: names)),
            ClosePackSheet(titleKey: "delivery", table: close.delivery.table(names: names),
                           sideTables: [close.delivery.overdueTable(data: imported.data)]),
            ClosePackSheet(titleKey: "receivables", table: close.receivables.table(data: imported.data),
                           sideTables: [close.planVsActual.table()],
                           charts: [ChartSpec(.stackedBar, titleKey: "receivables_aging", category: "customer_name",
                                              values: configurationBucketNames(), maxRows: 10)]),
            ClosePackSheet(titleKey: "forecast", table: close.forecast.table(names: names),
                           sideTables: [ForecastCalculation.projectionTable(close.projections, names: names)],
                           notes: [Translations.text("forecast_note", language)]),
            ClosePackSheet(titleKey: "data_quality", table: findingsTable, sideTables: [inputFilesTable(), rejectsTable, settingsTable()]),
        ])
    }

    private func kpis() -> [KPI] {
        let month = close.achievement.row(.month, .total, 0)
        let ytd = close.achievement.row(.ytd, .total, 0)
        let money = { (units: Int64?) in units.map { ReportTable.Cell.money(Money(minorUnits: $0)) } ?? .empty }
        let kpis = close.orderToCash
        return [
            KPI("revenue", money(month?.actual), comparisons: [
                .init("target", money(month?.target)),
                .init("prior_year", money(month?.priorYearActual)), .init("prior_month", money(month?.priorPeriodActual))]),
            KPI("achievement_rate", .rateOrEmpty(month?.achievementRate), comparisons: [
                .init("ytd", .rateOrEmpty(ytd?.achievementRate))], colourAsAchievement: true),
            KPI("yoy_growth", .rateOrEmpty(month?.yoyGrowth)),
            KPI("mom_growth", .rateOrEmpty(month?.momGrowth)),
            KPI("gross_margin", month?.grossMargin.map(ReportTable.Cell.money) ?? .empty, comparisons: [
                .init("gross_margin_rate", .rateOrEmpty(month?.marginRate))]),
            KPI("backlog_closing", .money(kpis.closingBacklog)),
            KPI("on_time_rate", .rateOrEmpty(kpis.onTimeRate)),
            KPI("receivables_balance", .money(kpis.totalReceivables), comparisons: [
                .init("overdue_90_plus", .money(kpis.receivablesInOldestBucket))]),
            KPI("projected_year_end_achievement",
                .rateOrEmpty(close.projections.first { $0.level == .total }?.projectedAchievement), colourAsAchievement: true),
        ]
    }

    private func summaryCharts() -> [ChartSpec] {
        let regions = close.achievement.rows.filter { $0.periodType == .month && $0.level == .region }
        let money = { (units: Int64?) in units.map { ReportTable.Cell.money(Money(minorUnits: $0)) } ?? .empty }
        let byRegion = ReportTable(name: "actual_vs_target_by_region",
                                   columns: [.init("region", .text), .init("target", .money), .init("actual", .money)],
                                   rows: regions.map { [.text($0.keyText), money($0.target), money($0.actual)] })
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
        let pareto = ReportTable(name: "product_pareto",
                                 columns: [.init("sku", .text), .init("share", .rate), .init("cumulative_share", .rate)],
                                 rows: close.abc.products.items.prefix(20).map {
                                     [.text($0.keyText), .rateOrEmpty($0.share), .rateOrEmpty($0.cumulativeShare)]
                                 })
        return [
            ChartSpec(.column, titleKey: "actual_vs_target_by_region", source: .table(byRegion), category: "region",
                      values: ["target", "actual"]),
            ChartSpec(.line, titleKey: "revenue_trend_24m", source: .table(trend), category: "month",
                      values: ["actual", "forecast", "lo80", "hi80"], looks: ["forecast": .dashed, "lo80": .band, "hi80": .band]),
            ChartSpec(.pareto, titleKey: "product_pareto", source: .table(pareto), category: "sku",
                      values: ["share", "cumulative_share"]),
        ]
    }

    private func abcNote(_ language: Language) -> String {
        let abc = close.abc.products
        guard !abc.items.isEmpty else { return "" }
        return Translations.text("abc_window_note", language, abc.window.lowerBound.description, abc.window.upperBound.description,
                                 Translations.text(abc.settings.metric.rawValue, language),
                                 percent(abc.settings.a), percent(abc.settings.b))
    }

    private func configurationBucketNames() -> [String] {
        configuration.receivables.agingBucketNames
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
        ReportTable(name: "settings", columns: [.init("setting", .text), .init("value", .text)],
                    rows: configuration.settingsRows.map { [.text($0.setting), .text($0.value)] })
    }
}

private func percent(_ x: Double) -> String {
    let p = x * 100
    return (p == p.rounded() ? String(Int(p)) : String(p)) + " %"
}
