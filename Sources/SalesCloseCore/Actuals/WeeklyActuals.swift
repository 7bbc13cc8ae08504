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

    public private(set) var figures: [Key: ActualsFigures] = [:]

    public init(data: SalesData) {
        var orders = Set<Pair>(), customers = Set<Pair>()
        for line in data.orderLines where !line.isCancelled {
            let week = ISOWeek(containing: line.orderDate)
            for level in Self.levels {
                let key = level.key(of: line)
                guard key != noName else { continue }
                let k = Key(week: week, level: level, key: key)
                figures[k, default: ActualsFigures()].add(line)
                if orders.insert(Pair(key: k, id: line.order)).inserted { figures[k]!.orderCount += 1 }
                if customers.insert(Pair(key: k, id: line.customer)).inserted { figures[k]!.customerCount += 1 }
            }
        }
    }

    /// A week-level-key with an order or customer, for counting distinct ones.
    private struct Pair: Hashable {
        var key: Key
        var id: NameID
    }
}
