/// `achievement.csv`: target against actual for the close month, quarter-to-date and
/// year-to-date, at the total, region and salesperson levels, and at every other level the
/// target plan has targets for (only its targeted keys there).
///
/// Rows: every key with sales from January of the year before the close year up to the close
/// month, or with a target in the year-to-date span; the total always. Rates and growth are empty
/// where the divisor is 0 or missing; a prior span that starts before the first month of the order
/// data is missing (empty), not zero.
///
/// Rank, within period type and level: keys with an achievement rate first, highest rate first;
/// then keys without one (no target, or a zero target) by actual, highest first; ties by key
/// text. Rows are written in rank order.
///
/// After the SPEC columns: order_count, customer_count (distinct over the span), avg_order_value,
/// gross_margin and margin_rate (over the lines that carry a cost), median_order_value, and
/// trend_slope: the least-squares slope per month of the metric over the twelve months ending
/// with the close month (fewer when the data starts later), the same on each period type's row.
public struct AchievementReport: Sendable {
    public let table: ReportTable

    /// The levels always reported: total, region, salesperson.
    public static let baseLevels: [ActualsLevel] = [.total, .region, .salesperson]

    /// `metric` other than revenue names the table `achievement_<metric>`; the columns stay.
    public init(plan: TargetPlan, actuals: MonthlyActuals, data: SalesData, close: Month,
                metric: TargetMetric = .revenue) {
        let spans = ReportingSpan.PeriodType.allCases.map { ReportingSpan($0, closing: close) }
        let ytd = spans.last!.months
        let optional = ActualsLevel.allCases.filter {
            !Self.baseLevels.contains($0) && !plan.keys(metric, at: $0, in: ytd).isEmpty
        }
        let levels = Self.baseLevels + optional
        var keys: [ActualsLevel: Set<NameID>] = [.total: [0]]
        let salesWindow = close.yearStart.advanced(by: -12)...close
        for k in actuals.figures.keys where Self.baseLevels.contains(k.level) && salesWindow.contains(k.month) {
            keys[k.level, default: []].insert(k.key)
        }
        for level in levels { keys[level, default: []].formUnion(plan.keys(metric, at: level, in: ytd)) }

        let context = Context(plan: plan, actuals: actuals, names: data.names, metric: metric,
                              firstMonth: data.orderMonthRange?.lowerBound, close: close)
        var rows: [[ReportTable.Cell]] = []
        for span in spans {
            let statistics = OrderStatistics(data: data, levels: levels, months: span.months)
            for level in levels {
                let unranked = keys[level, default: []].map {
                    context.row(span, level, $0, statistics)
                }
                rows += Self.ranked(unranked).enumerated().map { rank, row in
                    row.beforeRank + [.integer(rank + 1)] + row.afterRank
                }
            }
        }
        let amount = metric.cellKind
        table = ReportTable(name: metric == .revenue ? "achievement" : "achievement_\(metric.rawValue)", columns: [
            .init("period_type", .text), .init("period", .text), .init("level", .text), .init("key", .text),
            .init("target", amount), .init("actual", amount), .init("achievement_rate", .rate), .init("gap", amount),
            .init("prior_year_actual", amount), .init("yoy_growth", .rate),
            .init("prior_period_actual", amount), .init("mom_growth", .rate), .init("rank", .integer),
            .init("order_count", .integer), .init("customer_count", .integer), .init("avg_order_value", .money),
            .init("gross_margin", .money), .init("margin_rate", .rate), .init("median_order_value", .money),
            .init("trend_slope", amount),
        ], rows: rows)
    }

    /// One row before ranking: its cells on either side of the rank, and what the rank is decided by.
    struct Row {
        var beforeRank: [ReportTable.Cell]
        var afterRank: [ReportTable.Cell]
        var keyText: String
        var rate: Double?
        var actual: Int64
    }

    static func ranked(_ rows: [Row]) -> [Row] {
        rows.sorted { a, b in
            switch (a.rate, b.rate) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil) where a.actual != b.actual: return a.actual > b.actual
            default: return a.keyText < b.keyText
            }
        }
    }

    /// What every row needs to compute its cells.
    private struct Context {
        let plan: TargetPlan
        let actuals: MonthlyActuals
        let names: SalesData.Names
        let metric: TargetMetric
        let firstMonth: Month?
        let close: Month

        /// The metric summed over `months`; nil when the order data does not reach back that far.
        func actual(_ level: ActualsLevel, _ key: NameID, _ months: ClosedRange<Month>?) -> Int64? {
            guard let months, let firstMonth, months.lowerBound >= firstMonth else { return nil }
            return months.list.reduce(0) { $0 + metric.value(of: actuals.figures(level, key, $1)) }
        }

        func row(_ span: ReportingSpan, _ level: ActualsLevel, _ key: NameID, _ statistics: OrderStatistics) -> Row {
            let target = plan.target(metric, level, key, in: span.months)
            let actual = span.months.list.reduce(0) { $0 + metric.value(of: actuals.figures(level, key, $1)) }
            let priorYear = self.actual(level, key, span.priorYear)
            let priorPeriod = self.actual(level, key, span.priorPeriod)
            var total = ActualsFigures()
            for m in span.months.list { total.merge(actuals.figures(level, key, m)) }
            let rate = ratio(actual, target)
            let keyText = level.text(of: key, names: names)
            let beforeRank: [ReportTable.Cell] = [
                .text(span.type.rawValue), .text(span.label), .text(level.rawValue), .text(keyText),
                target.map(metric.cell) ?? .empty, metric.cell(actual), .rateOrEmpty(rate),
                target.map { metric.cell($0 - actual) } ?? .empty,
                priorYear.map(metric.cell) ?? .empty, .rateOrEmpty(growth(actual, over: priorYear)),
                priorPeriod.map(metric.cell) ?? .empty, .rateOrEmpty(growth(actual, over: priorPeriod)),
            ]
            let afterRank: [ReportTable.Cell] = [
                .integer(total.orderCount), .integer(statistics.distinctCustomers(level, key)),
                total.averageOrderValue.map(ReportTable.Cell.money) ?? .empty,
                total.grossMargin.map(ReportTable.Cell.money) ?? .empty,
                .rateOrEmpty(ratio(total.grossMargin?.minorUnits, total.costedRevenue.minorUnits)),
                statistics.medianOrderValue(level, key).map(ReportTable.Cell.money) ?? .empty,
                trend(level, key).map(metric.cell) ?? .empty,
            ]
            return Row(beforeRank: beforeRank, afterRank: afterRank, keyText: keyText, rate: rate, actual: actual)
        }

        /// Slope of the metric over the twelve months to the close month within the data.
        private func trend(_ level: ActualsLevel, _ key: NameID) -> Int64? {
            guard let firstMonth else { return nil }
            let start = max(close.advanced(by: -11), firstMonth)
            guard start <= close else { return nil }
            return trendSlope((start...close).list.map { metric.value(of: actuals.figures(level, key, $0)) })
        }
    }
}
