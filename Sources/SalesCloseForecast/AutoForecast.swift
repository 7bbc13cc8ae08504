/// Forecasts one monthly sales series with an automatically chosen model.
///
/// - No demand at all: zeros (naive).
/// - Intermittent demand (ADI ≥ 1.32): Croston when sizes are steady, SBA when they are lumpy
///   (CV² ≥ 0.49), TSB when demand has been absent for more than twice the usual interval
///   (obsolescence, where only TSB lets the forecast decay).
/// - Otherwise: ETS chosen by AICc, Theta, their mean combination and seasonal naive are
///   backtested by rolling origin; the combination is kept unless another candidate's
///   backtest error is less than a fifth of its own (e.g. seasonal naive on an exactly repeating
///   season). Series shorter than two seasons get non-seasonal forms only; series too short
///   for any of these (fewer than five months) get the naive forecast.
/// - A model that cannot be fitted falls back to the next simpler one, ending with naive.
///
/// Only the last `request.maximumHistory` months are used. Forecasts and bounds are clamped at zero.
public func autoForecast(_ series: [Double], request: ForecastRequest) -> SeriesForecast {
    let y = series.suffix(max(request.maximumHistory, 1)).map { $0.isFinite ? $0 : 0 }
    let m = max(request.seasonLength, 1)
    guard let classification = DemandClassification(y) else {
        return AutomaticChoice.noDemand(y, request: request)
    }
    if classification.isIntermittent {
        let model = AutomaticChoice.intermittentModel(y, classification)
        if let fitted = try? AutomaticChoice.fitted(model, y) {
            let accuracy = backtest(y, model: model, origins: request.backtestOrigins,
                                    horizon: request.backtestHorizon, seasonLength: m)
            return AutomaticChoice.result(fitted, y, request: request, backtest: accuracy)
        }
    }
    var combination = CombinationModel(seasonLength: m)
    if (try? combination.fit(y)) != nil {
        return AutomaticChoice.bestContinuous(combination, series: y, request: request)
    }
    return AutomaticChoice.fallback(y, request: request)
}

/// The steps of `autoForecast`.
enum AutomaticChoice {
    /// How much lower (relative) another candidate's backtest error must be to replace the
    /// combination. A few backtest months are a noisy guide: on the M3 monthly series any margin
    /// below about 0.8 lost accuracy against always combining (benchmarks/forecast/README.md).
    static let switchMargin = 0.8

    enum Candidate: CaseIterable { case combination, ets, theta, seasonalNaive }

    static func intermittentModel(_ y: [Double], _ classification: DemandClassification) -> CrostonModel {
        let trailingZeros = y.reversed().prefix { $0 <= 0 }.count
        if Double(trailingZeros) > 2 * classification.adi { return CrostonModel(variant: .tsb) }
        return CrostonModel(variant: classification.pattern == .lumpy ? .sba : .classic)
    }

    static func bestContinuous(
        _ combination: CombinationModel, series y: [Double], request: ForecastRequest
    ) -> SeriesForecast {
        let m = max(request.seasonLength, 1)
        let scores = backtestCandidates(y, etsSpecification: combination.ets.estimate?.specification, request: request)
        var chosen = Candidate.combination
        if let reference = scores[.combination]?.meanAbsoluteError {
            var best = reference * (1 - switchMargin)
            for candidate in Candidate.allCases where candidate != .combination {
                if let error = scores[candidate]?.meanAbsoluteError, error < best {
                    best = error
                    chosen = candidate
                }
            }
        }
        let accuracy = scores[chosen]?.accuracy
        switch chosen {
        case .combination: return result(combination, y, request: request, backtest: accuracy)
        case .ets: return result(combination.ets, y, request: request, backtest: accuracy)
        case .theta: return result(combination.theta, y, request: request, backtest: accuracy)
        case .seasonalNaive:
            guard let naive = try? fitted(SeasonalNaiveModel(seasonLength: m), y) else {
                return result(combination, y, request: request, backtest: scores[.combination]?.accuracy)
            }
            return result(naive, y, request: request, backtest: accuracy)
        }
    }

    /// Rolling-origin errors of every candidate. The ETS member keeps the form chosen on the
    /// whole series and only re-estimates its parameters at each origin.
    static func backtestCandidates(
        _ y: [Double], etsSpecification: ETSSpecification?, request: ForecastRequest
    ) -> [Candidate: AccuracyAccumulator] {
        let m = max(request.seasonLength, 1)
        let h = request.backtestHorizon
        var scores: [Candidate: AccuracyAccumulator] = [:]
        let minimumTraining = etsSpecification?.hasSeason == true ? 2 * m : 5
        for window in RollingOrigin(y, origins: request.backtestOrigins, horizon: h, minimumTraining: minimumTraining).windows {
            let scale = AccuracyAccumulator.maseScale(window.training, seasonLength: m)
            var combination = CombinationModel(seasonLength: m, etsSpecification: etsSpecification)
            if (try? combination.fit(window.training)) != nil {
                let ets = combination.ets.predict(horizon: h, levels: [])
                let theta = combination.theta.predict(horizon: h, levels: [])
                let combined = CombinationModel.combine(ets, theta)
                for (candidate, forecast) in zip([Candidate.ets, .theta, .combination], [ets, theta, combined]) {
                    scores[candidate, default: AccuracyAccumulator()]
                        .add(forecast: forecast.clampedAtZero().mean, actual: window.actual, scale: scale)
                }
            }
            if let naive = try? SeasonalNaiveModel(seasonLength: m).forecast(window.training, horizon: h, levels: []) {
                scores[.seasonalNaive, default: AccuracyAccumulator()]
                    .add(forecast: naive.clampedAtZero().mean, actual: window.actual, scale: scale)
            }
        }
        return scores
    }

    /// No sale in the series: the naive forecast (zeros once clamped); zeros for an empty series.
    static func noDemand(_ y: [Double], request: ForecastRequest) -> SeriesForecast {
        if let naive = try? fitted(NaiveModel(), y) { return result(naive, y, request: request, backtest: nil) }
        let zeros = [Double](repeating: 0, count: max(request.horizon, 0))
        let bounds = Dictionary(request.levels.map { ($0, zeros) }, uniquingKeysWith: { first, _ in first })
        return SeriesForecast(mean: zeros, lower: bounds, upper: bounds, model: "Naive")
    }

    /// When the combination cannot be fitted to a series with sales: ETS alone, then seasonal
    /// naive, then naive (which fits any non-empty series).
    static func fallback(_ y: [Double], request: ForecastRequest) -> SeriesForecast {
        let m = max(request.seasonLength, 1)
        let chain: [any ForecastModel] = [ETSModel(seasonLength: m), SeasonalNaiveModel(seasonLength: m), NaiveModel()]
        for model in chain {
            if let fittedModel = try? fitted(model, y) {
                let accuracy = backtest(y, model: model, origins: request.backtestOrigins,
                                        horizon: request.backtestHorizon, seasonLength: m)
                return result(fittedModel, y, request: request, backtest: accuracy)
            }
        }
        preconditionFailure("the naive model fits any series with a sale")
    }

    static func fitted<Model: ForecastModel>(_ model: Model, _ y: [Double]) throws(ForecastError) -> Model {
        var copy = model
        try copy.fit(y)
        return copy
    }

    /// Predicts with a model fitted to `y` and clamps at zero; keeps its in-sample errors.
    static func result(
        _ model: some ForecastModel, _ y: [Double], request: ForecastRequest, backtest: BacktestAccuracy?
    ) -> SeriesForecast {
        let forecast = model.predict(horizon: max(request.horizon, 0), levels: request.levels).clampedAtZero()
        let fitted = model.fittedValues
        let residuals = fitted.count == y.count ? zip(y, fitted).map { $0.isFinite && $1.isFinite ? $0 - $1 : 0 } : []
        return SeriesForecast(mean: forecast.mean, lower: forecast.lower, upper: forecast.upper,
                              model: model.name, backtest: backtest, residuals: residuals)
    }
}
