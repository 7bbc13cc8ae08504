/// Counts, per cell, the distinct ids among the rows in the cell: a row (an order line) has an id
/// (its order, its customer) and `width` cells (-1 for none). The rows are visited grouped by id,
/// and a cell counts each time the id visiting it changes. Rows whose ids ascend or descend (an
/// order's lines, in an export sorted by order either way) are already grouped and visited as
/// they are; others are grouped with a counting sort over the range of the ids. The buffers are
/// kept between calls, so counting period after period allocates nothing.
struct DistinctCounter {
    private var starts: [Int32] = []
    private var byID: [Int32] = []
    private var lastVisitor: [NameID] = []
    private var counts: [Int] = []

    /// Calls `add(cell, count)` for each cell of `firstCell ..< firstCell + cellCount` that some
    /// row is in, with the number of distinct ids among its rows. Rows whose id is negative
    /// (`noName`) are left out.
    mutating func count(_ ids: [NameID], cells: [Int32], width: Int, firstCell: Int32, cellCount: Int,
                        add: (_ cell: Int, _ count: Int) -> Void) {
        var lo = NameID.max, hi = NameID.min
        var previous = noName, ascends = true, descends = true
        for id in ids where id >= 0 {
            lo = min(lo, id); hi = max(hi, id)
            if previous != noName { ascends = ascends && id >= previous; descends = descends && id <= previous }
            previous = id
        }
        guard lo <= hi else { return }
        lastVisitor.removeAll(keepingCapacity: true)
        lastVisitor.append(contentsOf: repeatElement(noName, count: cellCount))
        counts.removeAll(keepingCapacity: true)
        counts.append(contentsOf: repeatElement(0, count: cellCount))
        func visit(_ row: Int) {
            let visitor = ids[row]
            for c in cells[row * width ..< (row + 1) * width] where c >= 0 {
                let j = Int(c - firstCell)
                if lastVisitor[j] != visitor {
                    lastVisitor[j] = visitor
                    counts[j] += 1
                }
            }
        }
        if ascends || descends {
            for row in ids.indices where ids[row] >= 0 { visit(row) }
        } else {
            group(ids, lo: lo, hi: hi)
            for row in byID { visit(Int(row)) }
        }
        for j in 0 ..< cellCount where counts[j] > 0 { add(Int(firstCell) + j, counts[j]) }
    }

    /// The rows (of ids ≥ 0) by id into `byID`, with a counting sort over `lo ... hi`.
    private mutating func group(_ ids: [NameID], lo: NameID, hi: NameID) {
        let range = Int(hi - lo) + 1
        // starts[g]: where the rows of id lo + g go next in `byID`.
        starts.removeAll(keepingCapacity: true)
        starts.append(contentsOf: repeatElement(0, count: range + 1))
        for id in ids where id >= 0 { starts[Int(id - lo) + 1] += 1 }
        for g in 1 ... range { starts[g] += starts[g - 1] }
        byID.removeAll(keepingCapacity: true)
        byID.append(contentsOf: repeatElement(0, count: Int(starts[range])))
        for (row, id) in ids.enumerated() where id >= 0 {
            byID[Int(starts[Int(id - lo)])] = Int32(row)
            starts[Int(id - lo)] += 1
        }
    }
}
