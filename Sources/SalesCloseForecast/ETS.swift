/// Exponential smoothing state-space model (Hyndman et al. 2008). With no fixed specification
/// the form is chosen per series by AICc among R's default candidates: seasonal forms only
/// with at least two full seasons, multiplicative forms only for strictly positive data.
public struct ETSModel: ForecastModel {
    public let seasonLength: Int
    /// The form to fit, or `nil` to choose one by AICc.
    public let specification: ETSSpecification?
    /// Whether seasonal forms may be chosen when `specification` is `nil`.
    public let allowSeasonal: Bool
    public private(set) var estimate: ETSFit?

    public init(seasonLength: Int, specification: ETSSpecification? = nil, allowSeasonal: Bool = true) {
        self.seasonLength = seasonLength
        self.specification = specification
        self.allowSeasonal = allowSeasonal
    }

    public var name: String { estimate?.specification.description ?? "ETS" }
    public var fittedValues: [Double] { estimate?.fitted ?? [] }

    public mutating func fit(_ series: [Double]) throws(ForecastError) {
        estimate = nil
        let positive = !series.contains { $0 <= 0 }
        if let specification, specification.isMultiplicative, !positive { throw .nonPositiveValues }
        let seasonal = allowSeasonal && seasonLength > 1 && series.count >= 2 * seasonLength
        let candidates = specification.map { [$0] }
            ?? ETSSpecification.candidates(seasonal: seasonal, positiveData: positive)
        for candidate in candidates {
            guard let fit = ETSEstimation.fit(series, candidate, seasonLength: seasonLength) else { continue }
            if fit.aicc < estimate?.aicc ?? .infinity { estimate = fit }
        }
        guard estimate != nil else {
            if series.count < 5 { throw .seriesTooShort(required: 5, actual: series.count) }
            throw .estimationFailed
        }
    }

    public func predict(horizon: Int, levels: [Double]) -> ModelForecast {
        guard let estimate else { preconditionFailure("ETSModel.predict called before a successful fit") }
        return ETSKernel.forecast(estimate, horizon: horizon, levels: levels)
    }
}
