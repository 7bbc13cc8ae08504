/// How `reconcile` makes a tree of forecasts coherent.
public enum ReconciliationMethod: Sendable {
    /// Keep each root's forecast and split it down the tree, step by step, in proportion to the
    /// children's own forecasts (top-down by forecast proportions; Athanasopoulos, Ahmed &
    /// Hyndman 2009). The default, because:
    /// - the total (and region, category) series are long and smooth, so their forecasts are the
    ///   most accurate and keep their seasonality, while SKU series are often intermittent with
    ///   flat forecasts that would wash the season out of a bottom-up total;
    /// - the root is left unchanged, so several trees over the same total (sku → category →
    ///   total and region → total) reconciled separately still agree on the total;
    /// - proportions of non-negative forecasts are non-negative, which MinT does not guarantee,
    ///   and MinT's error covariance is poorly estimated from a few years of monthly data.
    case topDownForecastProportions
    /// Every parent becomes the sum of its children; its interval is shifted with its mean.
    case bottomUp
}

/// Makes child forecasts sum to their parent's at every step, with no negative value.
///
/// - Parameters:
///   - forecasts: one forecast per node, all with the same horizon and interval levels.
///   - parents: the parent index of each node, `-1` for a root; several roots make a forest.
/// - Returns: the reconciled forecasts in the same order. Bounds of a rescaled child are scaled
///   by the same factor as its mean (keeping their relative width); when all children of a
///   positive parent forecast zero, the parent is split equally among them.
public func reconcile(
    _ forecasts: [SeriesForecast], parents: [Int], method: ReconciliationMethod = .topDownForecastProportions
) -> [SeriesForecast] {
    precondition(forecasts.count == parents.count, "one parent index per forecast")
    var children = [[Int]](repeating: [], count: forecasts.count)
    var order: [Int] = []
    for (node, parent) in parents.enumerated() {
        if parent < 0 { order.append(node) } else { children[parent].append(node) }
    }
    // Breadth-first from the roots: parents before children.
    var next = 0
    while next < order.count {
        order += children[order[next]]
        next += 1
    }
    precondition(order.count == forecasts.count, "parents must form a forest (no cycles)")

    var result = forecasts.map(clampedAtZero)
    switch method {
    case .topDownForecastProportions:
        for parent in order where !children[parent].isEmpty {
            splitProportionally(&result, parent: parent, children: children[parent])
        }
    case .bottomUp:
        for parent in order.reversed() where !children[parent].isEmpty {
            let steps = result[parent].mean.indices
            let sums = steps.map { step in children[parent].reduce(0) { $0 + result[$1].mean[step] } }
            let shift = steps.map { sums[$0] - result[parent].mean[$0] }
            result[parent].mean = sums
            result[parent].lower = result[parent].lower.mapValues { bound in steps.map { max(0, bound[$0] + shift[$0]) } }
            result[parent].upper = result[parent].upper.mapValues { bound in steps.map { max(0, bound[$0] + shift[$0]) } }
        }
    }
    return result
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
