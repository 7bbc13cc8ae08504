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
    /// One key's figures for one span, every ratio computed here once. Amounts are in the
    /// metric's integer unit (minor units, or thousandths for quantity).
    public struct Row: Sendable, Equatable {
        public var periodType: ReportingSpan.PeriodType
        /// `2026-08`, `2026-Q3`, `2026`.
        public var period: String
        public var level: ActualsLevel
        public var key: NameID
        public var keyText: String
        public var target: Int64?
        public var actual: Int64
        /// actual ÷ target; nil without a target or with a zero target.
        public var achievementRate: Double?
        public var priorYearActual: Int64?
        public var yoyGrowth: Double?
        public var priorPeriodActual: Int64?
        public var momGrowth: Double?
        /// Within period type and level (see the type's documentation).
        public var rank: Int
        public var orderCount: Int
        public var customerCount: Int
        public var averageOrderValue: Money?
        public var grossMargin: Money?
        public var marginRate: Double?
        public var medianOrderValue: Money?
        public var trendSlope: Int64?

        /// gap = target − actual: positive while the target is not reached, negative once it is beaten.
        public var gap: Int64? { target.map { $0 - actual } }
    }

    /// The levels always reported: total, region, salesperson.
    public static let baseLevels: [ActualsLevel] = [.total, .region, .salesperson]

    public let metric: TargetMetric
    /// Period type by period type, level by level, each level in rank order.
    public let rows: [Row]

    /// `achievement`, or `achievement_<metric>` for a metric other than revenue.
    public var name: String { metric == .revenue ? "achievement" : "achievement_\(metric.rawValue)" }

    /// The row of `key` at `level` for `type`, if reported.
    public func row(_ type: ReportingSpan.PeriodType, _ level: ActualsLevel, _ key: NameID) -> Row? {
        rows.first { $0.periodType == type && $0.level == level && $0.key == key }
    }

    /// `metric` other than revenue names the table `achievement_<metric>`; the columns stay.
    public init(plan: TargetPlan, actuals: MonthlyActuals, data: SalesData, close: Month,
                metric: TargetMetric = .revenue) {
        self.metric = metric
        let spans = ReportingSpan.PeriodType.allCases.map { ReportingSpan($0, closing: close) }
        let ytd = spans.last!.months
        let optional = ActualsLevel.allCases.filter {
            !Self.baseLevels.contains($0) && !plan.keys(metric, at: $0, in: ytd).isEmpty
        }
        let levels = Self.baseLevels + optional
        var keys: [ActualsLevel: Set<NameID>] = [.total: [0]]
        let salesWindow = close.yearStart.advanced(by: -12)...close
        for k in actuals.keys where Self.baseLevels.contains(k.level) && salesWindow.contains(k.month) {
            keys[k.level, default: []].insert(k.key)
        }
        for level in levels { keys[level, default: []].formUnion(plan.keys(metric, at: level, in: ytd)) }

        let context = Context(plan: plan, actuals: actuals, names: data.names, metric: metric,
                              firstMonth: data.orderMonthRange?.lowerBound, close: close)
        var rows: [Row] = []
        for span in spans {
            let statistics = OrderStatistics(data: data, levels: levels, months: span.months)
            for level in levels {
                let unranked = keys[level, default: []].map {
                    context.row(span, level, $0, statistics)
                }
                rows += Self.ranked(unranked).enumerated().map { rank, row in
                    var ranked = row
                    ranked.rank = rank + 1
                    return ranked
                }
            }
        }
        self.rows = rows
    }

    static func ranked(_ rows: [Row]) -> [Row] {
        rows.sorted { a, b in
            switch (a.achievementRate, b.achievementRate) {
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
            return Row(periodType: span.type, period: span.label, level: level, key: key,
                       keyText: level.text(of: key, names: names), target: target, actual: actual,
                       achievementRate: finite(ratio(actual, target)),
                       priorYearActual: priorYear, yoyGrowth: finite(growth(actual, over: priorYear)),
                       priorPeriodActual: priorPeriod, momGrowth: finite(growth(actual, over: priorPeriod)),
                       rank: 0, orderCount: total.orderCount, customerCount: statistics.distinctCustomers(level, key),
                       averageOrderValue: total.averageOrderValue, grossMargin: total.grossMargin,
                       marginRate: finite(ratio(total.grossMargin?.minorUnits, total.costedRevenue.minorUnits)),
                       medianOrderValue: statistics.medianOrderValue(level, key), trendSlope: trend(level, key))
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
