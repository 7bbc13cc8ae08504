import Foundation

/// The Theta method of Assimakopoulos & Nikolopoulos (2000) in the form of Hyndman & Billah
/// (2003) and R's `thetaf`: simple exponential smoothing of the seasonally adjusted series plus
/// a drift of half the slope of its linear trend; intervals are those of SES.
public struct ThetaModel: ForecastModel {
    public let name = "Theta"
    public let seasonLength: Int
    public private(set) var fittedValues: [Double] = []
    private var adjustment: SeasonalAdjustment?
    private var smoothing: ETSFit?
    private var drift = 0.0

    public init(seasonLength: Int) {
        self.seasonLength = seasonLength
    }

    public mutating func fit(_ series: [Double]) throws(ForecastError) {
        let adjustment = SeasonalAdjustment(series, seasonLength: seasonLength)
        let adjusted = adjustment.adjusted(series)
        let simple = ETSSpecification(error: .additive, trend: .none, season: .none)
        guard let smoothing = ETSEstimation.fit(adjusted, simple, seasonLength: 1) else {
            throw .seriesTooShort(required: 5, actual: series.count)
        }
        drift = Self.slope(adjusted) / 2
        let alpha = smoothing.parameters.alpha
        let fitted = smoothing.fitted.indices.map { t in
            smoothing.fitted[t] + drift * (1 - pow(1 - alpha, Double(t))) / alpha
        }
        fittedValues = adjustment.reseasonalized(fitted: fitted)
        self.adjustment = adjustment
        self.smoothing = smoothing
    }

    public func predict(horizon: Int, levels: [Double]) -> ModelForecast {
        guard let smoothing, let adjustment else { preconditionFailure("ThetaModel.predict called before a successful fit") }
        let alpha = smoothing.parameters.alpha
        let n = smoothing.seriesLength
        let level = smoothing.finalStates.level
        let mean = (0..<horizon).map { step in
            level + drift * (Double(step) + (1 - pow(1 - alpha, Double(n))) / alpha)
        }
        let sd = (0..<horizon).map { step in
            (smoothing.sigma2 * (Double(step) * alpha * alpha + 1)).squareRoot()
        }
        let adjustedForecast = Intervals.normal(mean: mean, standardDeviations: sd, levels: levels)
        return adjustment.reseasonalized(adjustedForecast, seriesLength: n)
    }

    /// Least-squares slope of y against time.
    static func slope(_ y: [Double]) -> Double {
        let n = Double(y.count)
        guard y.count > 1 else { return 0 }
        let meanT = (n - 1) / 2
        let meanY = y.reduce(0, +) / n
        var covariance = 0.0, variance = 0.0
        for (t, value) in y.enumerated() {
            covariance += (Double(t) - meanT) * (value - meanY)
            variance += (Double(t) - meanT) * (Double(t) - meanT)
        }
        return covariance / variance
    }
}
