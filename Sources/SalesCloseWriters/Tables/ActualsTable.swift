import SalesCloseCore

extension MonthlyActuals {
    /// `actuals_monthly.csv`: every month, level and key with sales, sorted by month, level, key text.
    public func table(names: SalesData.Names) -> ReportTable {
        func text(_ k: Key) -> String { k.level.text(of: k.key, names: names) }
        // Each level's keys ranked by text once, so the sort compares integers.
        var rankOf: [ActualsLevel: [Int32]] = [:]
        for level in levels {
            let ids = keys(at: level)
            let texts = ids.map { level.text(of: $0, names: names) }
            var rank = [Int32](repeating: 0, count: Int(ids.last ?? 0) + 1)
            for (r, i) in ids.indices.sorted(by: { texts[$0] < texts[$1] }).enumerated() { rank[Int(ids[i])] = Int32(r) }
            rankOf[level] = rank
        }
        let sorted = entries.map { (key: $0, figures: $1, rank: rankOf[$0.level]![Int($0.key)]) }
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
