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
    /// Models are fitted to at most this many of the most recent months (twelve years). Older
    /// months carry almost no weight in an exponential-smoothing forecast, but they still pull
    /// the parameter estimates and the initial season towards how the business behaved then;
    /// the limit also bounds the cost of a series. On Tourism (series of up to 26 years) the last
    /// twelve years gave MASE 1.431 against 1.500 with the whole history, at 60 % of the CPU
    /// (benchmarks/forecast/README.md).
    public var maximumHistory: Int = 144

    public init(
        horizon: Int = 12,
        seasonLength: Int = 12,
        levels: [Double] = [80, 95],
        backtestOrigins: Int = 3,
        backtestHorizon: Int = 3,
        maximumHistory: Int = 144
    ) {
        self.horizon = horizon
        self.seasonLength = seasonLength
        self.levels = levels
        self.backtestOrigins = backtestOrigins
        self.backtestHorizon = backtestHorizon
        self.maximumHistory = maximumHistory
    }
}
