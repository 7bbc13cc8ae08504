import Foundation

/// Smoothing parameters in the error-correction form of R's `forecast::ets`:
/// level += α·ε, trend += β·ε, season += γ·ε (scaled per model), trend damped by φ.
public struct ETSParameters: Sendable, Equatable {
    public var alpha: Double
    public var beta: Double
    public var gamma: Double
    public var phi: Double

    public init(alpha: Double, beta: Double = 0, gamma: Double = 0, phi: Double = 1) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.phi = phi
    }
}

/// Level, trend and seasonal states. `seasonal[p]` is the factor (or offset) of the months whose
/// position since the series start is p modulo the season length; it is empty without a season.
public struct ETSStates: Sendable, Equatable {
    public var level: Double
    public var trend: Double
    public var seasonal: [Double]

    public init(level: Double, trend: Double = 0, seasonal: [Double] = []) {
        self.level = level
        self.trend = trend
        self.seasonal = seasonal
    }
}

/// The ETS recursions, forecast means and analytic forecast variances. The names follow R's
/// `forecast` package (`etscalc`, `etsforecast`, `class1`/`class2`/`class3` variances).
enum ETSKernel {
    struct Pass {
        /// n·log(Σε²) + 2·Σlog|ŷ| (the second term for multiplicative error only): −2·log-likelihood
        /// up to a constant, as in R's `etscalc`. `.infinity` when the path is inadmissible.
        var likelihood: Double
        /// Σε², with ε relative to the one-step forecast for multiplicative error.
        var sumSquaredErrors: Double
        var level: Double
        var trend: Double
    }

    /// Runs the recursions over `y` from the states `level`, `trend` and `seasonal` (updated in
    /// place to the final seasonal states). Writes one-step forecasts into `fitted` when given.
    /// Allocation-free: this is the inner loop of parameter estimation.
    ///
    /// The form is dispatched once here, so each of the loops below is compiled for one form with
    /// its choices made (the same operations in the same order as a general loop: the results do
    /// not change, but the loop keeps its states in registers and branches only on the data).
    static func etscalc(
        _ y: UnsafeBufferPointer<Double>,
        _ spec: ETSSpecification,
        _ parameters: ETSParameters,
        level: Double,
        trend: Double,
        seasonal: UnsafeMutableBufferPointer<Double>,
        fitted: UnsafeMutableBufferPointer<Double>?
    ) -> Pass {
        @inline(__always) func form(_ season: ETSSpecification.SeasonType) -> Pass {
            switch (spec.error, spec.trend) {
            case (.additive, .none): recursions(y, .init(error: .additive, trend: .none, season: season), parameters, level, trend, seasonal, fitted)
            case (.additive, .additive): recursions(y, .init(error: .additive, trend: .additive, season: season), parameters, level, trend, seasonal, fitted)
            case (.additive, .damped): recursions(y, .init(error: .additive, trend: .damped, season: season), parameters, level, trend, seasonal, fitted)
            case (.multiplicative, .none): recursions(y, .init(error: .multiplicative, trend: .none, season: season), parameters, level, trend, seasonal, fitted)
            case (.multiplicative, .additive): recursions(y, .init(error: .multiplicative, trend: .additive, season: season), parameters, level, trend, seasonal, fitted)
            case (.multiplicative, .damped): recursions(y, .init(error: .multiplicative, trend: .damped, season: season), parameters, level, trend, seasonal, fitted)
            }
        }
        switch spec.season {
        case .none: return form(.none)
        case .additive: return form(.additive)
        case .multiplicative: return form(.multiplicative)
        }
    }

    @inline(__always)
    private static func recursions(
        _ y: UnsafeBufferPointer<Double>,
        _ spec: ETSSpecification,
        _ parameters: ETSParameters,
        _ initialLevel: Double,
        _ initialTrend: Double,
        _ seasonal: UnsafeMutableBufferPointer<Double>,
        _ fitted: UnsafeMutableBufferPointer<Double>?
    ) -> Pass {
        let alpha = parameters.alpha
        let betaOverAlpha = parameters.beta / parameters.alpha
        let gamma = parameters.gamma
        let phi = spec.trend == .damped ? parameters.phi : 1
        let multiplicativeError = spec.error == .multiplicative
        let m = seasonal.count
        var level = initialLevel
        var trend = spec.hasTrend ? initialTrend : 0
        var sumSquaredErrors = 0.0
        // Σ log ŷ for multiplicative error, kept as a running product folded into the sum only
        // when it leaves [10⁻¹⁰⁰, 10¹⁰⁰]: one log per many steps instead of one per step (the
        // logarithm was over a third of the estimation's time).
        var sumLogForecast = 0.0
        var forecastProduct = 1.0
        var position = 0
        for t in 0..<y.count {
            let dampedTrend = phi * trend
            let q = level + dampedTrend
            let oldSeason: Double
            let forecast: Double
            switch spec.season {
            case .none: oldSeason = 0; forecast = q
            case .additive: oldSeason = seasonal[position]; forecast = q + oldSeason
            case .multiplicative:
                oldSeason = seasonal[position]
                if q <= 0 || oldSeason <= 0 { return inadmissible }
                forecast = q * oldSeason
            }
            fitted?[t] = forecast
            let observed = y[t]
            if multiplicativeError {
                if forecast <= 1e-10 { return inadmissible }
                let error = (observed - forecast) / forecast
                sumSquaredErrors += error * error
                forecastProduct *= forecast
                if forecastProduct > 1e100 || forecastProduct < 1e-100 {
                    sumLogForecast += log(forecastProduct)
                    forecastProduct = 1
                }
            } else {
                let error = observed - forecast
                sumSquaredErrors += error * error
            }
            let adjusted: Double
            switch spec.season {
            case .none: adjusted = observed
            case .additive: adjusted = observed - oldSeason
            case .multiplicative: adjusted = observed / oldSeason
            }
            let newLevel = q + alpha * (adjusted - q)
            if spec.hasTrend {
                trend = dampedTrend + betaOverAlpha * (newLevel - level - dampedTrend)
            }
            switch spec.season {
            case .none: break
            case .additive: seasonal[position] = oldSeason + gamma * (observed - q - oldSeason)
            case .multiplicative: seasonal[position] = oldSeason + gamma * (observed / q - oldSeason)
            }
            level = newLevel
            if m > 0 {
                position += 1
                if position == m { position = 0 }
            }
        }
        if multiplicativeError { sumLogForecast += log(forecastProduct) }
        let n = Double(y.count)
        let likelihood = n * log(max(sumSquaredErrors, 1e-300)) + 2 * sumLogForecast
        guard likelihood.isFinite else { return inadmissible }
        return Pass(likelihood: likelihood, sumSquaredErrors: sumSquaredErrors, level: level, trend: trend)
    }

    private static let inadmissible = Pass(likelihood: .infinity, sumSquaredErrors: .infinity, level: .nan, trend: .nan)

    /// Point forecasts with analytic normal intervals from a fitted model.
    static func forecast(_ fit: ETSFit, horizon: Int, levels: [Double]) -> ModelForecast {
        let states = fit.finalStates
        let m = states.seasonal.count
        let mean = etsforecast(fit.specification, fit.parameters, final: states,
                               seriesLength: fit.seriesLength, horizon: horizon)
        let factors = (0..<horizon).map { step in m == 0 ? 1 : states.seasonal[(fit.seriesLength + step) % m] }
        let variance = forecastVariance(fit.specification, fit.parameters, sigma2: fit.sigma2,
                                        mean: mean, seasonalFactors: factors, seasonLength: m)
        return Intervals.normal(mean: mean, standardDeviations: variance.map { max($0, 0).squareRoot() }, levels: levels)
    }

    /// Point forecasts for steps 1…horizon from the final states of a series of length
    /// `seriesLength` (R's `etsforecast`).
    static func etsforecast(
        _ spec: ETSSpecification, _ parameters: ETSParameters, final states: ETSStates,
        seriesLength: Int, horizon: Int
    ) -> [Double] {
        let m = states.seasonal.count
        var mean = [Double](repeating: 0, count: horizon)
        var cumulativePhi = 0.0
        var phiPower = 1.0
        for step in 0..<horizon {
            switch spec.trend {
            case .none: cumulativePhi = 0
            case .additive: cumulativePhi = Double(step + 1)
            case .damped:
                phiPower *= parameters.phi
                cumulativePhi += phiPower
            }
            let q = states.level + cumulativePhi * states.trend
            switch spec.season {
            case .none: mean[step] = q
            case .additive: mean[step] = q + states.seasonal[(seriesLength + step) % m]
            case .multiplicative: mean[step] = q * states.seasonal[(seriesLength + step) % m]
            }
        }
        return mean
    }

    /// Forecast variances for steps 1…horizon (Hyndman et al. 2008, ch. 6). Additive error:
    /// exact (class 1). Multiplicative error with no or additive season: exact (class 2).
    /// Multiplicative error and season (class 3): the class-2 recursion on the seasonally
    /// adjusted mean, rescaled by the squared seasonal factor — the small-σ approximation of
    /// section 6.4 rather than R's exact class-3 expression.
    static func forecastVariance(
        _ spec: ETSSpecification, _ parameters: ETSParameters, sigma2: Double,
        mean: [Double], seasonalFactors: [Double], seasonLength m: Int
    ) -> [Double] {
        let horizon = mean.count
        // c_j = α + β·φ_j + γ·[j is a multiple of m], the weight of a past error on step j ahead.
        var c = [Double](repeating: 0, count: horizon)
        var cumulativePhi = 0.0
        var phiPower = 1.0
        for j in 1..<max(horizon, 1) {
            switch spec.trend {
            case .none: cumulativePhi = 0
            case .additive: cumulativePhi = Double(j)
            case .damped:
                phiPower *= parameters.phi
                cumulativePhi += phiPower
            }
            let seasonal = spec.hasSeason && m > 0 && j % m == 0 ? parameters.gamma : 0
            c[j] = parameters.alpha + parameters.beta * cumulativePhi + seasonal
        }
        if spec.error == .additive {
            var sum = 0.0
            return (0..<horizon).map { step in
                if step > 0 { sum += c[step] * c[step] }
                return sigma2 * (1 + sum)
            }
        }
        let base = spec.season == .multiplicative ? zip(mean, seasonalFactors).map { $0 / $1 } : mean
        var theta = [Double](repeating: 0, count: horizon)
        var variance = [Double](repeating: 0, count: horizon)
        for step in 0..<horizon {
            var carried = 0.0
            for j in stride(from: 1, through: step, by: 1) { carried += c[j] * c[j] * theta[step - j] }
            theta[step] = base[step] * base[step] + sigma2 * carried
            variance[step] = (1 + sigma2) * theta[step] - base[step] * base[step]
            if spec.season == .multiplicative { variance[step] *= seasonalFactors[step] * seasonalFactors[step] }
        }
        return variance
    }
}
