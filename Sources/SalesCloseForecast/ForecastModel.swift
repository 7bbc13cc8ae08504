/// The surface every forecasting model shares: fit to a series, then predict any horizon with
/// prediction intervals, and expose the in-sample one-step-ahead fitted values.
///
/// Fitting again replaces everything learnt from an earlier series. `predict` and
/// `fittedValues` require a successful `fit` first.
public protocol ForecastModel: Sendable {
    /// Name reported in `SeriesForecast.model`; may depend on the fitted form (e.g. "ETS(M,Ad,M)").
    var name: String { get }
    /// One-step-ahead in-sample forecasts, one per observation of the fitted series.
    var fittedValues: [Double] { get }
    mutating func fit(_ series: [Double]) throws(ForecastError)
    /// Point forecasts and bounds for `levels` (percent), before clamping at zero.
    func predict(horizon: Int, levels: [Double]) -> ModelForecast
}

extension ForecastModel {
    /// Fits a copy of the model to `series` and predicts: the one-shot use.
    public func forecast(_ series: [Double], horizon: Int, levels: [Double]) throws(ForecastError) -> ModelForecast {
        var model = self
        try model.fit(series)
        return model.predict(horizon: horizon, levels: levels)
    }
}

/// Why a model could not be fitted; `autoForecast` then falls back to a simpler model.
public enum ForecastError: Error, Equatable, Sendable {
    case seriesTooShort(required: Int, actual: Int)
    /// Multiplicative models need strictly positive data.
    case nonPositiveValues
    /// No admissible parameters were found.
    case estimationFailed
}
