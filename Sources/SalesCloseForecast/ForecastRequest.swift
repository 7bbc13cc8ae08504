/// What `autoForecast` should produce for one monthly series.
public struct ForecastRequest: Sendable {
    /// Number of months to forecast.
    public var horizon: Int = 12
    /// Months per seasonal cycle.
    public var seasonLength: Int = 12
    /// Prediction-interval coverages in percent, e.g. `[80, 95]`.
    public var levels: [Double] = [80, 95]
    /// Number of rolling origins in the backtest.
    public var backtestOrigins: Int = 3
    /// Months forecast from each backtest origin.
    public var backtestHorizon: Int = 3

    public init(
        horizon: Int = 12,
        seasonLength: Int = 12,
        levels: [Double] = [80, 95],
        backtestOrigins: Int = 3,
        backtestHorizon: Int = 3
    ) {
        self.horizon = horizon
        self.seasonLength = seasonLength
        self.levels = levels
        self.backtestOrigins = backtestOrigins
        self.backtestHorizon = backtestHorizon
    }
}
