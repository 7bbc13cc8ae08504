/// The sales of one level key on some days: revenue, distinct orders and customers.
public struct DailyFigures: Sendable, Equatable {
    public var revenue: Money = .zero
    public var orderCount = 0
    public var customerCount = 0
    public init(revenue: Money = .zero, orderCount: Int = 0, customerCount: Int = 0) {
        self.revenue = revenue; self.orderCount = orderCount; self.customerCount = customerCount
    }

    /// 客单价: revenue ÷ orders, rounded to the cent; nil without orders.
    public var averageOrderValue: Money? {
        orderCount > 0 ? Money(minorUnits: roundedDivision(Int128(revenue.minorUnits), Int128(orderCount))) : nil
    }
}

/// Counted order lines indexed by day and level key, so any span of days can be summed with
/// distinct orders and customers.
struct DailyLedger {
    private var lines: [LevelKey: [(day: Day, order: NameID, customer: NameID, amount: Int64)]] = [:]

    init(data: SalesData, levels: [ActualsLevel], from first: Day, through last: Day) {
        for line in data.orderLines where !line.isCancelled && line.orderDate >= first && line.orderDate <= last {
            for level in levels {
                let key = level.key(of: line)
                guard key != noName else { continue }
                lines[LevelKey(level: level, key: key), default: []].append((line.orderDate, line.order, line.customer, line.amount.minorUnits))
            }
        }
    }

    /// The keys with a line, per level.
    func keys(at level: ActualsLevel) -> [NameID] { lines.keys.filter { $0.level == level }.map(\.key).sorted() }

    func figures(_ k: LevelKey, _ days: ClosedRange<Day>) -> DailyFigures {
        var f = DailyFigures()
        var orders = Set<NameID>(), customers = Set<NameID>()
        for l in lines[k] ?? [] where days.contains(l.day) {
            f.revenue += Money(minorUnits: l.amount)
            orders.insert(l.order); customers.insert(l.customer)
        }
        f.orderCount = orders.count
        f.customerCount = customers.count
        return f
    }

    /// Revenue per day of `days`.
    func revenueByDay(_ k: LevelKey, _ days: ClosedRange<Day>) -> [Day: Int64] {
        var out: [Day: Int64] = [:]
        for l in lines[k] ?? [] where days.contains(l.day) { out[l.day, default: 0] += l.amount }
        return out
    }
}
