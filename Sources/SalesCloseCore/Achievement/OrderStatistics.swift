/// Figures over a span of months that monthly actuals cannot add up: distinct customers
/// (a customer buying in two months counts once) and the median order value. An order's value at
/// a level key is the sum of its counted lines with that key (an order split over two categories
/// is two smaller orders, one per category).
///
/// Lines are grouped by order and by customer with a counting sort over the dense ids (as in
/// `ActualsAggregation`), so memory holds one value per order and key, not a set per key.
struct OrderStatistics {
    /// Packed level key → slot of `orderValues` and `customerCounts`.
    private var index = FlatIndex<UInt64>(capacity: 1024)
    private var orderValues: [[Int64]] = []
    private var customerCounts: [Int] = []

    init(data: SalesData, levels: [ActualsLevel], months: ClosedRange<Month>) {
        let lines = data.orderLines
        let days = months.lowerBound.firstDay...months.upperBound.lastDay
        // The counted lines (not cancelled, ordered in the span), found in one pass and grouped
        // from there, so the groupings read the span's lines, not all.
        let counted = lines.indices.filter { !lines[$0].isCancelled && days.contains(lines[$0].orderDate) }
        // Each order's (slot, amount) per line and level, summed per slot.
        var parts: [(slot: Int32, amount: Int64)] = []
        for order in IndexGroups(counted.count, by: { lines[counted[$0]].order }) {
            parts.removeAll(keepingCapacity: true)
            for i in order.lazy.map({ counted[Int($0)] }) {
                for level in levels {
                    let key = level.key(of: lines[i])
                    guard key != noName else { continue }
                    let slot = index.index(of: LevelKey(level: level, key: key).packed(inPeriod: 0)) {
                        orderValues.append([])
                        return Int32(orderValues.count - 1)
                    }
                    parts.append((slot, lines[i].amount.minorUnits))
                }
            }
            if parts.count > 1 { parts.sort { $0.slot < $1.slot } }
            var j = 0
            while j < parts.count {
                var value: Int64 = 0, k = j
                while k < parts.count, parts[k].slot == parts[j].slot { value += parts[k].amount; k += 1 }
                orderValues[Int(parts[j].slot)].append(value)
                j = k
            }
        }
        // Distinct customers: a slot counts each time the customer visiting it changes.
        customerCounts = [Int](repeating: 0, count: orderValues.count)
        var lastCustomer = [NameID](repeating: noName, count: orderValues.count)
        for group in IndexGroups(counted.count, by: { lines[counted[$0]].customer }) {
            let customer = lines[counted[Int(group.first!)]].customer
            for i in group.lazy.map({ counted[Int($0)] }) {
                for level in levels {
                    let key = level.key(of: lines[i])
                    guard key != noName, let slot = index[LevelKey(level: level, key: key).packed(inPeriod: 0)],
                          lastCustomer[Int(slot)] != customer else { continue }
                    lastCustomer[Int(slot)] = customer
                    customerCounts[Int(slot)] += 1
                }
            }
        }
    }

    func distinctCustomers(_ level: ActualsLevel, _ key: NameID) -> Int {
        index[LevelKey(level: level, key: key).packed(inPeriod: 0)].map { customerCounts[Int($0)] } ?? 0
    }

    /// The middle order value (the mean of the two middle ones, rounded to the cent, for an even
    /// count); nil without orders.
    func medianOrderValue(_ level: ActualsLevel, _ key: NameID) -> Money? {
        guard let slot = index[LevelKey(level: level, key: key).packed(inPeriod: 0)] else { return nil }
        let values = orderValues[Int(slot)].sorted()
        guard !values.isEmpty else { return nil }
        let mid = values.count / 2
        let median = values.count % 2 == 1 ? values[mid]
            : roundedDivision(Int128(values[mid - 1]) + Int128(values[mid]), 2)
        return Money(minorUnits: median)
    }
}
