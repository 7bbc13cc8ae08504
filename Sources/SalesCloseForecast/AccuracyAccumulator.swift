/// Sums from which WAPE, sMAPE, MASE and bias follow; forecasts from several origins (or series)
/// are added up, so accumulators merge.
public struct AccuracyAccumulator: Sendable {
    /// Number of points added.
    public private(set) var count = 0
    private var absoluteErrors = 0.0
    private var absoluteActuals = 0.0
    private var symmetricTerms = 0.0
    private var scaledErrors = 0.0
    private var scaledCount = 0
    private var forecastSum = 0.0
    private var actualSum = 0.0

    public init() {}

    /// Adds one forecast path; `scale` is the in-sample MASE denominator of its training part
    /// (a non-positive scale leaves MASE undefined for these points).
    public mutating func add(forecast: [Double], actual: [Double], scale: Double) {
        for (f, a) in zip(forecast, actual) {
            let error = abs(f - a)
            count += 1
            absoluteErrors += error
            absoluteActuals += abs(a)
            let denominator = abs(f) + abs(a)
            symmetricTerms += denominator > 0 ? 2 * error / denominator : 0
            if scale > 0 {
                scaledErrors += error / scale
                scaledCount += 1
            }
            forecastSum += f
            actualSum += a
        }
    }

    /// Mean absolute error, the criterion for comparing models on one series.
    public var meanAbsoluteError: Double? { count > 0 ? absoluteErrors / Double(count) : nil }

    public var accuracy: BacktestAccuracy? {
        guard count > 0 else { return nil }
        return BacktestAccuracy(
            wape: absoluteActuals > 0 ? absoluteErrors / absoluteActuals : nil,
            smape: symmetricTerms / Double(count),
            mase: scaledCount > 0 ? scaledErrors / Double(scaledCount) : nil,
            bias: actualSum != 0 ? (forecastSum - actualSum) / actualSum : nil
        )
    }

    /// Mean seasonal-naive in-sample absolute error: Σ|y(t) − y(t − m)| / (n − m), with lag 1
    /// when the series is not longer than a season.
    public static func maseScale(_ training: [Double], seasonLength: Int) -> Double {
        let lag = training.count > seasonLength ? seasonLength : 1
        guard training.count > lag else { return 0 }
        var sum = 0.0
        for t in lag..<training.count { sum += abs(training[t] - training[t - lag]) }
        return sum / Double(training.count - lag)
    }
}
