/// The least-squares slope of `values` against their position (0, 1, 2 …): the change per step,
/// in the values' integer unit and rounded to it; nil with fewer than two values. Computed
/// exactly in integers: slope = (n·Σxy − Σx·Σy) ÷ (n·Σx² − (Σx)²).
func trendSlope(_ values: [Int64]) -> Int64? {
    let n = Int128(values.count)
    guard n >= 2 else { return nil }
    var sumY: Int128 = 0, sumXY: Int128 = 0
    for (x, y) in values.enumerated() { sumY += Int128(y); sumXY += Int128(x) * Int128(y) }
    let sumX = n * (n - 1) / 2
    let sumXX = (n - 1) * n * (2 * n - 1) / 6
    return roundedDivision(n * sumXY - sumX * sumY, n * sumXX - sumX * sumX)
}
