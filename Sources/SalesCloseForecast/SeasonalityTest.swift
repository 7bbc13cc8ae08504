/// The seasonality test of R's `thetaf`: the lag-m autocorrelation exceeds its 90 % limit
/// 1.645·√((1 + 2·Σ_{k<m} r_k²) / n). Needs more than two full seasons.
func hasSignificantSeasonality(_ y: [Double], seasonLength m: Int) -> Bool {
    let n = y.count
    guard m > 1, n > 2 * m else { return false }
    let mean = y.reduce(0, +) / Double(n)
    let centred = y.map { $0 - mean }
    let denominator = centred.reduce(0) { $0 + $1 * $1 }
    guard denominator > 0 else { return false }
    func autocorrelation(_ lag: Int) -> Double {
        var sum = 0.0
        for t in lag..<n { sum += centred[t] * centred[t - lag] }
        return sum / denominator
    }
    var sumSquares = 0.0
    for lag in 1..<m { sumSquares += autocorrelation(lag) * autocorrelation(lag) }
    let limit = 1.645 * ((1 + 2 * sumSquares) / Double(n)).squareRoot()
    return abs(autocorrelation(m)) > limit
}
