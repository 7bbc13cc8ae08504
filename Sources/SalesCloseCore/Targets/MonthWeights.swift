/// Computes the weights that spread a target over some of its months, for one metric, level
/// and key, by the configured `AllocationMethod`. When the method has nothing to go on (no sales
/// in the same months last year, less than two complete years of history, missing or invalid
/// weights) the months are weighted evenly and the reason is returned so it can be reported.
struct MonthWeights {
    let method: AllocationMethod
    let explicitWeights: [Double]?
    let blend: BlendWeights
    let actuals: MonthlyActuals
    /// The months the order data covers; only complete years inside it count as history.
    let history: ClosedRange<Month>?

    /// Weights for `months` (each non-negative, at least one positive), why the method fell
    /// back to even weights (or, for a blend, left factors out), if it did, and a blend's shares.
    func weights(for months: [Month], metric: TargetMetric, level: ActualsLevel,
                 key: NameID) -> (weights: [Int64], fallback: String?, blend: BlendedShares?) {
        let even = [Int64](repeating: 1, count: months.count)
        func positive(_ w: [Int64]) -> Bool { w.contains { $0 > 0 } }
        switch method {
        case .even:
            return (even, nil, nil)
        case .priorYear:
            let w = months.map { max(0, metric.value(of: actuals.figures(level, key, $0.advanced(by: -12)))) }
            guard positive(w) else {
                return (even, "no \(metric.rawValue) in the same months of \(months[0].year - 1); allocated evenly", nil)
            }
            return (w, nil, nil)
        case .seasonal:
            let index = seasonalIndex(metric: metric, level: level, key: key, before: months[0].year)
            let w = index.map { idx in months.map { scaled(idx[$0.month - 1]) } }
            guard let w, positive(w) else {
                return (even, "seasonal allocation needs two complete years of \(metric.rawValue) before \(months[0].year); allocated evenly", nil)
            }
            return (w, nil, nil)
        case .weights:
            guard let ws = explicitWeights, ws.count == 12, ws.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                return (even, "allocation = \"weights\" needs twelve non-negative weights; allocated evenly", nil)
            }
            let w = months.map { scaled(ws[$0.month - 1]) }
            guard positive(w) else { return (even, "the weights of these months are all zero; allocated evenly", nil) }
            return (w, nil, nil)
        case .blend:
            let b = blended(months, metric: metric, level: level, key: key)
            return (b.weights, b.note(what: "\(months.first!)…\(months.last!)"), b)
        }
    }

    /// The blend over months: last year's same months, the same number of months just before
    /// the first one (for a whole year that is last year again; for a quarter, the previous
    /// quarter), the seasonal index, and capacity, which has no monthly shape (even).
    func blended(_ months: [Month], metric: TargetMetric, level: ActualsLevel, key: NameID) -> BlendedShares {
        func metricIn(_ m: Month) -> Int64 { metric.value(of: actuals.figures(level, key, m)) }
        var values: [BlendFactor: [Int64]] = [
            .priorYear: months.map { metricIn($0.advanced(by: -12)) },
            .lastPeriod: months.map { metricIn($0.advanced(by: -months.count)) },
            .capacity: months.map { _ in 1 },
        ]
        if let index = seasonalIndex(metric: metric, level: level, key: key, before: months[0].year) {
            values[.seasonal] = months.map { scaled(index[$0.month - 1]) }
        }
        return BlendedShares(count: months.count, blend: blend, values: values)
    }

    /// A fractional weight as an integer weight in billionths.
    private func scaled(_ weight: Double) -> Int64 { Int64((weight * 1e9).rounded()) }

    /// Each calendar month's mean share of its year's total over the complete history years
    /// before `year` whose total is positive (negative months count as 0); nil with fewer than two.
    private func seasonalIndex(metric: TargetMetric, level: ActualsLevel, key: NameID, before year: Int) -> [Double]? {
        guard let history else { return nil }
        let firstYear = history.lowerBound.month == 1 ? history.lowerBound.year : history.lowerBound.year + 1
        let lastYear = min(year - 1, history.upperBound.month == 12 ? history.upperBound.year : history.upperBound.year - 1)
        guard firstYear <= lastYear else { return nil }
        var index = [Double](repeating: 0, count: 12)
        var years = 0
        for y in firstYear...lastYear {
            let values = (1...12).map { max(0, metric.value(of: actuals.figures(level, key, Month(year: y, month: $0)))) }
            let total = values.reduce(0, +)
            guard total > 0 else { continue }
            years += 1
            for m in 0..<12 { index[m] += Double(values[m]) / Double(total) }
        }
        guard years >= 2 else { return nil }
        return index.map { $0 / Double(years) }
    }
}
