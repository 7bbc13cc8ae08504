/// The (period, level, key) cells of order lines, numbered one period at a time: the cells of
/// monthly and weekly actuals and of delivery. A period is a number the caller gives a line (a
/// month index, a week's Monday).
///
/// One counting sort groups the lines by period; in a period, the cell of a level key is found in
/// an array over the level's dense key ids. So the periods are visited in ascending order, and
/// what one period touches (its cells, the caller's figures of them) stays small and in the cache,
/// with nothing hashed and nothing allocated per line.
struct PeriodCells {
    struct Cell: Sendable {
        var period: Int32
        var level: ActualsLevel
        var key: NameID
    }

    /// Every cell with a line, period by period.
    private(set) var cells: [Cell] = []

    /// Numbers the cells of the lines that `period` gives a period (nil: the line at that index is
    /// left out), calling `body(lines, cells, cellCount)` once per period, in ascending order,
    /// with the period's line indices (ascending), their cells (`levels.count` per line, -1 where
    /// the line has no key at the level) and the number of cells so far; the period's are the
    /// last ones numbered.
    init(lines: [OrderLine], levels: [ActualsLevel], period: (_ line: Int) -> Int32?,
         body: (_ lines: ArraySlice<Int32>, _ cells: [Int32], _ cellCount: Int) -> Void) {
        let width = levels.count
        // Each line's period (a placeholder when left out), the key range of each level, and
        // the lines by period.
        var periods = [Int32](repeating: 0, count: lines.count)
        var counted = [Bool](repeating: false, count: lines.count)
        var firstPeriod = Int32.max
        var keyCounts = [Int](repeating: 0, count: width)
        for (i, line) in lines.enumerated() {
            guard let p = period(i) else { continue }
            periods[i] = p
            counted[i] = true
            firstPeriod = min(firstPeriod, p)
            for (l, level) in levels.enumerated() { keyCounts[l] = max(keyCounts[l], Int(level.key(of: line)) + 1) }
        }
        let byPeriod = IndexGroups(lines.count) { counted[$0] ? periods[$0] - firstPeriod : noName }
        // cellOf[keyStart[l] + key]: the key's cell at level l in the period being numbered,
        // when not below the period's first cell.
        var keyStart = [0]
        for count in keyCounts { keyStart.append(keyStart.last! + count) }
        var cellOf = [Int32](repeating: -1, count: keyStart.last!)
        var periodCells: [Int32] = []
        for group in byPeriod {
            let p = periods[Int(group.first!)]
            let firstCell = Int32(cells.count)
            periodCells.removeAll(keepingCapacity: true)
            for i in group {
                let line = lines[Int(i)]
                for (l, level) in levels.enumerated() {
                    let key = level.key(of: line)
                    guard key != noName else { periodCells.append(-1); continue }
                    let x = keyStart[l] + Int(key)
                    if cellOf[x] < firstCell {
                        cellOf[x] = Int32(cells.count)
                        cells.append(Cell(period: p, level: level, key: key))
                    }
                    periodCells.append(cellOf[x])
                }
            }
            body(group, periodCells, cells.count)
        }
    }
}
