import SalesCloseCore

extension ReceivablesReport {
    /// `receivables.csv`: one row per customer, the aging buckets of the settings in order.
    public func table(data: SalesData) -> ReportTable {
        let bucketColumns = settings.agingBucketNames.map { ReportTable.Column($0, .money) }
        return ReportTable(name: "receivables", columns: [
            .init("customer_id", .text), .init("customer_name", .text), .init("shipped_value", .money),
            .init("paid", .money), .init("balance", .money),
        ] + bucketColumns + [
            .init("credit_limit", .money), .init("over_limit", .money), .init("dso", .number),
            .init("collections_in_period", .money), .init("unapplied_credit", .money),
        ], rows: rows.map { r in
            [.text(data.names.customers[r.customer]), .textOrEmpty(data.customerName(r.customer)),
             .money(r.shippedValue), .money(r.paid), .money(r.balance)]
                + r.buckets.map(ReportTable.Cell.money) + [
                    r.creditLimit.map(ReportTable.Cell.money) ?? .empty,
                    r.overLimit.map(ReportTable.Cell.money) ?? .empty,
                    r.dso.map(ReportTable.Cell.number) ?? .empty,
                    .money(r.collectionsInPeriod), .money(r.unappliedCredit),
                ]
        })
    }
}
