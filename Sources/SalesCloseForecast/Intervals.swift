import Foundation

/// Builders for prediction intervals: analytic (normal, from a forecast variance per step) and
/// empirical (from observed forecast errors).
enum Intervals {
    /// Mean ± z·sd for each level, where z is the standard normal quantile of (1 + level/100)/2.
    static func normal(mean: [Double], standardDeviations: [Double], levels: [Double]) -> ModelForecast {
        var lower: [Double: [Double]] = [:]
        var upper: [Double: [Double]] = [:]
        for level in levels {
            let z = normalQuantile(0.5 + level / 200)
            lower[level] = zip(mean, standardDeviations).map { $0 - z * $1 }
            upper[level] = zip(mean, standardDeviations).map { $0 + z * $1 }
        }
        return ModelForecast(mean: mean, lower: lower, upper: upper)
    }

    /// Mean plus the empirical (1 − level)/2 and (1 + level)/2 quantiles of `errors`
    /// (actual − forecast), the same width for every step. Bounds never cross the mean.
    static func empirical(mean: [Double], errors: [Double], levels: [Double]) -> ModelForecast {
        let sorted = errors.filter(\.isFinite).sorted()
        var lower: [Double: [Double]] = [:]
        var upper: [Double: [Double]] = [:]
        // Widest-so-far offsets, so wider levels never end inside narrower ones through rounding.
        var low = 0.0, high = 0.0
        for level in levels.sorted() {
            let tail = (1 - level / 100) / 2
            low = min(low, quantile(sorted, tail))
            high = max(high, quantile(sorted, 1 - tail))
            lower[level] = mean.map { [low] in $0 + low }
            upper[level] = mean.map { [high] in $0 + high }
        }
        return ModelForecast(mean: mean, lower: lower, upper: upper)
    }

    /// Linear-interpolation quantile (R type 7) of an ascending array; 0 when it is empty.
    static func quantile(_ sorted: [Double], _ probability: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = probability * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let weight = position - Double(below)
        return sorted[below] + weight * (sorted[above] - sorted[below])
    }

    /// Inverse of the standard normal distribution function (Acklam's rational approximation,
    /// relative error below 1.2e-9), for 0 < p < 1.
    static func normalQuantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                 3.754408661907416e+00]
        let lowRegion = 0.02425
        if p < lowRegion {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - lowRegion {
            return -normalQuantile(1 - p)
        }
        let q = p - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
