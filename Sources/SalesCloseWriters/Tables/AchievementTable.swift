import SalesCloseCore

extension AchievementReport {
    /// `achievement.csv` (or `achievement_<metric>.csv`): the rows as the SPEC's columns, then the
    /// extra statistics.
    public var table: ReportTable {
        let amount = metric.cellKind
        let cell = metric.cell
        return ReportTable(name: name, columns: [
            .init("period_type", .text), .init("period", .text), .init("level", .text), .init("key", .text),
            .init("target", amount), .init("actual", amount), .init("achievement_rate", .rate), .init("gap", amount),
            .init("prior_year_actual", amount), .init("yoy_growth", .rate),
            .init("prior_period_actual", amount), .init("mom_growth", .rate), .init("rank", .integer),
            .init("order_count", .integer), .init("customer_count", .integer), .init("avg_order_value", .money),
            .init("gross_margin", .money), .init("margin_rate", .rate), .init("median_order_value", .money),
            .init("trend_slope", amount),
        ], rows: rows.map { r in
            [.text(r.periodType.rawValue), .text(r.period), .text(r.level.rawValue), .text(r.keyText),
             r.target.map(cell) ?? .empty, cell(r.actual), .rateOrEmpty(r.achievementRate), r.gap.map(cell) ?? .empty,
             r.priorYearActual.map(cell) ?? .empty, .rateOrEmpty(r.yoyGrowth),
             r.priorPeriodActual.map(cell) ?? .empty, .rateOrEmpty(r.momGrowth), .integer(r.rank),
             .integer(r.orderCount), .integer(r.customerCount), r.averageOrderValue.map(ReportTable.Cell.money) ?? .empty,
             r.grossMargin.map(ReportTable.Cell.money) ?? .empty, .rateOrEmpty(r.marginRate),
             r.medianOrderValue.map(ReportTable.Cell.money) ?? .empty, r.trendSlope.map(cell) ?? .empty]
        })
    }
}

extension TargetMetric {
    /// A report cell holding `value` in the metric's integer unit (money, or quantity for `.quantity`).
    public func cell(_ value: Int64) -> ReportTable.Cell {
        self == .quantity ? .quantity(Quantity(thousandths: value)) : .money(Money(minorUnits: value))
    }

    public var cellKind: ReportTable.Kind { self == .quantity ? .quantity : .money }
}
