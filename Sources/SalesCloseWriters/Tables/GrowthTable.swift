import SalesCloseCore

extension GrowthReport {
    /// `growth.csv`.
    public var table: ReportTable {
        ReportTable(name: "growth", columns: [
            .init("month", .month), .init("level", .text), .init("key", .text), .init("revenue", .money),
            .init("prior_year_revenue", .money), .init("yoy_growth", .rate),
            .init("prior_month_revenue", .money), .init("mom_growth", .rate),
            .init("quantity", .quantity), .init("order_count", .integer), .init("customer_count", .integer),
            .init("avg_order_value", .money), .init("gross_margin", .money), .init("margin_rate", .rate),
        ], rows: rows.map { r in
            let f = r.figures
            return [.month(r.month), .text(r.level.rawValue), .text(r.keyText), .money(f.revenue),
                    r.priorYearRevenue.map(ReportTable.Cell.money) ?? .empty, .rateOrEmpty(r.yoyGrowth),
                    r.priorMonthRevenue.map(ReportTable.Cell.money) ?? .empty, .rateOrEmpty(r.momGrowth),
                    .quantity(f.quantity), .integer(f.orderCount), .integer(f.customerCount),
                    f.averageOrderValue.map(ReportTable.Cell.money) ?? .empty,
                    f.grossMargin.map(ReportTable.Cell.money) ?? .empty, .rateOrEmpty(r.marginRate)]
        })
    }
}
