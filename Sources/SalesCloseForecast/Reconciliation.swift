/// Makes forecasts coherent: every aggregation's children add up to its parent at every step,
/// to the `unit` (e.g. the cent) after rounding, with no negative value.
///
/// - Parameters:
///   - forecasts: one forecast per node of `hierarchy`, all with the same horizon and levels.
///   - method: see `ReconciliationMethod`. `minTraceShrink` estimates the error covariance from
///     the forecasts' `residuals` (aligned at their last month, the last 60 months at most).
///   - unit: means are rounded to multiples of `unit`, parents first, children by largest
///     remainder so that they add up to their rounded parent exactly; 0 leaves them unrounded.
/// - Returns: the reconciled forecasts in the same order. Negative reconciled values are set to
///   zero and the rest of their aggregation rescaled to the parent (the affected subtree is
///   reconciled again, top-down). Intervals: top-down scales a child's bounds with its mean;
///   bottom-up and WLS shift them with the mean; MinT also narrows them by the square root of
///   the variance ratio of the reconciled to the base forecast error.
public func reconcile(
    _ forecasts: [SeriesForecast], in hierarchy: Hierarchy, method: ReconciliationMethod = .minTraceShrink,
    unit: Double = 0.01
) -> [SeriesForecast] {
    precondition(forecasts.count == hierarchy.nodeCount, "one forecast per node")
    var result = forecasts.map(clampedAtZero)
    switch method {
    case .topDown:
        for aggregation in hierarchy.aggregations {
            splitProportionally(&result, parent: aggregation.parent, children: aggregation.children)
        }
    case .bottomUp:
        var first: [Int: Int] = [:]   // a parent's first aggregation
        for (a, aggregation) in hierarchy.aggregations.enumerated() where first[aggregation.parent] == nil {
            first[aggregation.parent] = a
        }
        var means = result.map(\.mean)
        for (a, aggregation) in hierarchy.aggregations.enumerated().reversed() where first[aggregation.parent] == a {
            for step in means[aggregation.parent].indices {
                means[aggregation.parent][step] = aggregation.children.reduce(0) { $0 + means[$1][step] }
            }
        }
        // A root heading several trees takes the sum of its first; the others are split to it.
        rescaleDown(&means, hierarchy)
        shiftBounds(&result, to: means, widthFactors: nil)
    case .minTraceShrink, .wlsStructural:
        let merged = MergedHierarchy(hierarchy)
        let projection = merged.projection(result, shrink: method == .minTraceShrink)
        var means = result.map(\.mean)
        for step in result.first?.mean.indices ?? 0..<0 {
            let reconciled = projection.project(merged.representatives.map { result[$0].mean[step] })
            for node in means.indices { means[node][step] = reconciled[merged.group[node]] }
        }
        for node in means.indices { means[node] = means[node].map { max(0, $0) } }
        rescaleDown(&means, hierarchy)
        let ratios = method == .minTraceShrink ? projection.varianceRatios : nil
        shiftBounds(&result, to: means, widthFactors: ratios.map { r in merged.group.map { r[$0].squareRoot() } })
    }
    if unit > 0 { roundCoherently(&result, hierarchy, unit: unit) }
    return result
}

/// A hierarchy with every single-child aggregation folded into one node (a parent with one
/// child has the same series and forecast as that child; counting it twice would overweight it).
private struct MergedHierarchy {
    /// Group of each node; `representatives[g]` is the group's top node.
    var group: [Int]
    var representatives: [Int] = []
    var constraints: [Hierarchy.Aggregation] = []
    let hierarchy: Hierarchy

    init(_ hierarchy: Hierarchy) {
        self.hierarchy = hierarchy
        var top = Array(0..<hierarchy.nodeCount)
        for a in hierarchy.aggregations where a.children.count == 1 { top[a.children[0]] = top[a.parent] }
        var index: [Int: Int] = [:]
        group = top.map { t in
            if let g = index[t] { return g }
            index[t] = index.count
            return index.count - 1
        }
        representatives = [Int](repeating: 0, count: index.count)
        for (node, t) in index { representatives[t] = node }
        constraints = hierarchy.aggregations.filter { $0.children.count > 1 }
            .map { [group] a in Hierarchy.Aggregation(parent: group[a.parent], children: a.children.map { group[$0] }) }
    }

    /// MinT with the shrinkage covariance of the representatives' residuals, or WLS with
    /// structural scaling when `shrink` is false or there are too few months of errors.
    func projection(_ forecasts: [SeriesForecast], shrink: Bool) -> MinTrace {
        let months = min(representatives.map { forecasts[$0].residuals.count }.max() ?? 0, MinTrace.maximumErrorMonths)
        if shrink && months >= MinTrace.minimumErrorMonths {
            let errors = representatives.map { node -> [Double] in
                let r = forecasts[node].residuals.suffix(months)
                return [Double](repeating: 0, count: months - r.count) + r
            }
            return MinTrace(constraints: constraints, errors: errors)
        }
        let leaves = hierarchy.leafCounts
        return MinTrace(constraints: constraints, nodeCount: representatives.count,
                        diagonal: representatives.map { leaves[$0] })
    }
}

/// Top-down pass after clamping: where an aggregation's children do not add up to the parent
/// (a child was set to zero, or the parent came from another tree), rescales the children in
/// proportion (equal shares when they are all zero).
private func rescaleDown(_ means: inout [[Double]], _ hierarchy: Hierarchy) {
    for aggregation in hierarchy.aggregations {
        for step in means[aggregation.parent].indices {
            let target = means[aggregation.parent][step]
            let sum = aggregation.children.reduce(0) { $0 + means[$1][step] }
            guard abs(sum - target) > 1e-9 * max(abs(target), 1) else { continue }
            for child in aggregation.children {
                means[child][step] = sum > 0 ? means[child][step] * target / sum : target / Double(aggregation.children.count)
            }
        }
    }
}

/// Moves each forecast's bounds with its new mean, their distances to the mean multiplied by
/// the node's width factor (1 when nil); bounds stay non-negative.
private func shiftBounds(_ forecasts: inout [SeriesForecast], to means: [[Double]], widthFactors: [Double]?) {
    for node in forecasts.indices {
        let factor = widthFactors?[node] ?? 1
        let old = forecasts[node].mean
        let new = means[node]
        forecasts[node].lower = forecasts[node].lower.mapValues { bound in
            bound.indices.map { max(0, new[$0] - factor * (old[$0] - bound[$0])) }
        }
        forecasts[node].upper = forecasts[node].upper.mapValues { bound in
            bound.indices.map { max(0, new[$0] + factor * (bound[$0] - old[$0])) }
        }
        forecasts[node].mean = new
    }
}

private func splitProportionally(_ forecasts: inout [SeriesForecast], parent: Int, children: [Int]) {
    let target = forecasts[parent]
    for step in target.mean.indices {
        let sum = children.reduce(0) { $0 + forecasts[$1].mean[step] }
        for child in children {
            if sum > 0 {
                let factor = target.mean[step] / sum
                forecasts[child].mean[step] *= factor
                for level in forecasts[child].lower.keys { forecasts[child].lower[level]![step] *= factor }
                for level in forecasts[child].upper.keys { forecasts[child].upper[level]![step] *= factor }
            } else {
                let share = 1 / Double(children.count)
                forecasts[child].mean[step] = target.mean[step] * share
                for level in forecasts[child].lower.keys { forecasts[child].lower[level]![step] = (target.lower[level]?[step] ?? 0) * share }
                for level in forecasts[child].upper.keys { forecasts[child].upper[level]![step] = (target.upper[level]?[step] ?? 0) * share }
            }
        }
    }
}

private func clampedAtZero(_ forecast: SeriesForecast) -> SeriesForecast {
    let clamped = ModelForecast(mean: forecast.mean, lower: forecast.lower, upper: forecast.upper).clampedAtZero()
    var result = forecast
    result.mean = clamped.mean
    result.lower = clamped.lower
    result.upper = clamped.upper
    return result
}
