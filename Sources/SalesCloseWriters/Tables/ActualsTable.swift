import SalesCloseCore

extension MonthlyActuals {
    /// `actuals_monthly.csv`: every month, level and key with sales, sorted by month, level, key text.
    public func table(names: SalesData.Names) -> ReportTable {
        func text(_ k: Key) -> String { k.level.text(of: k.key, names: names) }
        let rank = KeyTextRank(keys.lazy.map { ($0.level, $0.key) }, names: names)
        let sorted = entries.map { (key: $0, figures: $1, rank: rank[$0.level, $0.key]) }
            .sorted { ($0.key.month, $0.key.level, $0.rank) < ($1.key.month, $1.key.level, $1.rank) }
        let rows: [[ReportTable.Cell]] = sorted.map { entry in
            let k = entry.key, f = entry.figures
            return [.month(k.month), .text(k.level.rawValue), .text(text(k)), .money(f.revenue),
                    .quantity(f.quantity), .integer(f.orderCount), .integer(f.customerCount),
                    f.averageOrderValue.map(ReportTable.Cell.money) ?? .empty,
                    f.grossMargin.map(ReportTable.Cell.money) ?? .empty]
        }
        return ReportTable(name: "actuals_monthly", columns: [
            .init("month", .month), .init("level", .text), .init("key", .text), .init("revenue", .money),
            .init("quantity", .quantity), .init("order_count", .integer), .init("customer_count", .integer),
            .init("avg_order_value", .money), .init("gross_margin", .money),
        ], rows: rows)
    }
}
