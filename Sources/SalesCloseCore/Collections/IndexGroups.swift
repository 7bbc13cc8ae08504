/// Indices grouped by a dense id, the groups in ascending id order and each group's indices
/// ascending: a stable counting sort, so grouping a million lines costs two passes and no hashing.
struct IndexGroups: RandomAccessCollection {
    private let sorted: [Int32]
    /// Where each non-empty group starts in `sorted`, then `sorted.count`.
    private let bounds: [Int]

    /// The indices `0 ..< count` grouped by `id`; those whose id is negative (`noName`) are left out.
    init(_ count: Int, by id: (Int) -> NameID) {
        var maxID: NameID = -1
        for i in 0 ..< count { maxID = Swift.max(maxID, id(i)) }
        var starts = [Int](repeating: 0, count: Int(maxID) + 2)
        for i in 0 ..< count { let g = id(i); if g >= 0 { starts[Int(g) + 1] += 1 } }
        for j in starts.indices.dropFirst() { starts[j] += starts[j - 1] }
        var sorted = [Int32](repeating: 0, count: starts.last!)
        var next = starts
        for i in 0 ..< count {
            let g = Int(id(i))
            guard g >= 0 else { continue }
            sorted[next[g]] = Int32(i)
            next[g] += 1
        }
        var bounds = [0]
        for j in starts.indices.dropFirst() where starts[j] > starts[j - 1] { bounds.append(starts[j]) }
        self.sorted = sorted
        self.bounds = bounds
    }

    var startIndex: Int { 0 }
    var endIndex: Int { bounds.count - 1 }
    subscript(group: Int) -> ArraySlice<Int32> { sorted[bounds[group]..<bounds[group + 1]] }
}
