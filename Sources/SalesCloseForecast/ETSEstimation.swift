import Foundation

/// A fitted ETS model: estimated parameters, states and information criterion.
public struct ETSFit: Sendable {
    public var specification: ETSSpecification
    public var parameters: ETSParameters
    public var initialStates: ETSStates
    public var finalStates: ETSStates
    public var seriesLength: Int
    /// One-step forecasts for every observation.
    public var fitted: [Double]
    /// Variance of the one-step errors (relative errors for multiplicative error), Σε²/(n − k).
    public var sigma2: Double
    /// −2·log-likelihood up to a constant (R's `ets()$lik` convention).
    public var likelihood: Double
    /// Corrected Akaike information criterion with k + 1 parameters (k estimated plus σ²).
    public var aicc: Double
}

/// Maximum-likelihood estimation of one ETS form, as in R's `ets()`: initial states from a
/// classical decomposition of the first three seasons and a regression on the first ten (or
/// two seasons of) adjusted values; then Nelder–Mead over the smoothing parameters, φ, and the
/// initial level and trend. The initial seasonal states stay at their decomposition values, which
/// keeps the search at six dimensions at most; they still count as estimated in AICc.
/// (Estimating them too did not improve accuracy on M3 and cost 4–5× the CPU; see
/// benchmarks/forecast/README.md.)
enum ETSEstimation {
    static let lowerBound = 1e-4
    static let upperBound = 0.9999
    /// The search stops when its simplex spans less than this in −2·log-likelihood: negligible
    /// against AICc's penalty of 2 per parameter, whatever the scale of the series (the relative
    /// tolerance alone asked for 10⁻⁴ on a likelihood of 1,000). It took 35–40 % fewer likelihood
    /// evaluations on M3 and Tourism at the same accuracy (benchmarks/forecast/README.md).
    static let likelihoodTolerance = 0.01

    static func fit(_ y: [Double], _ spec: ETSSpecification, seasonLength: Int) -> ETSFit? {
        let n = y.count
        let m = spec.hasSeason ? seasonLength : 1
        if spec.hasSeason && (m < 2 || n < 2 * m) { return nil }
        if spec.isMultiplicative && y.contains(where: { $0 <= 0 }) { return nil }
        let estimatedCount = 1 + (spec.hasTrend ? 1 : 0) + (spec.hasSeason ? 1 : 0) + (spec.trend == .damped ? 1 : 0)
        let stateCount = 1 + (spec.hasTrend ? 1 : 0) + (spec.hasSeason ? m - 1 : 0)
        let k = estimatedCount + stateCount
        guard n - k - 2 > 0 else { return nil }
        guard let start = initialStates(y, spec, seasonLength: m) else { return nil }

        let scale = 0.1 * max(y.reduce(0) { $0 + abs($1) } / Double(n), 1e-8)
        let layout = Layout(spec: spec, scale: scale, start: start)
        // Seasonal states for each evaluation to update, as memory the objective only points to (a
        // captured array would be checked for exclusive access at every evaluation).
        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: start.seasonal.count)
        defer { scratch.deallocate() }
        let objective: ([Double]) -> Double = { x in
            let (parameters, level, trend) = layout.decode(x)
            for p in 0..<scratch.count { scratch[p] = start.seasonal[p] }
            return y.withUnsafeBufferPointer { series in
                ETSKernel.etscalc(series, spec, parameters, level: level, trend: trend, seasonal: scratch, fitted: nil).likelihood
            }
        }
        let optimum = NelderMead(maxEvaluations: 100 * layout.dimension, absoluteTolerance: likelihoodTolerance).minimize(
            start: layout.initialPoint(seasonLength: m), step: layout.initialStep, objective: objective)
        guard optimum.value.isFinite else { return nil }

        let (parameters, level, trend) = layout.decode(optimum.point)
        var seasonal = start.seasonal
        var fitted = [Double](repeating: 0, count: n)
        let pass = y.withUnsafeBufferPointer { series in
            seasonal.withUnsafeMutableBufferPointer { seasonalBuffer in
                fitted.withUnsafeMutableBufferPointer { fittedBuffer in
                    ETSKernel.etscalc(series, spec, parameters, level: level, trend: trend,
                                      seasonal: seasonalBuffer, fitted: fittedBuffer)
                }
            }
        }
        guard pass.likelihood.isFinite else { return nil }
        let parameterCount = Double(k + 1)
        let aic = pass.likelihood + 2 * parameterCount
        let aicc = aic + 2 * parameterCount * (parameterCount + 1) / (Double(n) - parameterCount - 1)
        return ETSFit(
            specification: spec,
            parameters: parameters,
            initialStates: ETSStates(level: level, trend: trend, seasonal: start.seasonal),
            finalStates: ETSStates(level: pass.level, trend: pass.trend, seasonal: seasonal),
            seriesLength: n,
            fitted: fitted,
            sigma2: pass.sumSquaredErrors / Double(n - k),
            likelihood: pass.likelihood,
            aicc: aicc
        )
    }

    /// Heuristic initial states (R's `initstate`).
    static func initialStates(_ y: [Double], _ spec: ETSSpecification, seasonLength m: Int) -> ETSStates? {
        var adjusted = y
        var seasonal: [Double] = []
        if spec.hasSeason {
            let kind: ClassicalDecomposition.Kind = spec.season == .additive ? .additive : .multiplicative
            guard let decomposition = ClassicalDecomposition(Array(y.prefix(3 * m)), seasonLength: m, kind: kind)
            else { return nil }
            seasonal = decomposition.indices
            if kind == .multiplicative {
                seasonal = seasonal.map { max($0, 1e-2) }
                let mean = seasonal.reduce(0, +) / Double(m)
                seasonal = seasonal.map { $0 / mean }
            }
            let final = ClassicalDecomposition(indices: seasonal, kind: kind)
            adjusted = final.adjusted(y)
        }
        let count = min(max(10, spec.hasSeason ? 2 * m : 1), y.count)
        let head = adjusted.prefix(count)
        guard spec.hasTrend else {
            return ETSStates(level: head.reduce(0, +) / Double(count), seasonal: seasonal)
        }
        // Least squares line through (1, y1) … (count, y_count); the level is its value at 0.
        let meanT = Double(count + 1) / 2
        let meanY = head.reduce(0, +) / Double(count)
        var covariance = 0.0, variance = 0.0
        for (offset, value) in head.enumerated() {
            let dt = Double(offset + 1) - meanT
            covariance += dt * (value - meanY)
            variance += dt * dt
        }
        let slope = variance > 0 ? covariance / variance : 0
        var level = meanY - slope * meanT
        var trend = slope
        if abs(level + trend) < 1e-8 {
            level *= 1 + 1e-3
            trend *= 1 - 1e-3
        }
        return ETSStates(level: level, trend: trend, seasonal: seasonal)
    }

    /// Maps the unconstrained search vector to admissible parameters and initial states:
    /// α ∈ (10⁻⁴, 0.9999), β ∈ (10⁻⁴, α), γ ∈ (10⁻⁴, 1 − α), φ ∈ (0.8, 0.98) through logistic
    /// functions (R's "usual" region), level and trend as offsets from their heuristic values.
    struct Layout {
        let spec: ETSSpecification
        let scale: Double
        let start: ETSStates

        var dimension: Int {
            2 + (spec.hasTrend ? 2 : 0) + (spec.hasSeason ? 1 : 0) + (spec.trend == .damped ? 1 : 0)
        }

        func initialPoint(seasonLength m: Int) -> [Double] {
            // R's starting values: α = 0.2/m of its range, β at 10 % of α, γ at 5 % of 1 − α, φ at 99 % of its range.
            var point = [logit(0.2 / Double(m))]
            if spec.hasTrend { point.append(logit(0.1)) }
            if spec.hasSeason { point.append(logit(0.05)) }
            if spec.trend == .damped { point.append(logit(0.99)) }
            point.append(0)
            if spec.hasTrend { point.append(0) }
            return point
        }

        var initialStep: [Double] {
            var step = [1.0]
            if spec.hasTrend { step.append(1) }
            if spec.hasSeason { step.append(1) }
            if spec.trend == .damped { step.append(-2) }
            step.append(1)
            if spec.hasTrend { step.append(1) }
            return step
        }

        func decode(_ x: [Double]) -> (ETSParameters, level: Double, trend: Double) {
            let low = ETSEstimation.lowerBound
            var index = 0
            func next() -> Double { defer { index += 1 }; return x[index] }
            let alpha = low + (ETSEstimation.upperBound - low) * logistic(next())
            let beta = spec.hasTrend ? low + (alpha - low) * logistic(next()) : 0
            let gamma = spec.hasSeason ? low + max(1 - alpha - low, 0) * logistic(next()) : 0
            let phi = spec.trend == .damped ? 0.8 + 0.18 * logistic(next()) : 1
            let level = start.level + scale * next()
            let trend = spec.hasTrend ? start.trend + 0.1 * scale * next() : 0
            return (ETSParameters(alpha: alpha, beta: beta, gamma: gamma, phi: phi), level, trend)
        }
    }

    static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
    static func logit(_ p: Double) -> Double { log(p / (1 - p)) }
}
