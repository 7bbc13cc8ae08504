/// The `[targets]` configuration.
public struct TargetSettings: Sendable, Equatable {
    public var allocation: AllocationMethod
    /// Twelve non-negative weights, January first, used when `allocation` is `.weights`.
    public var weights: [Double]?

    public init(allocation: AllocationMethod = .priorYear, weights: [Double]? = nil) {
        self.allocation = allocation; self.weights = weights
    }
}
