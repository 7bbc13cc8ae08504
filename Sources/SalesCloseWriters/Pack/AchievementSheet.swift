import SalesCloseConfiguration
import SalesCloseCore

extension ClosePackSheet {
    /// Achievement for the close month, quarter to date and year to date: the company, then per
    /// level (region, salesperson, any other targeted level) the `top` keys by actual, an
    /// "others" line and the level's total, which add up to `achievement.csv`.
    public static func achievement(_ report: AchievementReport, top: Int, language: Language) -> ClosePackSheet {
        let text = PackText(language: language)
        let cell = report.metric.cell
        func cells(_ r: AchievementReport.Row, key: ReportTable.Cell) -> [ReportTable.Cell] {
            [key, r.target.map(cell) ?? .empty, cell(r.actual), .rateOrEmpty(r.achievementRate), r.gap.map(cell) ?? .empty,
             r.priorYearActual.map(cell) ?? .empty, .rateOrEmpty(r.yoyGrowth),
             r.priorPeriodActual.map(cell) ?? .empty, .rateOrEmpty(r.momGrowth),
             r.key == noName ? .empty : .integer(r.rank)]
        }
        let amount = report.metric.cellKind
        func columns(_ first: String) -> [ReportTable.Column] {
            [.init(first, .text), .init("target", amount), .init("actual", amount), .init("achievement_rate", .rate),
             .init("gap", amount), .init("prior_year_actual", amount), .init("yoy_growth", .rate),
             .init("prior_period_actual", amount), .init("mom_growth", .rate), .init("rank", .integer)]
        }
        var sections: [ClosePackSection] = []
        let company = report.rows.filter { $0.level == .total }
        sections.append(ClosePackSection(text.t("company_by_period"), ReportTable(
            name: "achievement_company", columns: columns("period"),
            rows: company.map { cells($0, key: .text(text.periodType($0.periodType) + " " + $0.period)) })))
        let levels = report.rows.map(\.level).reduce(into: [ActualsLevel]()) { if $1 != .total && !$0.contains($1) { $0.append($1) } }
        for type in ReportingSpan.PeriodType.allCases {
            for level in levels {
                let rows = report.rows.filter { $0.periodType == type && $0.level == level }
                guard let first = rows.first else { continue }
                let sum = { (rows: [AchievementReport.Row], label: String) in
                    AchievementReport.Row.summed(rows, periodType: type, period: first.period, level: level, keyText: label)
                }
                let built = SectionRows(TopRows(rows, n: top, by: \.actual),
                                        cells: { cells($0, key: .text($0.keyText)) },
                                        others: { cells(sum($0, ""), key: text.others($0.count)) },
                                        total: cells(sum(rows, ""), key: text.total))
                sections.append(ClosePackSection(
                    text.t("section_level_period", text.level(level), text.periodType(type), first.period),
                    ReportTable(name: "achievement_\(type.rawValue)_\(level.rawValue)", columns: columns(level.rawValue),
                                rows: built.rows),
                    othersRow: built.othersRow, totalRow: built.totalRow))
            }
        }
        return ClosePackSheet(titleKey: "achievement", sections: sections, notes: ["gap_note"],
                              achievementColumns: ["achievement_rate"])
    }
}
