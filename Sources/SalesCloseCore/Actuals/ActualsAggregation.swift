/// The figures of every (period, level, key) with counted lines: the one aggregation behind
/// monthly and weekly actuals. A period is a number the caller gives each line (a month index,
/// the day number of a week's Monday).
///
/// Counted lines are the non-cancelled ones, aggregated one period at a time (`PeriodCells`): each
/// line is added to the figures of its cells; then the period's distinct orders and customers are
/// counted by visiting its lines grouped by order (by customer) and counting a cell each time the
/// order (customer) visiting it changes (`DistinctCounter`). No set is kept per key, and nothing
/// is hashed or allocated per line.
struct ActualsAggregation: Sendable {
    /// Every (period, level, key) with counted lines, period by period, and its figures.
    let entries: [PeriodCells.Cell]
    let values: [ActualsFigures]
    private let index: FlatIndex<UInt64>

    init(lines: [OrderLine], levels: [ActualsLevel], period: (OrderLine) -> Int32) {
        let width = levels.count
        var values: [ActualsFigures] = []
        var orders: [NameID] = [], customers: [NameID] = []
        var distinct = DistinctCounter()
        entries = PeriodCells(lines: lines, levels: levels, period: { lines[$0].isCancelled ? nil : period(lines[$0]) }) { group, cells, cellCount in
            let firstCell = values.count
            values.append(contentsOf: repeatElement(ActualsFigures(), count: cellCount - firstCell))
            orders.removeAll(keepingCapacity: true)
            customers.removeAll(keepingCapacity: true)
            for (k, i) in group.enumerated() {
                let line = lines[Int(i)]
                orders.append(line.order)
                customers.append(line.customer)
                for c in cells[k * width ..< (k + 1) * width] where c >= 0 { values[Int(c)].add(line) }
            }
            distinct.count(orders, cells: cells, width: width, firstCell: Int32(firstCell), cellCount: cellCount - firstCell) {
                values[$0].orderCount += $1
            }
            distinct.count(customers, cells: cells, width: width, firstCell: Int32(firstCell), cellCount: cellCount - firstCell) {
                values[$0].customerCount += $1
            }
        }.cells
        var index = FlatIndex<UInt64>(capacity: entries.count)
        for (i, e) in entries.enumerated() { index.insert(LevelKey(level: e.level, key: e.key).packed(inPeriod: e.period), Int32(i)) }
        self.values = values
        self.index = index
    }

    /// The figures of `key` at `level` in `period`; nil when nothing was sold.
    func figures(_ level: ActualsLevel, _ key: NameID, period: Int32) -> ActualsFigures? {
        index[LevelKey(level: level, key: key).packed(inPeriod: period)].map { values[Int($0)] }
    }
}
