/// Weekly actuals (销售周报): the figures of `MonthlyActuals` by ISO week of the order date, at
/// the total, region, salesperson, channel and category levels (SKUs and customers by week are
/// left to the monthly table: they multiply the rows without being read weekly).
public struct WeeklyActuals: Sendable {
    public static let levels: [ActualsLevel] = [.total, .region, .salesperson, .channel, .category]

    public struct Key: Hashable, Sendable {
        public var week: ISOWeek
        public var level: ActualsLevel
        public var key: NameID
    }

    /// Every (week, level, key) with counted lines, in first-seen order.
    public let keys: [Key]
    private let aggregation: ActualsAggregation

    public init(data: SalesData) {
        aggregation = ActualsAggregation(lines: data.orderLines, levels: Self.levels) {
            ISOWeek(containing: $0.orderDate).monday.daysSinceEpoch
        }
        keys = aggregation.entries.map {
            Key(week: ISOWeek(containing: Day(daysSinceEpoch: $0.period)), level: $0.level, key: $0.key)
        }
    }

    /// The figures of `key` at `level` in `week`; nil when nothing was sold.
    public func figures(_ level: ActualsLevel, _ key: NameID, _ week: ISOWeek) -> ActualsFigures? {
        aggregation.figures(level, key, period: week.monday.daysSinceEpoch)
    }

    /// Every (week, level, key) with counted lines and its figures, in first-seen order.
    public var entries: Zip2Sequence<[Key], [ActualsFigures]> { zip(keys, aggregation.values) }
}
