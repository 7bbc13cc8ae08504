/// Rounds coherent means to multiples of `unit` so that they stay coherent: roots (nodes that
/// are nobody's child) to the nearest unit, then, top-down, each aggregation's children to
/// whole units adding up to their rounded parent, by largest remainder (the floors, plus one
/// unit to the children with the largest fractional parts, ties to the earlier child).
/// Non-negative inputs give non-negative results.
func roundCoherently(_ forecasts: inout [SeriesForecast], _ hierarchy: Hierarchy, unit: Double) {
    var units = forecasts.map { f in f.mean.map { ($0 / unit).rounded() } }
    for aggregation in hierarchy.aggregations {
        for step in units[aggregation.parent].indices {
            let raw = aggregation.children.map { max(0, forecasts[$0].mean[step] / unit) }
            var whole = raw.map { $0.rounded(.down) }
            var remainder = Int(units[aggregation.parent][step] - whole.reduce(0, +))
            let byFraction = raw.indices.sorted { (raw[$0] - whole[$0], -$0) > (raw[$1] - whole[$1], -$1) }
            var i = 0
            while remainder > 0, !byFraction.isEmpty {
                whole[byFraction[i % byFraction.count]] += 1
                remainder -= 1; i += 1
            }
            // Only through floating-point error: take units back from the smallest fractions.
            var j = byFraction.count - 1
            while remainder < 0, j >= 0 {
                if whole[byFraction[j]] > 0 { whole[byFraction[j]] -= 1; remainder += 1 } else { j -= 1 }
            }
            for (c, child) in aggregation.children.enumerated() { units[child][step] = whole[c] }
        }
    }
    for node in forecasts.indices {
        forecasts[node].mean = units[node].map { $0 * unit }
    }
}
