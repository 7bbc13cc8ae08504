/// Damped-trend exponential smoothing, ETS(A,Ad,N), of the seasonally adjusted series, with the
/// season put back afterwards (the "Damped" benchmark of the M4 competition).
public struct DampedTrendModel: ForecastModel {
    public let name = "DampedTrend"
    public let seasonLength: Int
    public private(set) var fittedValues: [Double] = []
    private var adjustment: SeasonalAdjustment?
    private var smoothing = ETSModel(seasonLength: 1, specification: ETSSpecification(error: .additive, trend: .damped, season: .none))
    private var seriesLength = 0

    public init(seasonLength: Int) {
        self.seasonLength = seasonLength
    }

    public mutating func fit(_ series: [Double]) throws(ForecastError) {
        let adjustment = SeasonalAdjustment(series, seasonLength: seasonLength)
        try smoothing.fit(adjustment.adjusted(series))
        fittedValues = adjustment.reseasonalized(fitted: smoothing.fittedValues)
        seriesLength = series.count
        self.adjustment = adjustment
    }

    public func predict(horizon: Int, levels: [Double]) -> ModelForecast {
        guard let adjustment else { preconditionFailure("DampedTrendModel.predict called before a successful fit") }
        return adjustment.reseasonalized(smoothing.predict(horizon: horizon, levels: levels), seriesLength: seriesLength)
    }
}
