import SalesCloseCore

extension PlanVsActualReport {
    /// `plan_vs_actual`.
    public func table() -> ReportTable {
        ReportTable(name: "plan_vs_actual", columns: [
            .init("month", .month), .init("measure", .text), .init("plan", .money), .init("actual", .money),
            .init("achievement_rate", .rate), .init("gap", .money),
        ], rows: rows.map { r in
            [.month(period), .text(r.measure.rawValue), r.plan.map(ReportTable.Cell.money) ?? .empty,
             .money(r.actual), .rateOrEmpty(r.achievementRate), r.gap.map(ReportTable.Cell.money) ?? .empty]
        })
    }
}
