import SalesCloseCore

extension MonthlyActuals {
    /// `actuals_monthly.csv`: every month, level and key with sales, sorted by month, level, key text.
    public func table(names: SalesData.Names) -> ReportTable { tableBlocks(names: names).table }

    /// `actuals_monthly.csv` a row at a time (see `TableBlocks`).
    public func tableBlocks(names: SalesData.Names) -> TableBlocks {
        let rank = KeyTextRank(keys.lazy.map { ($0.level, $0.key) }, names: names)
        let keys = keys
        let order = rank.order(count: keys.count) { (keys[$0].month.index, keys[$0].level, keys[$0].key) }
        return TableBlocks(name: "actuals_monthly", columns: [
            .init("month", .month), .init("level", .text), .init("key", .text), .init("revenue", .money),
            .init("quantity", .quantity), .init("order_count", .integer), .init("customer_count", .integer),
            .init("avg_order_value", .money), .init("gross_margin", .money),
        ], rowCount: order.count) { [self] n in
            let i = order[n], k = keys[i], f = figures(atEntry: i)
            return [.month(k.month), .text(k.level.rawValue), .text(k.level.text(of: k.key, names: names)), .money(f.revenue),
                    .quantity(f.quantity), .integer(f.orderCount), .integer(f.customerCount),
                    f.averageOrderValue.map(ReportTable.Cell.money) ?? .empty,
                    f.grossMargin.map(ReportTable.Cell.money) ?? .empty]
        }
    }
}
