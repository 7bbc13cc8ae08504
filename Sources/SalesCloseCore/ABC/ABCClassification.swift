/// ABC class of an item: A, the few items that make most of the metric, then B, then C.
public enum ABCClass: String, Sendable, CaseIterable { case a = "A", b = "B", c = "C" }

/// One item's place in the ABC ranking.
struct ABCRanking: Equatable {
    var index: Int
    var rank: Int
    /// metric ÷ total of the positive metrics; nil when no item is positive.
    var share: Double?
    /// Running share up to and including the item; nil for items with metric ≤ 0.
    var cumulativeShare: Double?
    var abcClass: ABCClass
}

/// Ranks items by metric, highest first, ties by key text ascending, and classes them: an item is
/// A when the cumulative share before it is below `a` (so every item up to and including the one
/// that first reaches or passes `a` is A), B likewise below `b`, C otherwise. Items with metric ≤ 0
/// are C; shares are taken of the total of the positive metrics. Metrics are integers in the
/// minor unit (thousandths for quantity), so ties are exact, and cut-offs compare exactly too,
/// with the thresholds to six decimal places.
///
/// - Returns: the rankings in rank order; `index` points back into `items`.
func classifyABC(_ items: [(keyText: String, metric: Int64)], a: Double, b: Double) -> [ABCRanking] {
    let order = items.indices.sorted {
        (items[$1].metric, items[$0].keyText) < (items[$0].metric, items[$1].keyText)
    }
    let positiveTotal = items.reduce(Int128(0)) { $0 + Int128(max(0, $1.metric)) }
    let aLimit = millionths(a) * positiveTotal, bLimit = millionths(b) * positiveTotal
    var before: Int128 = 0
    return order.enumerated().map { position, i in
        let metric = Int128(items[i].metric)
        var ranking = ABCRanking(index: i, rank: position + 1,
                                 share: positiveTotal > 0 ? Double(metric) / Double(positiveTotal) : nil,
                                 cumulativeShare: nil, abcClass: .c)
        guard metric > 0 else { return ranking }
        let scaledBefore = before * 1_000_000
        ranking.abcClass = scaledBefore < aLimit ? .a : scaledBefore < bLimit ? .b : .c
        before += metric
        ranking.cumulativeShare = Double(before) / Double(positiveTotal)
        return ranking
    }
}
