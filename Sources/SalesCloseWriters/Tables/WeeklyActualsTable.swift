import SalesCloseCore

extension WeeklyActuals {
    /// `actuals_weekly.csv`: every ISO week, level and key with sales, sorted by week, level, key
    /// text; the columns of `actuals_monthly.csv` with `week` (`2026-W07`) for `month`.
    public func table(names: SalesData.Names) -> ReportTable {
        func text(_ k: Key) -> String { k.level.text(of: k.key, names: names) }
        let sorted = figures.keys.sorted {
            ($0.week, $0.level) != ($1.week, $1.level) ? ($0.week, $0.level) < ($1.week, $1.level) : text($0) < text($1)
        }
        let rows: [[ReportTable.Cell]] = sorted.map { k in
            let f = figures[k]!
            return [.text(k.week.description), .text(k.level.rawValue), .text(text(k)), .money(f.revenue),
                    .quantity(f.quantity), .integer(f.orderCount), .integer(f.customerCount),
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
