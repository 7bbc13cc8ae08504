/// Each order's lines in line order (line_no numerically, then as text, then input order), and the
/// line that an (order, line_no) names: the way from a shipment to the lines it delivers.
///
/// One counting sort by order id over the lines, then each order's few lines put in line order
/// (they usually are already, as exports list them); a line number is found by a binary search
/// among its order's lines. Nothing is hashed, and nothing is kept per line number.
struct OrderLineIndex {
    /// Line indices grouped by order id, each order's in line order.
    private var grouped: [Int32]
    /// The rank of each grouped line's number, beside it: the search reads neither the lines
    /// nor their numbers.
    private var groupedRank: [Int32]
    /// The lines of order `o` are `grouped[starts[o] ..< starts[o + 1]]`.
    private var starts: [Int32]
    /// `rank[lineNo + 1]`: the line number's position in line order (`noName` is ranked too).
    private let rank: [Int32]

    init(lines: [OrderLine], lineNumbers: NameTable) {
        let numbers = lineNumbers.names.map { Int($0) }
        func text(_ id: Int) -> String { id < 0 ? "" : lineNumbers.names[id] }
        func value(_ id: Int) -> Int { id < 0 ? .max : numbers[id] ?? .max }
        var rank = [Int32](repeating: 0, count: lineNumbers.count + 1)
        let ranked = (-1 ..< lineNumbers.count).sorted { a, b in (value(a), text(a), a) < (value(b), text(b), b) }
        for (r, id) in ranked.enumerated() { rank[id + 1] = Int32(r) }
        self.rank = rank

        var maxOrder: NameID = -1
        for line in lines { maxOrder = max(maxOrder, line.order) }
        var starts = [Int32](repeating: 0, count: Int(maxOrder) + 2)
        for line in lines where line.order >= 0 { starts[Int(line.order) + 1] += 1 }
        for o in starts.indices.dropFirst() { starts[o] += starts[o - 1] }
        var grouped = [Int32](repeating: 0, count: Int(starts.last!))
        var next = starts
        for (i, line) in lines.enumerated() where line.order >= 0 {
            grouped[Int(next[Int(line.order)])] = Int32(i)
            next[Int(line.order)] += 1
        }
        func key(_ i: Int32) -> (Int32, Int32) { (rank[Int(lines[Int(i)].lineNo) + 1], i) }
        for o in 0 ..< starts.count - 1 where starts[o + 1] - starts[o] > 1 {
            let group = Int(starts[o]) ..< Int(starts[o + 1])
            if zip(group, group.dropFirst()).allSatisfy({ key(grouped[$0]) < key(grouped[$1]) }) { continue }
            grouped[group].sort { key($0) < key($1) }
        }
        self.groupedRank = grouped.map { rank[Int(lines[Int($0)].lineNo) + 1] }
        self.grouped = grouped
        self.starts = starts
    }

    /// The lines of `order` in line order; nil when the order has none.
    func lines(of order: NameID) -> ArraySlice<Int32>? {
        guard order >= 0, Int(order) + 1 < starts.count, starts[Int(order)] < starts[Int(order) + 1] else { return nil }
        return grouped[Int(starts[Int(order)]) ..< Int(starts[Int(order) + 1])]
    }

    /// The line of `order` numbered `lineNo` (the last in input order when several are); nil when none is.
    func line(of order: NameID, numbered lineNo: NameID) -> Int? {
        guard let group = lines(of: order) else { return nil }
        let wanted = rank[Int(lineNo) + 1]
        // The first line ranked after `lineNo`; the one before it is the last numbered `lineNo`.
        var lo = group.startIndex, hi = group.endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if groupedRank[mid] <= wanted { lo = mid + 1 } else { hi = mid }
        }
        // Ranks are distinct per line number, so an equal rank is the same number.
        guard lo > group.startIndex, groupedRank[lo - 1] == wanted else { return nil }
        return Int(group[lo - 1])
    }
}
