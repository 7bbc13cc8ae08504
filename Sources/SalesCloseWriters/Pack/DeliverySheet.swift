import SalesCloseConfiguration
import SalesCloseCore

extension ClosePackSheet {
    /// Delivery: the company's on-time figures for the last 13 months of promised dates, newest
    /// first; per level the `top` keys by lines shipped in the close month, "others" and the
    /// level's total (adding up to `delivery.csv`); the `top` overdue lines by open value,
    /// "others" and the total of `overdue_lines`. The on-time rule is stated once, in the notes.
    public static func delivery(_ report: DeliveryReport, data: SalesData, top: Int, language: Language) -> ClosePackSheet {
        let text = PackText(language: language)
        let period = report.period
        let names = data.names
        func cells(_ f: DeliveryReport.Figures, key: ReportTable.Cell) -> [ReportTable.Cell] {
            [key, .integer(f.linesShipped), .integer(f.onTime), .integer(f.late), .rateOrEmpty(f.onTimeRate),
             f.averageDaysLate.map(ReportTable.Cell.number) ?? .empty, f.late > 0 ? .integer(f.maxDaysLate) : .empty,
             .integer(f.partial)]
        }
        func columns(_ first: String, _ kind: ReportTable.Kind = .text) -> [ReportTable.Column] {
            [.init(first, kind), .init("lines_shipped", .integer), .init("on_time", .integer), .init("late", .integer),
             .init("on_time_rate", .rate), .init("avg_days_late", .number), .init("max_days_late", .integer),
             .init("late_partially_shipped", .integer)]
        }
        let months = period.advanced(by: -12)...period
        let company = report.rows.filter { $0.level == .total && months.contains($0.month) }.sorted { $0.month > $1.month }
        var sections = [ClosePackSection(text.t("company_by_promised_month"), ReportTable(
            name: "delivery_company", columns: columns("month", .month), rows: company.map { cells($0.figures, key: .month($0.month)) }))]
        let levels = report.rows.map(\.level).reduce(into: [ActualsLevel]()) { if $1 != .total && !$0.contains($1) { $0.append($1) } }
        for level in levels {
            let rows = report.rows.filter { $0.month == period && $0.level == level }
            guard !rows.isEmpty else { continue }
            let sum = { (rows: [DeliveryReport.Row]) in DeliveryReport.Figures.summed(rows.map(\.figures)) }
            let built = SectionRows(TopRows(rows, n: top, by: { Int64($0.figures.linesShipped) }),
                                    cells: { cells($0.figures, key: .text(PackText.keyLabel(level, $0.key, data: data))) },
                                    others: { cells(sum($0), key: text.others($0.count)) },
                                    total: cells(sum(rows), key: text.total))
            sections.append(ClosePackSection(text.t("section_level_promised", text.level(level), period.description),
                                             ReportTable(name: "delivery_\(level.rawValue)", columns: columns(level.rawValue),
                                                         rows: built.rows),
                                             othersRow: built.othersRow, totalRow: built.totalRow))
        }
        let lines = data.orderLines
        func overdue(_ o: DeliveryReport.OverdueLine) -> [ReportTable.Cell] {
            let line = lines[o.line]
            return [.text(names.orders[line.order]), .textOrEmpty(names.lineNumbers[line.lineNo]),
                    .text(PackText.short(data.customerName(line.customer).isEmpty ? names.customers[line.customer]
                                         : data.customerName(line.customer), width: 30)),
                    .text(names.skus[line.sku]), line.promisedDate.map(ReportTable.Cell.day) ?? .empty, .integer(o.daysOverdue),
                    .quantity(line.quantity - o.shippedQuantity), .money(o.openValue)]
        }
        func overdueSum(_ key: ReportTable.Cell, _ rows: [DeliveryReport.OverdueLine]) -> [ReportTable.Cell] {
            [key, .empty, .empty, .empty, .empty, .empty, .empty, .money(rows.reduce(Money.zero) { $0 + $1.openValue })]
        }
        let built = SectionRows(TopRows(report.overdueLines, n: top, by: \.openValue.minorUnits), cells: overdue,
                                others: { overdueSum(text.others($0.count), $0) },
                                total: overdueSum(text.total, report.overdueLines))
        sections.append(ClosePackSection(text.t("overdue_top", period.lastDay.description), ReportTable(name: "overdue_top", columns: [
            .init("order_id", .text), .init("line_no", .text), .init("customer_name", .text), .init("sku", .text),
            .init("promised_date", .day), .init("days_overdue", .integer), .init("open_quantity", .quantity),
            .init("open_value", .money),
        ], rows: built.rows), othersRow: built.othersRow, totalRow: built.totalRow))
        return ClosePackSheet(titleKey: "delivery", sections: sections, notes: ["on_time_rule_text"])
    }
}
