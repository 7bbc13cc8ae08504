/// Random walk: every future month equals the last observed one. Variance grows linearly with
/// the step, σ² = mean squared first difference.
public struct NaiveModel: ForecastModel {
    public let name = "Naive"
    public private(set) var fittedValues: [Double] = []
    private var lastValue = 0.0
    private var residualVariance = 0.0

    public init() {}

    public mutating func fit(_ series: [Double]) throws(ForecastError) {
        guard let last = series.last else { throw .seriesTooShort(required: 1, actual: 0) }
        lastValue = last
        fittedValues = [series[0]] + series.dropLast()
        let squaredSteps = zip(series.dropFirst(), series).map { ($0 - $1) * ($0 - $1) }
        residualVariance = squaredSteps.isEmpty ? 0 : squaredSteps.reduce(0, +) / Double(squaredSteps.count)
    }

    public func predict(horizon: Int, levels: [Double]) -> ModelForecast {
        let sd = (0..<horizon).map { (residualVariance * Double($0 + 1)).squareRoot() }
        return Intervals.normal(mean: Array(repeating: lastValue, count: horizon), standardDeviations: sd, levels: levels)
    }
}
