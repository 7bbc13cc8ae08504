/// Figures over a span of months that monthly actuals cannot add up: distinct customers
/// (a customer buying in two months counts once) and the median order value. An order's value at
/// a level key is the sum of its counted lines with that key (an order split over two categories
/// is two smaller orders, one per category).
///
/// Lines are grouped by order and by customer with a counting sort over the dense ids (as in
/// `MonthlyActuals`), so memory holds one value per order and key, not a set per key.
struct OrderStatistics {
    private var orderValues: [LevelKey: [Int64]] = [:]
    private var customerCounts: [LevelKey: Int] = [:]

    init(data: SalesData, levels: [ActualsLevel], months: ClosedRange<Month>) {
        let lines = data.orderLines
        let days = months.lowerBound.firstDay...months.upperBound.lastDay
        func isCounted(_ line: OrderLine) -> Bool { !line.isCancelled && days.contains(line.orderDate) }
        func levelKeys(_ i: Int) -> [LevelKey] {
            levels.compactMap { level in
                let key = level.key(of: lines[i])
                return key == noName ? nil : LevelKey(level: level, key: key)
            }
        }
        for order in IndexGroups(lines, by: { isCounted($0) ? $0.order : noName }) {
            var values: [LevelKey: Int64] = [:]
            for i in order { for k in levelKeys(i) { values[k, default: 0] += lines[i].amount.minorUnits } }
            for (k, v) in values { orderValues[k, default: []].append(v) }
        }
        for customer in IndexGroups(lines, by: { isCounted($0) ? $0.customer : noName }) {
            for k in Set(customer.flatMap(levelKeys)) { customerCounts[k, default: 0] += 1 }
        }
    }

    func distinctCustomers(_ level: ActualsLevel, _ key: NameID) -> Int {
        customerCounts[LevelKey(level: level, key: key)] ?? 0
    }

    /// The middle order value (the mean of the two middle ones, rounded to the cent, for an even
    /// count); nil without orders.
    func medianOrderValue(_ level: ActualsLevel, _ key: NameID) -> Money? {
        guard let values = orderValues[LevelKey(level: level, key: key)]?.sorted(), !values.isEmpty else { return nil }
        let mid = values.count / 2
        let median = values.count % 2 == 1 ? values[mid]
            : roundedDivision(Int128(values[mid - 1]) + Int128(values[mid]), 2)
        return Money(minorUnits: median)
    }
}
