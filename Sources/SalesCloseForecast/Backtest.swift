/// Rolling-origin evaluation: `origins` training prefixes ending `horizon` months apart, each
/// followed by a test window of `horizon` months, the last window ending with the series. Test
/// windows do not overlap, so every month is scored at most once.
struct RollingOrigin: Sendable {
    struct Window: Sendable {
        var training: [Double]
        var actual: [Double]
    }

    let windows: [Window]

    /// Origins that would leave fewer than `minimumTraining` months of training are dropped.
    init(_ series: [Double], origins: Int, horizon: Int, minimumTraining: Int) {
        guard horizon > 0, origins > 0 else {
            windows = []
            return
        }
        windows = (1...origins).reversed().compactMap { back in
            let end = series.count - back * horizon
            guard end >= max(minimumTraining, 1) else { return nil }
            return Window(training: Array(series[..<end]), actual: Array(series[end..<(end + horizon)]))
        }
    }
}

/// Rolling-origin backtest of `model` on `series` (see `RollingOrigin`): the model is fitted
/// anew at each origin; forecasts are clamped at zero before scoring. `nil` when no origin could
/// be fitted.
public func backtest(
    _ series: [Double], model: some ForecastModel, origins: Int, horizon: Int, seasonLength: Int
) -> BacktestAccuracy? {
    var accumulator = AccuracyAccumulator()
    for window in RollingOrigin(series, origins: origins, horizon: horizon, minimumTraining: 1).windows {
        guard let forecast = try? model.forecast(window.training, horizon: horizon, levels: []) else { continue }
        accumulator.add(forecast: forecast.clampedAtZero().mean, actual: window.actual,
                        scale: AccuracyAccumulator.maseScale(window.training, seasonLength: seasonLength))
    }
    return accumulator.accuracy
}
