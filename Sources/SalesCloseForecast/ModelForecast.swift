/// Point forecasts with lower and upper prediction bounds keyed by interval level (percent).
public struct ModelForecast: Sendable, Equatable {
    public var mean: [Double]
    public var lower: [Double: [Double]]
    public var upper: [Double: [Double]]

    public init(mean: [Double], lower: [Double: [Double]], upper: [Double: [Double]]) {
        self.mean = mean
        self.lower = lower
        self.upper = upper
    }

    /// The same forecast with every value raised to at least zero (sales cannot be negative).
    public func clampedAtZero() -> ModelForecast {
        func clamp(_ values: [Double]) -> [Double] { values.map { $0.isFinite ? max(0, $0) : 0 } }
        return ModelForecast(
            mean: clamp(mean),
            lower: lower.mapValues(clamp),
            upper: upper.mapValues(clamp)
        )
    }
}
