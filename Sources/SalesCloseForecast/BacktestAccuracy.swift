/// Accuracy of rolling-origin forecasts, pooled over all origins and horizons.
///
/// A metric is `nil` when it is undefined for the data (e.g. WAPE when every actual is zero).
public struct BacktestAccuracy: Sendable, Equatable {
    /// Σ|forecast − actual| ÷ Σ|actual|, as a fraction.
    public var wape: Double?
    /// Mean of 2|forecast − actual| ÷ (|forecast| + |actual|), as a fraction between 0 and 2;
    /// a point where both are zero counts as 0.
    public var smape: Double?
    /// Mean |forecast − actual| ÷ in-sample mean |y(t) − y(t − m)| of the training part (seasonal
    /// naive scale; lag 1 when the training part is shorter than a season).
    public var mase: Double?
    /// mean(forecast − actual) ÷ mean(actual): positive means over-forecast.
    public var bias: Double?

    public init(wape: Double?, smape: Double?, mase: Double?, bias: Double?) {
        self.wape = wape
        self.smape = smape
        self.mase = mase
        self.bias = bias
    }
}
