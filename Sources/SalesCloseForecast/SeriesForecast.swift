/// The forecast of one series: point forecasts, prediction intervals keyed by level (percent),
/// the model that produced them and, where the series was long enough, its backtest accuracy.
/// All values are non-negative.
public struct SeriesForecast: Sendable {
    public var mean: [Double]
    public var lower: [Double: [Double]]
    public var upper: [Double: [Double]]
    /// e.g. "ETS(A,Ad,M)", "Theta", "DampedTrend", "Combination", "SeasonalNaive", "Naive",
    /// "Croston", "SBA", "TSB".
    public var model: String
    public var backtest: BacktestAccuracy?

    public init(
        mean: [Double],
        lower: [Double: [Double]],
        upper: [Double: [Double]],
        model: String,
        backtest: BacktestAccuracy? = nil
    ) {
        self.mean = mean
        self.lower = lower
        self.upper = upper
        self.model = model
        self.backtest = backtest
    }
}
