/// The mean, step by step, of automatic ETS and Theta (equal weights, the combination idea of the
/// M3/M4 competitions). Two members of different classes: a damped-trend member on the seasonally
/// adjusted series (the M4 "Comb" third member) duplicates the damped forms ETS already chooses
/// among and, with a season fixed over the whole history, lost accuracy on M3 and Tourism
/// (benchmarks/forecast/README.md). Bounds are the means of the members' bounds, so they nest and
/// contain the mean whenever the members' do.
public struct CombinationModel: ForecastModel {
    public let name = "Combination"
    public let seasonLength: Int
    public private(set) var ets: ETSModel
    public private(set) var theta: ThetaModel

    /// `etsSpecification` fixes the ETS member's form (as in a backtest of an already chosen form).
    public init(seasonLength: Int, etsSpecification: ETSSpecification? = nil) {
        self.seasonLength = seasonLength
        ets = ETSModel(seasonLength: seasonLength, specification: etsSpecification)
        theta = ThetaModel(seasonLength: seasonLength)
    }

    public var fittedValues: [Double] {
        Self.average(ets.fittedValues, theta.fittedValues)
    }

    public mutating func fit(_ series: [Double]) throws(ForecastError) {
        try ets.fit(series)
        try theta.fit(series)
    }

    public func predict(horizon: Int, levels: [Double]) -> ModelForecast {
        Self.combine(ets.predict(horizon: horizon, levels: levels), theta.predict(horizon: horizon, levels: levels))
    }

    /// Step-by-step mean of two forecasts' means and bounds, each clamped at zero first: sales
    /// are never negative, so a member's negative value would only drag the other one down.
    static func combine(_ first: ModelForecast, _ second: ModelForecast) -> ModelForecast {
        let (a, b) = (first.clampedAtZero(), second.clampedAtZero())
        var lower: [Double: [Double]] = [:]
        var upper: [Double: [Double]] = [:]
        for level in a.lower.keys {
            lower[level] = average(a.lower[level]!, b.lower[level]!)
            upper[level] = average(a.upper[level]!, b.upper[level]!)
        }
        return ModelForecast(mean: average(a.mean, b.mean), lower: lower, upper: upper)
    }

    static func average(_ a: [Double], _ b: [Double]) -> [Double] {
        guard a.count == b.count else { return [] }
        return a.indices.map { (a[$0] + b[$0]) / 2 }
    }
}
