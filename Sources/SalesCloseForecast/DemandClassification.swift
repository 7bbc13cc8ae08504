/// Syntetos–Boylan–Croston demand classification from the average inter-demand interval (ADI)
/// and the squared coefficient of variation of the non-zero demand sizes (CV²), with the usual
/// cut-offs 1.32 and 0.49.
public struct DemandClassification: Sendable, Equatable {
    public enum Pattern: Sendable, Equatable { case smooth, erratic, intermittent, lumpy }

    /// Months per non-zero month.
    public let adi: Double
    public let cv2: Double
    public let pattern: Pattern

    /// `nil` when the series has no demand at all.
    public init?(_ series: [Double]) {
        let sizes = series.filter { $0 > 0 }
        guard !sizes.isEmpty else { return nil }
        adi = Double(series.count) / Double(sizes.count)
        let mean = sizes.reduce(0, +) / Double(sizes.count)
        let variance = sizes.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(sizes.count)
        cv2 = variance / (mean * mean)
        switch (adi >= 1.32, cv2 >= 0.49) {
        case (false, false): pattern = .smooth
        case (false, true): pattern = .erratic
        case (true, false): pattern = .intermittent
        case (true, true): pattern = .lumpy
        }
    }

    public var isIntermittent: Bool { pattern == .intermittent || pattern == .lumpy }
}
