/// Monthly actuals of every level and key, computed once from the imported order lines.
///
/// Counted lines are the non-cancelled ones, bucketed by the calendar month of the order date.
/// Distinct orders and customers are counted by grouping line indices by order and by customer
/// (a counting sort over the dense ids), so no per-row set is kept.
public struct MonthlyActuals: Sendable {
    public struct Key: Hashable, Sendable, Comparable {
        public var month: Month
        public var level: ActualsLevel
        public var key: NameID
        public static func < (a: Key, b: Key) -> Bool {
            (a.month, a.level, a.key) < (b.month, b.level, b.key)
        }
        /// One word for the flat index (month in the high bits, then level, then key).
        var packed: UInt64 { LevelKey(level: level, key: key).packed(in: month) }
    }

    /// Every (month, level, key) with counted lines, in first-seen order, and its figures.
    public private(set) var keys: [Key] = []
    private var values: [ActualsFigures] = []
    /// Packed key → position in `keys` and `values`.
    private var index: FlatIndex<UInt64>
    /// Levels computed, in output order.
    public let levels: [ActualsLevel]

    public init(data: SalesData, levels: [ActualsLevel] = ActualsLevel.allCases) {
        self.levels = levels
        let counted = data.orderLines.indices.filter { !data.orderLines[$0].isCancelled }
        index = FlatIndex(capacity: 1024)
        for i in counted {
            let line = data.orderLines[i]
            forEachKey(of: line) { key in
                values[Int(slot(of: key))].add(line)
            }
        }
        // Distinct orders, then distinct customers, per key: the lines of one order (customer)
        // give a handful of slots; each distinct slot counts once.
        var slots: [Int32] = []
        for (groupBy, isOrder) in [(\OrderLine.order, true), (\OrderLine.customer, false)] {
            for group in groupedIndices(counted, of: data.orderLines, by: groupBy) {
                slots.removeAll(keepingCapacity: true)
                for i in group { forEachKey(of: data.orderLines[i]) { slots.append(index[$0.packed]!) } }
                slots.sort()
                var previous: Int32 = -1
                for s in slots where s != previous {
                    if isOrder { values[Int(s)].orderCount += 1 } else { values[Int(s)].customerCount += 1 }
                    previous = s
                }
            }
        }
    }

    /// The position of `key`'s figures, added (zero) when the key is new.
    private mutating func slot(of key: Key) -> Int32 {
        index.index(of: key.packed) {
            keys.append(key)
            values.append(ActualsFigures())
            return Int32(keys.count - 1)
        }
    }

    private func forEachKey(of line: OrderLine, _ body: (Key) -> Void) {
        let month = line.orderDate.month
        for level in levels {
            let key = level.key(of: line)
            if key != noName { body(Key(month: month, level: level, key: key)) }
        }
    }

    /// The figures of `key` at `level` in `month` (zeros when nothing was sold).
    public func figures(_ level: ActualsLevel, _ key: NameID, _ month: Month) -> ActualsFigures {
        guard let i = index[Key(month: month, level: level, key: key).packed] else { return ActualsFigures() }
        return values[Int(i)]
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

    /// Every (month, level, key) with counted lines and its figures, in first-seen order.
    public var entries: Zip2Sequence<[Key], [ActualsFigures]> { zip(keys, values) }
}

/// Indices of `subset` grouped by the dense id `keyPath` (a stable counting sort; ids < 0 are skipped).
func groupedIndices(_ subset: [Int], of lines: [OrderLine], by keyPath: KeyPath<OrderLine, NameID>) -> [ArraySlice<Int>] {
    var maxID: NameID = -1
    for i in subset { maxID = max(maxID, lines[i][keyPath: keyPath]) }
    guard maxID >= 0 else { return [] }
    var starts = [Int](repeating: 0, count: Int(maxID) + 2)
    for i in subset { let id = lines[i][keyPath: keyPath]; if id >= 0 { starts[Int(id) + 1] += 1 } }
    for j in 1..<starts.count { starts[j] += starts[j - 1] }
    var sorted = [Int](repeating: 0, count: starts.last!)
    var next = starts
    for i in subset {
        let id = lines[i][keyPath: keyPath]
        guard id >= 0 else { continue }
        sorted[next[Int(id)]] = i
        next[Int(id)] += 1
    }
    return (0...Int(maxID)).compactMap { id in
        starts[id] < starts[id + 1] ? sorted[starts[id]..<starts[id + 1]] : nil
    }
}
