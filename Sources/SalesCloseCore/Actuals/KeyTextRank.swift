/// The keys of each level ranked by their text as the tables print it, computed once, so reports
/// and tables of many rows sort by comparing integers instead of strings.
public struct KeyTextRank: Sendable {
    /// ranks[level.order][key]: the key's position among its level's keys sorted by text.
    private var ranks: [[Int32]]

    /// Ranks the keys of `keys` (level and key pairs, repeats allowed).
    public init(_ keys: some Sequence<(level: ActualsLevel, key: NameID)>, names: SalesData.Names) {
        var seen = [[Bool]](repeating: [], count: ActualsLevel.allCases.count)
        for (level, key) in keys where key >= 0 {
            if seen[level.order].count <= Int(key) { seen[level.order] += repeatElement(false, count: Int(key) + 1 - seen[level.order].count) }
            seen[level.order][Int(key)] = true
        }
        ranks = ActualsLevel.allCases.map { level in
            let ids = seen[level.order].indices.filter { seen[level.order][$0] }.map { NameID($0) }
            let texts = ids.map { level.text(of: $0, names: names) }
            var rank = [Int32](repeating: 0, count: seen[level.order].count)
            for (r, i) in ids.indices.sorted(by: { texts[$0] < texts[$1] }).enumerated() { rank[Int(ids[i])] = Int32(r) }
            return rank
        }
    }

    public subscript(level: ActualsLevel, key: NameID) -> Int32 { ranks[level.order][Int(key)] }

    /// The indices of `count` entries in (period, level, key text) order, the order of the
    /// actuals and delivery tables: `entry(i)` is entry i's period (a month index), level and key,
    /// distinct for distinct entries. One packed word per entry is sorted, not the entries.
    public func order(count: Int, _ entry: (Int) -> (period: Int32, level: ActualsLevel, key: NameID)) -> [Int] {
        var first = Int32.max
        for i in 0..<count { first = min(first, entry(i).period) }
        var packed: [(word: UInt64, index: Int32)] = []
        packed.reserveCapacity(count)
        for i in 0..<count {
            let (period, level, key) = entry(i)
            let word = UInt64(period - first) << 36 | UInt64(level.order) << 32 | UInt64(UInt32(self[level, key]))
            packed.append((word, Int32(i)))
        }
        packed.sort { $0.word != $1.word ? $0.word < $1.word : $0.index < $1.index }
        return packed.map { Int($0.index) }
    }
}
