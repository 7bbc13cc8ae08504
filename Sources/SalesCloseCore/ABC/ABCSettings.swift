/// The `[abc]` configuration. The XYZ limits have no TOML keys in the contract; they default to
/// the SPEC's X ≤ 0.5, Y ≤ 1.0.
public struct ABCSettings: Sendable, Equatable {
    /// Months in the window, ending with the close month.
    public var windowMonths: Int
    /// What ranks the items (`revenue`, `quantity`, `gross_margin`).
    public var metric: TargetMetric
    /// Cumulative share up to which items are A, then B.
    public var a: Double
    public var b: Double
    /// Coefficient of variation up to which items are X, then Y.
    public var x: Double
    public var y: Double

    public init(windowMonths: Int = 12, metric: TargetMetric = .revenue, a: Double = 0.80, b: Double = 0.95,
                x: Double = 0.5, y: Double = 1.0) {
        self.windowMonths = windowMonths; self.metric = metric; self.a = a; self.b = b; self.x = x; self.y = y
    }
}

/// A threshold as an integer number of millionths, so cut-offs compare exactly in integers
/// (0.80 is exactly 800 000 millionths, where the Double 0.8 is not exactly 0.8).
func millionths(_ threshold: Double) -> Int128 { Int128((threshold * 1e6).rounded()) }
