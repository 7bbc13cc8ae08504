import SalesCloseConfiguration
import SalesCloseCore

extension ClosePackSheet {
    /// Scorecard (业绩考核): for the close month, each level's `top` rows in rank order with every
    /// KPI's value, the score and the commission; the full table, QTD and YTD are in `scorecard.csv`.
    public static func scorecard(_ card: Scorecard, names: SalesData.Names, top: Int, language: Language) -> ClosePackSheet {
        let text = PackText(language: language)
        let kpis = ScorecardKPI.allCases
        var sections: [ClosePackSection] = []
        for level in Scorecard.levels {
            let rows = card.rows.filter { $0.span.type == .month && $0.level == level }
            guard let span = rows.first?.span else { continue }
            let cells: [[ReportTable.Cell]] = rows.prefix(top).map { r in
                [.integer(r.rank), .text(level.text(of: r.key, names: names)), r.score.map(ReportTable.Cell.number) ?? .empty]
                    + kpis.map { kpi in
                        let v = r.values[kpi]
                        return kpi == .newCustomers ? v.map { .integer(Int($0)) } ?? .empty : .rateOrEmpty(v)
                    }
                    + [.money(r.commission.base), .rateOrEmpty(r.commission.rate), .money(r.commission.amount)]
            }
            let table = ReportTable(name: "scorecard_\(level.rawValue)", columns: [
                .init("rank", .integer), .init(level.rawValue, .text), .init("score", .number),
            ] + kpis.map { .init($0.rawValue, $0 == .newCustomers ? .integer : .rate) } + [
                .init("commission_base", .money), .init("commission_rate", .rate), .init("commission", .money),
            ], rows: cells)
            sections.append(ClosePackSection(text.t("section_level_month", text.level(level), span.label), table))
        }
        return ClosePackSheet(titleKey: "scorecard", sections: sections, notes: ["scorecard_note"],
                              achievementColumns: ["achievement_rate"])
    }
}
