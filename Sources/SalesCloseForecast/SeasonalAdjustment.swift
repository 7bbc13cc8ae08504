/// Seasonal adjustment for the non-seasonal models Theta and damped trend, as in R's `thetaf`
/// and the M4 competition benchmarks: only when the lag-m autocorrelation is significant,
/// by multiplicative classical decomposition (additive when the series has zeros).
struct SeasonalAdjustment: Sendable {
    private let decomposition: ClassicalDecomposition?

    init(_ y: [Double], seasonLength m: Int) {
        guard hasSignificantSeasonality(y, seasonLength: m) else {
            decomposition = nil
            return
        }
        if let multiplicative = ClassicalDecomposition(y, seasonLength: m, kind: .multiplicative),
           !multiplicative.indices.contains(where: { abs($0) < 1e-4 }) {
            decomposition = multiplicative
        } else {
            decomposition = ClassicalDecomposition(y, seasonLength: m, kind: .additive)
        }
    }

    func adjusted(_ y: [Double]) -> [Double] { decomposition?.adjusted(y) ?? y }

    /// Puts the season back into adjusted in-sample values (positions 0…count − 1).
    func reseasonalized(fitted: [Double]) -> [Double] {
        guard let decomposition else { return fitted }
        return fitted.indices.map { decomposition.reseasonalized(fitted[$0], at: $0) }
    }

    /// Puts the season back into a forecast made after `seriesLength` observations.
    func reseasonalized(_ forecast: ModelForecast, seriesLength n: Int) -> ModelForecast {
        guard let decomposition else { return forecast }
        func apply(_ values: [Double]) -> [Double] {
            values.indices.map { decomposition.reseasonalized(values[$0], at: n + $0) }
        }
        return ModelForecast(mean: apply(forecast.mean), lower: forecast.lower.mapValues(apply),
                             upper: forecast.upper.mapValues(apply))
    }
}
