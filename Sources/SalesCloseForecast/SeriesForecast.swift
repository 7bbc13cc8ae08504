/// The forecast of one series: point forecasts, prediction intervals keyed by level (percent),
/// the model that produced them and, where the series was long enough, its backtest accuracy.
/// All values are non-negative.
public struct SeriesForecast: Sendable {
    public var mean: [Double]
    public var lower: [Double: [Double]]
    public var upper: [Double: [Double]]
    /// e.g. "ETS(A,Ad,M)", "Theta", "Combination", "SeasonalNaive", "Naive",
    /// "Croston", "SBA", "TSB".
    public var model: String
    public var backtest: BacktestAccuracy?
    /// In-sample one-step errors (actual − fitted), one per month of the history the model was
    /// fitted to (`ForecastRequest.maximumHistory` months at most), oldest first;
    /// empty when the model has none. Reconciliation estimates the error covariance from them.
    public var residuals: [Double]

    public init(
        mean: [Double],
        lower: [Double: [Double]],
        upper: [Double: [Double]],
        model: String,
        backtest: BacktestAccuracy? = nil,
        residuals: [Double] = []
    ) {
        self.mean = mean
        self.lower = lower
        self.upper = upper
        self.model = model
        self.backtest = backtest
        self.residuals = residuals
    }
}
