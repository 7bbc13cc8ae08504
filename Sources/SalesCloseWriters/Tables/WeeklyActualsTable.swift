import SalesCloseCore

extension WeeklyActuals {
    /// `actuals_weekly.csv`: every ISO week, level and key with sales, sorted by week, level, key
    /// text; the columns of `actuals_monthly.csv` with `week` (`2026-W07`) for `month`.
    public func table(names: SalesData.Names) -> ReportTable {
        let rank = KeyTextRank(keys.lazy.map { ($0.level, $0.key) }, names: names)
        let sorted = entries.map { (key: $0, figures: $1, rank: rank[$0.level, $0.key]) }
            .sorted { ($0.key.week, $0.key.level, $0.rank) < ($1.key.week, $1.key.level, $1.rank) }
        let rows: [[ReportTable.Cell]] = sorted.map { entry in
            let k = entry.key, f = entry.figures
            return [.text(k.week.description), .text(k.level.rawValue), .text(k.level.text(of: k.key, names: names)),
                    .money(f.revenue), .quantity(f.quantity), .integer(f.orderCount), .integer(f.customerCount),
                    f.averageOrderValue.map(ReportTable.Cell.money) ?? .empty,
                    f.grossMargin.map(ReportTable.Cell.money) ?? .empty]
        }
        return ReportTable(name: "actuals_weekly", columns: [
            .init("week", .text), .init("level", .text), .init("key", .text), .init("revenue", .money),
            .init("quantity", .quantity), .init("order_count", .integer), .init("customer_count", .integer),
            .init("avg_order_value", .money), .init("gross_margin", .money),
        ], rows: rows)
    }
}
