/// The `[targets]` configuration.
public struct TargetSettings: Sendable, Equatable {
    public var allocation: AllocationMethod
    /// Twelve non-negative weights, January first, used when `allocation` is `.weights`.
    public var weights: [Double]?
    /// The factor weights used when `allocation` is `.blend`.
    public var blend: BlendWeights

    public init(allocation: AllocationMethod = .priorYear, weights: [Double]? = nil, blend: BlendWeights = BlendWeights()) {
        self.allocation = allocation; self.weights = weights; self.blend = blend
    }
}
