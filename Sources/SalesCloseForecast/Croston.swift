/// Forecasts for intermittent demand: exponential smoothing of the non-zero sizes and of either
/// the intervals between them (Croston 1972; SBA, Syntetos & Boylan 2005, removes Croston's
/// bias with the factor 1 − α/2) or the probability of a demand in each month (TSB, Teunter,
/// Syntetos & Babai 2011, which decays towards zero while demand is absent).
/// The forecast is flat; intervals come from the empirical one-step errors, which for a flat
/// forecast are the errors of a rolling-origin backtest at every horizon.
public struct CrostonModel: ForecastModel {
    public enum Variant: Sendable { case classic, sba, tsb }

    public let variant: Variant
    /// Smoothing constant for sizes, intervals and (TSB) demand probability.
    public let alpha: Double
    public private(set) var fittedValues: [Double] = []
    private var level = 0.0
    private var errors: [Double] = []

    public init(variant: Variant, alpha: Double = 0.1) {
        self.variant = variant
        self.alpha = alpha
    }

    public var name: String {
        switch variant {
        case .classic: "Croston"
        case .sba: "SBA"
        case .tsb: "TSB"
        }
    }

    public mutating func fit(_ series: [Double]) throws(ForecastError) {
        guard let first = series.firstIndex(where: { $0 > 0 }) else {
            throw .seriesTooShort(required: 1, actual: 0)
        }
        var size = series[first]
        var interval = Double(first + 1)
        var probability = Double(series.count { $0 > 0 }) / Double(series.count)
        var sinceDemand = 0.0
        var forecast = current(size: size, interval: interval, probability: probability)
        fittedValues = []
        fittedValues.reserveCapacity(series.count)
        for (t, value) in series.enumerated() {
            fittedValues.append(forecast)
            guard t > first else { continue }
            sinceDemand += 1
            if variant == .tsb { probability += alpha * ((value > 0 ? 1 : 0) - probability) }
            if value > 0 {
                size += alpha * (value - size)
                interval += alpha * (sinceDemand - interval)
                sinceDemand = 0
            }
            forecast = current(size: size, interval: interval, probability: probability)
        }
        level = forecast
        errors = zip(series, fittedValues).dropFirst(first + 1).map { $0 - $1 }
    }

    private func current(size: Double, interval: Double, probability: Double) -> Double {
        switch variant {
        case .classic: size / interval
        case .sba: (1 - alpha / 2) * size / interval
        case .tsb: probability * size
        }
    }

    public func predict(horizon: Int, levels: [Double]) -> ModelForecast {
        Intervals.empirical(mean: Array(repeating: level, count: horizon), errors: errors, levels: levels)
    }
}
