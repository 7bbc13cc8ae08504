import Foundation
import Testing
@testable import SalesCloseForecast

/// The ETS and Theta kernels against R's forecast 8.20 (see ReferenceValues for the calls).
/// The ETS kernel is given R's estimated parameters and initial states, so fitted values,
/// likelihood, point forecasts and class-1/2 intervals must agree to 1e-6 relative; the class-3
/// interval is our small-σ approximation and must agree to 5 % of R's half-width.
@Suite struct ReferenceValueTests {
    struct ETSCase {
        var series: [Double]
        var spec: ETSSpecification
        var parameters: [Double]
        var initialStates: [Double]
        var fitted: [Double]
        var likelihoodAndSigma2: [Double]
        var mean: [Double]
        var lower80: [Double]
        var upper95: [Double]
    }

    static let cases: [ETSCase] = [
        ETSCase(series: RDatasets.usAccidentalDeaths, spec: .init(error: .additive, trend: .damped, season: .additive),
                parameters: ReferenceValues.additiveDampedAdditiveParameters,
                initialStates: ReferenceValues.additiveDampedAdditiveInitialStates,
                fitted: ReferenceValues.additiveDampedAdditiveFitted,
                likelihoodAndSigma2: ReferenceValues.additiveDampedAdditiveLikelihood,
                mean: ReferenceValues.additiveDampedAdditiveMean,
                lower80: ReferenceValues.additiveDampedAdditiveLower80,
                upper95: ReferenceValues.additiveDampedAdditiveUpper95),
        ETSCase(series: RDatasets.airPassengers, spec: .init(error: .multiplicative, trend: .damped, season: .none),
                parameters: ReferenceValues.multiplicativeDampedNoneParameters,
                initialStates: ReferenceValues.multiplicativeDampedNoneInitialStates,
                fitted: ReferenceValues.multiplicativeDampedNoneFitted,
                likelihoodAndSigma2: ReferenceValues.multiplicativeDampedNoneLikelihood,
                mean: ReferenceValues.multiplicativeDampedNoneMean,
                lower80: ReferenceValues.multiplicativeDampedNoneLower80,
                upper95: ReferenceValues.multiplicativeDampedNoneUpper95),
        ETSCase(series: RDatasets.airPassengers, spec: .init(error: .multiplicative, trend: .additive, season: .multiplicative),
                parameters: ReferenceValues.multiplicativeTrendMultiplicativeParameters,
                initialStates: ReferenceValues.multiplicativeTrendMultiplicativeInitialStates,
                fitted: ReferenceValues.multiplicativeTrendMultiplicativeFitted,
                likelihoodAndSigma2: ReferenceValues.multiplicativeTrendMultiplicativeLikelihood,
                mean: ReferenceValues.multiplicativeTrendMultiplicativeMean,
                lower80: ReferenceValues.multiplicativeTrendMultiplicativeLower80,
                upper95: ReferenceValues.multiplicativeTrendMultiplicativeUpper95),
    ]

    /// Runs our kernel from R's parameters and initial states.
    static func run(_ c: ETSCase) -> (ETSKernel.Pass, ETSFit) {
        let parameters = ETSParameters(alpha: c.parameters[0], beta: c.parameters[1], gamma: c.parameters[2], phi: c.parameters[3])
        let trendCount = c.spec.hasTrend ? 1 : 0
        let initial = ETSStates(level: c.initialStates[0], trend: c.spec.hasTrend ? c.initialStates[1] : 0,
                                seasonal: Array(c.initialStates.dropFirst(1 + trendCount).reversed()))
        var seasonal = initial.seasonal
        var fitted = [Double](repeating: 0, count: c.series.count)
        let pass = c.series.withUnsafeBufferPointer { y in
            seasonal.withUnsafeMutableBufferPointer { s in
                fitted.withUnsafeMutableBufferPointer { f in
                    ETSKernel.etscalc(y, c.spec, parameters, level: initial.level, trend: initial.trend, seasonal: s, fitted: f)
                }
            }
        }
        let fit = ETSFit(specification: c.spec, parameters: parameters, initialStates: initial,
                         finalStates: ETSStates(level: pass.level, trend: pass.trend, seasonal: seasonal),
                         seriesLength: c.series.count, fitted: fitted,
                         sigma2: c.likelihoodAndSigma2[1], likelihood: pass.likelihood, aicc: .nan)
        return (pass, fit)
    }

    static func expectClose(_ actual: [Double], _ expected: [Double], relative: Double, _ what: String) {
        #expect(actual.count == expected.count, "\(what): length")
        for (index, (a, e)) in zip(actual, expected).enumerated() {
            #expect(abs(a - e) <= relative * max(abs(e), 1), "\(what)[\(index)]: \(a) vs R \(e)")
        }
    }

    @Test(arguments: 0..<3)
    func etsKernelMatchesR(caseIndex: Int) {
        let c = Self.cases[caseIndex]
        let (pass, fit) = Self.run(c)
        Self.expectClose(fit.fitted, c.fitted, relative: 1e-6, "\(c.spec) fitted")
        Self.expectClose([pass.likelihood], [c.likelihoodAndSigma2[0]], relative: 1e-6, "\(c.spec) −2 log-likelihood")
        // Estimated: α, β, γ, φ as present, level, trend, and m − 1 free seasonal states.
        let k = 2 + (c.spec.hasTrend ? 2 : 0) + (c.spec.trend == .damped ? 1 : 0) + (c.spec.hasSeason ? 12 : 0)
        Self.expectClose([pass.sumSquaredErrors / Double(c.series.count - k)], [c.likelihoodAndSigma2[1]],
                         relative: 1e-6, "\(c.spec) σ²")
        let forecast = ETSKernel.forecast(fit, horizon: 12, levels: [80, 95])
        Self.expectClose(forecast.mean, c.mean, relative: 1e-6, "\(c.spec) mean")
        if c.spec.season == .multiplicative && c.spec.error == .multiplicative {
            for step in 0..<12 {
                let halfWidth = c.upper95[step] - c.mean[step]
                #expect(abs(forecast.upper[95]![step] - c.upper95[step]) <= 0.05 * halfWidth, "\(c.spec) upper95[\(step)]")
                #expect(abs(forecast.lower[80]![step] - c.lower80[step]) <= 0.05 * (c.mean[step] - c.lower80[step]), "\(c.spec) lower80[\(step)]")
            }
        } else {
            Self.expectClose(forecast.lower[80]!, c.lower80, relative: 1e-6, "\(c.spec) lower80")
            Self.expectClose(forecast.upper[95]!, c.upper95, relative: 1e-6, "\(c.spec) upper95")
        }
    }

    /// Our estimation keeps the seasonal states at their heuristic values, R optimises them too:
    /// the maximised likelihood must still come within 1.5 % of R's.
    @Test(arguments: 0..<3)
    func estimatedLikelihoodIsCloseToR(caseIndex: Int) throws {
        let c = Self.cases[caseIndex]
        let fit = try #require(ETSEstimation.fit(c.series, c.spec, seasonLength: 12))
        #expect(fit.likelihood <= c.likelihoodAndSigma2[0] + 0.015 * abs(c.likelihoodAndSigma2[0]),
                "\(c.spec): ours \(fit.likelihood), R \(c.likelihoodAndSigma2[0])")
    }

    @Test func classicalDecompositionMatchesR() {
        let decomposition = ClassicalDecomposition(RDatasets.airPassengers, seasonLength: 12, kind: .multiplicative)
        Self.expectClose(decomposition?.indices ?? [], ReferenceValues.multiplicativeFigure, relative: 1e-8, "seasonal figure")
    }

    /// Theta: the drift is deterministic (1e-8); α and the point forecasts depend on the SES
    /// optimiser (tolerance 0.02 on α, 1 % on the mean). R's thetaf does not re-seasonalise its
    /// interval half-widths; ours scales them by the seasonal index, so ours ÷ index is compared (5 %).
    @Test func thetaMatchesR() throws {
        let series = RDatasets.airPassengers
        var model = ThetaModel(seasonLength: 12)
        try model.fit(series)
        let forecast = model.predict(horizon: 12, levels: [95])
        Self.expectClose(forecast.mean, ReferenceValues.thetaMean, relative: 0.01, "theta mean")
        let adjusted = ClassicalDecomposition(series, seasonLength: 12, kind: .multiplicative)!.adjusted(series)
        Self.expectClose([ThetaModel.slope(adjusted) / 2], [ReferenceValues.thetaAlphaAndDrift[1]], relative: 1e-8, "drift")
        let figure = ReferenceValues.multiplicativeFigure
        for step in 0..<12 {
            let ours = (forecast.upper[95]![step] - forecast.mean[step]) / figure[(series.count + step) % 12]
            let theirs = ReferenceValues.thetaUpper95[step] - ReferenceValues.thetaMean[step]
            #expect(abs(ours - theirs) <= 0.05 * theirs, "theta half-width[\(step)]: \(ours) vs R \(theirs)")
        }
    }

    @Test func sesSmoothingParameterMatchesR() throws {
        let series = RDatasets.airPassengers
        let adjusted = ClassicalDecomposition(series, seasonLength: 12, kind: .multiplicative)!.adjusted(series)
        let fit = try #require(ETSEstimation.fit(adjusted, .init(error: .additive, trend: .none, season: .none), seasonLength: 1))
        #expect(abs(fit.parameters.alpha - ReferenceValues.thetaAlphaAndDrift[0]) <= 0.02)
    }
}
