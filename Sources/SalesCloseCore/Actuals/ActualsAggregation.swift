/// The figures of every (period, level, key) with counted lines: the one aggregation behind
/// monthly and weekly actuals. A period is a number the caller gives each line (a month index,
/// the day number of a week's Monday).
///
/// Counted lines are the non-cancelled ones. One pass adds each line to the figures of its keys
/// (a flat index over packed integer keys) and remembers the slot of every line and level; then
/// distinct orders and customers are counted by visiting the lines grouped by order (by
/// customer) and counting a slot each time the order (customer) visiting it changes. No set is
/// kept per key and nothing is allocated per line.
struct ActualsAggregation: Sendable {
    struct Entry: Sendable {
        var period: Int32
        var level: ActualsLevel
        var key: NameID
    }

    /// Every (period, level, key) with counted lines, in first-seen order, and its figures.
    private(set) var entries: [Entry] = []
    private(set) var values: [ActualsFigures] = []
    private var index = FlatIndex<UInt64>(capacity: 1024)

    init(lines: [OrderLine], levels: [ActualsLevel], period: (OrderLine) -> Int32) {
        let width = levels.count
        // slots[line * width + level]: the line's figures at that level; -1 when not counted there.
        var slots = [Int32](repeating: -1, count: lines.count * width)
        for (i, line) in lines.enumerated() where !line.isCancelled {
            let p = period(line)
            for (l, level) in levels.enumerated() {
                let key = level.key(of: line)
                guard key != noName else { continue }
                let s = index.index(of: LevelKey(level: level, key: key).packed(inPeriod: p)) {
                    entries.append(Entry(period: p, level: level, key: key))
                    values.append(ActualsFigures())
                    return Int32(values.count - 1)
                }
                values[Int(s)].add(line)
                slots[i * width + l] = s
            }
        }
        /// Counts, per slot, the distinct values of `id` among its lines: the lines grouped by
        /// `id` visit their slots, and a slot counts each time the visiting id changes.
        func countDistinct(_ id: (OrderLine) -> NameID, _ count: (inout ActualsFigures) -> Void) {
            var lastVisitor = [NameID](repeating: noName, count: values.count)
            for group in IndexGroups(lines, by: { $0.isCancelled ? noName : id($0) }) {
                let visitor = id(lines[group.first!])
                for i in group {
                    for s in slots[i * width ..< (i + 1) * width] where s >= 0 && lastVisitor[Int(s)] != visitor {
                        lastVisitor[Int(s)] = visitor
                        count(&values[Int(s)])
                    }
                }
            }
        }
        countDistinct({ $0.order }) { $0.orderCount += 1 }
        countDistinct({ $0.customer }) { $0.customerCount += 1 }
    }

    /// The figures of `key` at `level` in `period`; nil when nothing was sold.
    func figures(_ level: ActualsLevel, _ key: NameID, period: Int32) -> ActualsFigures? {
        index[LevelKey(level: level, key: key).packed(inPeriod: period)].map { values[Int($0)] }
    }
}
