import SalesCloseConfiguration
import SalesCloseCore

extension ClosePackSheet {
    /// Order backlog: the company's last 13 month ends, newest first, and its trend chart; then
    /// at the close month per level the `top` keys by closing backlog, "others" and the level's
    /// total, adding up to `backlog.csv`.
    public static func backlog(_ report: BacklogReport, data: SalesData, top: Int, language: Language) -> ClosePackSheet {
        let text = PackText(language: language)
        let period = report.period
        func cells(_ r: BacklogReport.Row, key: ReportTable.Cell) -> [ReportTable.Cell] {
            [key, .money(r.opening), .money(r.newOrders), .money(r.shipped), .money(r.cancelled), .money(r.closing),
             .rateOrEmpty(r.bookToBill)]
        }
        func columns(_ first: String, _ kind: ReportTable.Kind = .text) -> [ReportTable.Column] {
            [.init(first, kind), .init("opening", .money), .init("new_orders", .money), .init("shipped", .money),
             .init("cancelled", .money), .init("closing", .money), .init("book_to_bill", .rate)]
        }
        let months = period.advanced(by: -12)...period
        let company = report.rows.filter { $0.level == .total && months.contains($0.month) }.sorted { $0.month > $1.month }
        var sections = [ClosePackSection(text.t("company_by_month_end"), ReportTable(
            name: "backlog_company", columns: columns("month_end", .day), rows: company.map { cells($0, key: .day($0.month.lastDay)) }))]
        let levels = report.rows.map(\.level).reduce(into: [ActualsLevel]()) { if $1 != .total && !$0.contains($1) { $0.append($1) } }
        for level in levels {
            let rows = report.rows.filter { $0.month == period && $0.level == level }
            guard !rows.isEmpty else { continue }
            let sum = { (rows: [BacklogReport.Row]) in BacklogReport.Row.summed(rows, month: period, level: level) }
            let built = SectionRows(TopRows(rows, n: top, by: \.closing.minorUnits),
                                    cells: { cells($0, key: .text(PackText.keyLabel(level, $0.key, data: data))) },
                                    others: { cells(sum($0), key: text.others($0.count)) },
                                    total: cells(sum(rows), key: text.total))
            sections.append(ClosePackSection(text.t("section_level_month_end", text.level(level), period.lastDay.description),
                                             ReportTable(name: "backlog_\(level.rawValue)", columns: columns(level.rawValue),
                                                         rows: built.rows),
                                             othersRow: built.othersRow, totalRow: built.totalRow))
        }
        let trend = ReportTable(name: "backlog_trend", columns: [.init("month", .month), .init("closing", .money)],
                                rows: company.reversed().map { [.month($0.month), .money($0.closing)] })
        let chart = ChartSpec(.column, titleKey: text.t("backlog_trend_chart", months.lowerBound.description, period.description),
                              source: .table(trend), category: "month", values: ["closing"])
        return ClosePackSheet(titleKey: "backlog", sections: sections, notes: ["backlog_note"], charts: [chart])
    }
}
