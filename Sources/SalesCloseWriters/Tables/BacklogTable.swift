import SalesCloseCore

extension BacklogReport {
    /// `backlog.csv`.
    public func table(names: SalesData.Names) -> ReportTable { tableBlocks(names: names).table }

    /// `backlog.csv` a row at a time (see `TableBlocks`).
    public func tableBlocks(names: SalesData.Names) -> TableBlocks {
        let rows = rows
        return TableBlocks(name: "backlog", columns: [
            .init("month_end", .day), .init("level", .text), .init("key", .text), .init("opening", .money),
            .init("new_orders", .money), .init("shipped", .money), .init("cancelled", .money),
            .init("closing", .money), .init("book_to_bill", .rate),
        ], rowCount: rows.count) { i in
            let r = rows[i]
            return [.day(r.month.lastDay), .text(r.level.rawValue), .text(r.level.text(of: r.key, names: names)),
                    .money(r.opening), .money(r.newOrders), .money(r.shipped), .money(r.cancelled),
                    .money(r.closing), .rateOrEmpty(r.bookToBill)]
        }
    }
}
