/// The mean, step by step, of automatic ETS, Theta and damped trend (equal weights, the "Comb"
/// benchmark idea of the M3/M4 competitions; on M3 monthly the mean beat the median). Bounds are
/// the means of the members' bounds, so they nest and contain the mean whenever the members' do.
public struct CombinationModel: ForecastModel {
    public let name = "Combination"
    public let seasonLength: Int
    public private(set) var ets: ETSModel
    public private(set) var theta: ThetaModel
    public private(set) var damped: DampedTrendModel

    /// `etsSpecification` fixes the ETS member's form (as in a backtest of an already chosen form).
    public init(seasonLength: Int, etsSpecification: ETSSpecification? = nil) {
        self.seasonLength = seasonLength
        ets = ETSModel(seasonLength: seasonLength, specification: etsSpecification)
        theta = ThetaModel(seasonLength: seasonLength)
        damped = DampedTrendModel(seasonLength: seasonLength)
    }

    public var fittedValues: [Double] {
        Self.average(ets.fittedValues, theta.fittedValues, damped.fittedValues)
    }

    public mutating func fit(_ series: [Double]) throws(ForecastError) {
        try ets.fit(series)
        try theta.fit(series)
        try damped.fit(series)
    }

    public func predict(horizon: Int, levels: [Double]) -> ModelForecast {
        Self.combine([
            ets.predict(horizon: horizon, levels: levels),
            theta.predict(horizon: horizon, levels: levels),
            damped.predict(horizon: horizon, levels: levels),
        ])
    }

    /// Step-by-step mean of three forecasts' means and bounds.
    static func combine(_ forecasts: [ModelForecast]) -> ModelForecast {
        let (a, b, c) = (forecasts[0], forecasts[1], forecasts[2])
        var lower: [Double: [Double]] = [:]
        var upper: [Double: [Double]] = [:]
        for level in a.lower.keys {
            lower[level] = average(a.lower[level]!, b.lower[level]!, c.lower[level]!)
            upper[level] = average(a.upper[level]!, b.upper[level]!, c.upper[level]!)
        }
        return ModelForecast(mean: average(a.mean, b.mean, c.mean), lower: lower, upper: upper)
    }

    static func average(_ a: [Double], _ b: [Double], _ c: [Double]) -> [Double] {
        a.indices.map { (a[$0] + b[$0] + c[$0]) / 3 }
    }
}
