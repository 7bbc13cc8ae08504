/// Monthly actuals of every level and key, computed once from the imported order lines:
/// the non-cancelled lines bucketed by the calendar month of the order date (`ActualsAggregation`).
public struct MonthlyActuals: Sendable {
    public struct Key: Hashable, Sendable, Comparable {
        public var month: Month
        public var level: ActualsLevel
        public var key: NameID
        public static func < (a: Key, b: Key) -> Bool {
            (a.month, a.level, a.key) < (b.month, b.level, b.key)
        }
    }

    /// Every (month, level, key) with counted lines, in first-seen order.
    public let keys: [Key]
    private let aggregation: ActualsAggregation
    /// Levels computed, in output order.
    public let levels: [ActualsLevel]

    public init(data: SalesData, levels: [ActualsLevel] = ActualsLevel.allCases) {
        self.levels = levels
        aggregation = ActualsAggregation(lines: data.orderLines, levels: levels) { $0.orderDate.month.index }
        keys = aggregation.entries.map { Key(month: Month(index: $0.period), level: $0.level, key: $0.key) }
    }

    /// The figures of `key` at `level` in `month` (zeros when nothing was sold).
    public func figures(_ level: ActualsLevel, _ key: NameID, _ month: Month) -> ActualsFigures {
        aggregation.figures(level, key, period: month.index) ?? ActualsFigures()
    }

    /// Revenue of `key` summed over `months`.
    public func revenue(_ level: ActualsLevel, _ key: NameID, in months: ClosedRange<Month>) -> Money {
        var total = Money.zero
        for m in stride(from: months.lowerBound, through: months.upperBound, by: 1) {
            total += figures(level, key, m).revenue
        }
        return total
    }

    /// The distinct keys seen at `level`, ascending.
    public func keys(at level: ActualsLevel) -> [NameID] {
        Array(Set(keys.lazy.filter { $0.level == level }.map(\.key))).sorted()
    }

    /// The figures of `keys[i]`.
    public func figures(atEntry i: Int) -> ActualsFigures { aggregation.values[i] }

    /// Every (month, level, key) with counted lines and its figures, in first-seen order.
    public var entries: Zip2Sequence<[Key], [ActualsFigures]> { zip(keys, aggregation.values) }
}
