/// Each future month equals the same month one season earlier. The variance of the k-th season
/// ahead is k·σ², σ² = mean squared seasonal difference.
public struct SeasonalNaiveModel: ForecastModel {
    public let name = "SeasonalNaive"
    public let seasonLength: Int
    public private(set) var fittedValues: [Double] = []
    private var lastSeason: [Double] = []
    private var residualVariance = 0.0

    public init(seasonLength: Int) {
        self.seasonLength = max(seasonLength, 1)
    }

    public mutating func fit(_ series: [Double]) throws(ForecastError) {
        let m = seasonLength
        guard series.count > m else { throw .seriesTooShort(required: m + 1, actual: series.count) }
        lastSeason = Array(series.suffix(m))
        fittedValues = Array(series.prefix(m)) + series.dropLast(m)
        let squaredDifferences = (m..<series.count).map { (series[$0] - series[$0 - m]) * (series[$0] - series[$0 - m]) }
        residualVariance = squaredDifferences.reduce(0, +) / Double(squaredDifferences.count)
    }

    public func predict(horizon: Int, levels: [Double]) -> ModelForecast {
        let m = seasonLength
        let mean = (0..<horizon).map { lastSeason[$0 % m] }
        let sd = (0..<horizon).map { (residualVariance * Double($0 / m + 1)).squareRoot() }
        return Intervals.normal(mean: mean, standardDeviations: sd, levels: levels)
    }
}
