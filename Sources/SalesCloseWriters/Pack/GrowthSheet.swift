import SalesCloseConfiguration
import SalesCloseCore

extension ClosePackSheet {
    /// Growth: the company month by month, newest first; then for the close month per level the
    /// `top` keys by revenue, "others" and the level's total, adding up to `growth.csv`.
    public static func growth(_ report: GrowthReport, close: Month, top: Int, language: Language) -> ClosePackSheet {
        let text = PackText(language: language)
        func cells(_ r: GrowthReport.Row, key: ReportTable.Cell) -> [ReportTable.Cell] {
            let f = r.figures
            return [key, .money(f.revenue), r.priorYearRevenue.map(ReportTable.Cell.money) ?? .empty, .rateOrEmpty(r.yoyGrowth),
                    r.priorMonthRevenue.map(ReportTable.Cell.money) ?? .empty, .rateOrEmpty(r.momGrowth),
                    .integer(f.orderCount), r.key == noName ? .empty : .integer(f.customerCount),
                    f.averageOrderValue.map(ReportTable.Cell.money) ?? .empty, .rateOrEmpty(r.marginRate)]
        }
        func columns(_ first: String, _ kind: ReportTable.Kind = .text) -> [ReportTable.Column] {
            [.init(first, kind), .init("revenue", .money), .init("prior_year_revenue", .money), .init("yoy_growth", .rate),
             .init("prior_month_revenue", .money), .init("mom_growth", .rate), .init("order_count", .integer),
             .init("customer_count", .integer), .init("avg_order_value", .money), .init("margin_rate", .rate)]
        }
        let company = report.rows.filter { $0.level == .total }.sorted { $0.month > $1.month }
        var sections = [ClosePackSection(text.t("company_by_month"), ReportTable(
            name: "growth_company", columns: columns("month", .month), rows: company.map { cells($0, key: .month($0.month)) }))]
        for level in AchievementReport.baseLevels where level != .total {
            let rows = report.rows.filter { $0.month == close && $0.level == level }
            guard !rows.isEmpty else { continue }
            let sum = { (rows: [GrowthReport.Row]) in GrowthReport.Row.summed(rows, month: close, level: level, keyText: "") }
            let built = SectionRows(TopRows(rows, n: top, by: \.figures.revenue.minorUnits),
                                    cells: { cells($0, key: .text($0.keyText)) },
                                    others: { cells(sum($0), key: text.others($0.count)) },
                                    total: cells(sum(rows), key: text.total))
            sections.append(ClosePackSection(text.t("section_level_month", text.level(level), close.description),
                                             ReportTable(name: "growth_\(level.rawValue)", columns: columns(level.rawValue),
                                                         rows: built.rows),
                                             othersRow: built.othersRow, totalRow: built.totalRow))
        }
        return ClosePackSheet(titleKey: "growth", sections: sections)
    }
}
