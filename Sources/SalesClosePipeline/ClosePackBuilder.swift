import SalesCloseConfiguration
import SalesCloseCore
import SalesCloseImport
import SalesCloseWriters

/// Lays out the XLSX close pack from a close's typed results: the Summary KPIs and charts, then
/// one sheet per capability in SPEC order, each sized for people (`[workbook] top_n` rows, an
/// "others" line and a total), then the full tables as detail sheets when `[workbook] detail`.
/// A sheet is one `ClosePackSheet` here; adding one is adding a line to `pack()`.
struct ClosePackBuilder {
    let figures: CloseFigures
    let forecasts: CloseForecasts
    let imported: ImportResult
    let configuration: Configuration
    let period: Month
    let findings: [Finding]
    /// The first `top` rejected rows (all of them are in `rejects.csv`).
    let shownRejects: ReportTable

    var language: Language { configuration.language }
    var top: Int { configuration.workbook.topN }
    func t(_ key: String, _ arguments: String...) -> String { Translations.text(key, language, arguments: arguments) }

    func pack() -> ClosePack {
        let data = imported.data
        let sheets: [ClosePackSheet] = [
            .achievement(figures.sales.achievement, top: top, language: language),
            .growth(figures.sales.growth, close: period, top: top, language: language),
            .abc(figures.sales.abc.products, top: top, language: language),
            .abc(figures.sales.abc.customers, top: top, language: language),
            .backlog(figures.backlog, data: data, top: top, language: language),
            .delivery(figures.delivery, data: data, top: top, language: language),
            .receivables(figures.receivables, planVsActual: figures.planVsActual, data: data, top: top, language: language),
            forecastSheet(),
            .scorecard(figures.scorecard, names: data.names, top: top, language: language),
            .dataQuality(findings: findings, rejects: shownRejects, rejectCount: imported.rejects.count, inputFiles: inputFilesTable(), settings: settings(),
                         top: top, language: language),
        ]
        return ClosePack(period: period, language: language, kpis: kpis(), summaryCharts: summaryCharts(),
                         summaryNotes: ["gap_note"], sheets: sheets + (configuration.workbook.detail ? detailSheets() : []))
    }

    /// The full tables, for those who want them in the workbook too.
    private func detailSheets() -> [ClosePackSheet] {
        let names = imported.data.names
        return [
            ("achievement", figures.sales.achievement.table), ("growth", figures.sales.growth.table),
            ("products_abc", figures.sales.abc.products.table), ("customers_abc", figures.sales.abc.customers.table),
            ("backlog", figures.backlog.table(names: names)), ("delivery", figures.delivery.table(names: names)),
            ("overdue_lines", figures.delivery.overdueTable(data: imported.data)),
            ("receivables", figures.receivables.table(data: imported.data)), ("forecast", forecasts.revenue.table(names: names)),
        ].map { ClosePackSheet(titleKey: t("detail_sheet", t($0.0)), table: $0.1) }
    }

    private func kpis() -> [KPI] {
        let month = figures.sales.achievement.row(.month, .total, 0)
        let ytd = figures.sales.achievement.row(.ytd, .total, 0)
        let money = { (units: Int64?) in units.map { ReportTable.Cell.money(Money(minorUnits: $0)) } ?? .empty }
        let kpis = figures.orderToCash
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
                .rateOrEmpty(forecasts.projections.first { $0.level == .total }?.projectedAchievement), colourAsAchievement: true),
        ]
    }

    private func summaryCharts() -> [ChartSpec] {
        let money = { (units: Int64?) in units.map { ReportTable.Cell.money(Money(minorUnits: $0)) } ?? .empty }
        let month = period.description
        let regions = figures.sales.achievement.rows.filter { $0.periodType == .month && $0.level == .region }
        let byRegion = ReportTable(name: "actual_vs_target_by_region",
                                   columns: [.init("region", .text), .init("target", .money), .init("actual", .money)],
                                   rows: regions.map { [.text($0.keyText), money($0.target), money($0.actual)] })
        // 24 months of actuals, then the forecast with its 80 % band.
        let horizon = forecasts.revenue.horizon
        let trend = ReportTable(name: "revenue_trend", columns: [
            .init("month", .month), .init("actual", .money), .init("forecast", .money), .init("lo80", .money), .init("hi80", .money),
        ], rows: (0..<(24 + horizon)).map { step in
            let m = period.advanced(by: step - 23)
            guard step >= 24 else { return [.month(m), .money(figures.sales.actuals.figures(.total, 0, m).revenue), .empty, .empty, .empty] }
            let f = forecasts.revenue.total(m)
            return [.month(m), .empty, .moneyOrEmpty(f?.mean), .moneyOrEmpty(f?.lo80), .moneyOrEmpty(f?.hi80)]
        })
        // The Pareto curve of the 20 largest products, labelled by short name, with the ABC cut-offs.
        let abc = figures.sales.abc.products
        let pareto = ReportTable(name: "product_pareto", columns: [
            .init("product", .text), .init("cumulative_share", .rate), .init("cutoff_a", .rate), .init("cutoff_b", .rate),
        ], rows: abc.items.prefix(20).map {
            [.text(PackText.short($0.name.isEmpty ? $0.keyText : $0.name, width: 12)), .rateOrEmpty($0.cumulativeShare),
             .rate(abc.settings.a), .rate(abc.settings.b)]
        })
        // Salespeople with an achievement rate: the best five and the worst five.
        let rated = figures.sales.achievement.rows.filter { $0.periodType == .month && $0.level == .salesperson && $0.achievementRate != nil }
        let shown = rated.count <= 10 ? rated : Array(rated.prefix(5) + rated.suffix(5))
        let people = ReportTable(name: "achievement_by_salesperson",
                                 columns: [.init("salesperson", .text), .init("achievement_rate", .rate)],
                                 rows: shown.map { [.text(PackText.short($0.keyText, width: 16)), .rateOrEmpty($0.achievementRate)] })
        // The year: YTD actual and the projected total against the annual target, company and regions.
        let year = forecasts.projections.filter { $0.level == .total || $0.level == .region }
        let yearTable = ReportTable(name: "year_vs_target", columns: [
            .init("key", .text), .init("ytd_actual", .money), .init("projected", .money), .init("annual_target", .money),
        ], rows: year.map {
            [.text($0.level == .total ? t("level.total") : $0.level.text(of: $0.key, names: imported.data.names)),
             .money($0.ytdActual), .money($0.projected), .money($0.annualTarget)]
        })
        return [
            ChartSpec(.column, titleKey: t("region_chart", month), source: .table(byRegion), category: "region",
                      values: ["target", "actual"]),
            ChartSpec(.line, titleKey: t("trend_chart", period.advanced(by: -23).description, month,
                                         period.advanced(by: horizon).description),
                      source: .table(trend), category: "month",
                      values: ["actual", "forecast", "lo80", "hi80"], looks: ["forecast": .dashed, "lo80": .band, "hi80": .band]),
            ChartSpec(.pareto, titleKey: t("pareto_chart", abc.window.lowerBound.description, abc.window.upperBound.description,
                                          String(min(20, abc.items.count))),
                      source: .table(pareto), category: "product", values: ["cumulative_share", "cutoff_a", "cutoff_b"],
                      categoryRotation: -45),
            ChartSpec(.bar, titleKey: t("salesperson_chart", month, String(min(5, (shown.count + 1) / 2))), source: .table(people),
                      category: "salesperson", values: ["achievement_rate"]),
            ChartSpec(.column, titleKey: t("year_chart", String(period.year)), source: .table(yearTable), category: "key",
                      values: ["ytd_actual", "projected", "annual_target"]),
        ]
    }

    /// Forecast: the company's months ahead with their bands, the projected year end per level
    /// (top keys by annual target, "others", total), and per forecast level the top keys by
    /// forecast over the horizon, "others" and the total, adding up to `forecast.csv`.
    private func forecastSheet() -> ClosePackSheet {
        let text = PackText(language: language)
        let forecast = forecasts.revenue
        let names = imported.data.names
        let first = period.advanced(by: 1), last = period.advanced(by: forecast.horizon)
        var sections: [ClosePackSection] = []
        if let total = forecast.series.first(where: { $0.level.dimensions.isEmpty }), let f = total.forecast {
            sections.append(ClosePackSection(t("forecast_company", first.description, last.description), ReportTable(
                name: "forecast_company", columns: [
                    .init("month", .month), .init("column.forecast", .money), .init("lo80", .money), .init("hi80", .money),
                    .init("lo95", .money), .init("hi95", .money), .init("model", .text), .init("backtest_wape", .rate),
                ], rows: (0..<forecast.horizon).map { step in
                    [.month(period.advanced(by: step + 1)), .moneyOrEmpty(f.mean[step]), .moneyOrEmpty(f.lower[80]?[step]),
                     .moneyOrEmpty(f.upper[80]?[step]), .moneyOrEmpty(f.lower[95]?[step]), .moneyOrEmpty(f.upper[95]?[step]),
                     .text(text.model(f.model)), .rateOrEmpty(f.backtest?.wape)]
                })))
        }
        // Projected year end: the company, then each level's top keys by annual target.
        func projectionCells(_ p: ForecastCalculation.Projection, key: ReportTable.Cell) -> [ReportTable.Cell] {
            [key, .money(p.annualTarget), .money(p.ytdActual), .money(p.forecastRestOfYear), .money(p.projected),
             .rateOrEmpty(p.projectedAchievement), .money(p.projectedGap)]
        }
        let projectionColumns = { (first: String) -> [ReportTable.Column] in
            [.init(first, .text), .init("annual_target", .money), .init("ytd_actual", .money),
             .init("forecast_rest_of_year", .money), .init("projected", .money), .init("projected_achievement", .rate),
             .init("projected_gap", .money)]
        }
        let levels = forecasts.projections.map(\.level).reduce(into: [ActualsLevel]()) { if !$0.contains($1) { $0.append($1) } }
        for level in levels {
            let rows = forecasts.projections.filter { $0.level == level }
            if level == .total {
                sections.append(ClosePackSection(t("projection_caption", String(period.year), text.level(.total)), ReportTable(
                    name: "projection_total", columns: projectionColumns("level"),
                    rows: rows.map { projectionCells($0, key: .text(text.level(.total))) })))
                continue
            }
            let sum = { (rows: [ForecastCalculation.Projection]) in ForecastCalculation.Projection.summed(rows, level: level) }
            let built = SectionRows(TopRows(rows, n: top, by: \.annualTarget.minorUnits),
                                    cells: { projectionCells($0, key: .text(level.text(of: $0.key, names: names))) },
                                    others: { projectionCells(sum($0), key: text.others($0.count)) },
                                    total: projectionCells(sum(rows), key: text.total))
            sections.append(ClosePackSection(t("projection_caption", String(period.year), text.level(level)),
                                             ReportTable(name: "projection_\(level.rawValue)", columns: projectionColumns(level.rawValue),
                                                         rows: built.rows),
                                             othersRow: built.othersRow, totalRow: built.totalRow))
        }
        // Each forecast level: the keys with the largest forecast over the horizon.
        let byLevel = Dictionary(grouping: forecast.series.filter { !$0.level.dimensions.isEmpty && $0.forecast != nil }, by: \.level)
        let order = forecast.series.map(\.level).reduce(into: [ForecastCalculation.Level]()) { if !$0.contains($1) { $0.append($1) } }
        for level in order {
            guard let series = byLevel[level] else { continue }
            // Each month rounded to the cent first, as forecast.csv writes it, so the sums agree.
            func cents(_ s: ForecastCalculation.Series) -> [Money] { s.forecast!.mean.prefix(forecast.horizon).map { Money(rounding: $0) } }
            let horizonTotal = { (s: ForecastCalculation.Series) in cents(s).reduce(Money.zero, +) }
            func cells(_ key: ReportTable.Cell, next: Money, total: Money, model: String?, wape: Double?) -> [ReportTable.Cell] {
                [key, .money(next), .money(total), .textOrEmpty(model.map(text.model)), .rateOrEmpty(wape)]
            }
            func sums(_ key: ReportTable.Cell, _ rows: [ForecastCalculation.Series]) -> [ReportTable.Cell] {
                cells(key, next: rows.reduce(Money.zero) { $0 + (cents($1).first ?? .zero) },
                      total: rows.reduce(Money.zero) { $0 + horizonTotal($1) }, model: nil, wape: nil)
            }
            let built = SectionRows(TopRows(series, n: top, by: { horizonTotal($0).minorUnits }),
                                    cells: { s in cells(.text(PackText.short(forecast.keyText(s, names), width: 40)),
                                                        next: cents(s).first ?? .zero, total: horizonTotal(s),
                                                        model: s.forecast!.model, wape: s.forecast!.backtest?.wape) },
                                    others: { sums(text.others($0.count), $0) }, total: sums(text.total, series))
            let levelName = level.dimensions.map { text.level(ActualsLevel(rawValue: $0.rawValue) ?? .total) }.joined(separator: " × ")
            sections.append(ClosePackSection(t("forecast_by_level", levelName, first.description, last.description), ReportTable(
                name: "forecast_\(level.name)", columns: [
                    .init(level.dimensions.count == 1 ? level.dimensions[0].rawValue : "key", .text), .init("next_month", .money),
                    .init("horizon_total", .money), .init("model", .text), .init("backtest_wape", .rate),
                ], rows: built.rows), othersRow: built.othersRow, totalRow: built.totalRow))
        }
        return ClosePackSheet(titleKey: "forecast", sections: sections, notes: ["forecast_note", "projection_note"],
                              achievementColumns: ["projected_achievement"])
    }

    private func inputFilesTable() -> ReportTable {
        ReportTable(name: "input_files", columns: [
            .init("file", .text), .init("table", .text), .init("rows_read", .integer), .init("rows_accepted", .integer),
            .init("rows_rejected", .integer), .init("rows_duplicate", .integer), .init("sha256", .text),
            .init("classified_by", .text), .init("column_mapping", .text),
        ], rows: imported.files.map {
            [.text($0.path), .text($0.table?.rawValue ?? $0.role.rawValue), .integer($0.rowsRead), .integer($0.accepted),
             .integer($0.rejected), .integer($0.superseded), .text(String($0.sha256.prefix(12)) + "…"),
             .textOrEmpty($0.mapping?.reasonText), .textOrEmpty($0.mapping?.fieldsText)]
        })
    }

    /// Every key of the configuration's workbook sections as in effect, the digest shortened.
    private func settings() -> [(key: String, value: String)] {
        configuration.settingsRows.map { row in
            (row.setting, row.setting == "config_digest" && row.value.count > 12 ? String(row.value.prefix(12)) + "…" : row.value)
        }
    }
}
