/// One factor of a blended allocation (`[targets.blend]`).
public enum BlendFactor: String, Sendable, CaseIterable {
    /// The same months one year earlier (同期实绩).
    case priorYear = "prior_year"
    /// The period just before, of the same length (上月/上期实绩).
    case lastPeriod = "last_period"
    /// The seasonal index from the complete history years (淡旺季).
    case seasonal
    /// A capacity figure per unit from a master file, such as floor area or headcount (专柜面积).
    case capacity
}

/// The weights of the four factors of `allocation = "blend"`; they sum to 1.
public struct BlendWeights: Sendable, Equatable {
    public var priorYear: Double
    public var lastPeriod: Double
    public var seasonal: Double
    public var capacity: Double

    public init(priorYear: Double = 0.5, lastPeriod: Double = 0.2, seasonal: Double = 0.3, capacity: Double = 0) {
        self.priorYear = priorYear; self.lastPeriod = lastPeriod; self.seasonal = seasonal; self.capacity = capacity
    }

    public subscript(factor: BlendFactor) -> Double {
        get {
            switch factor {
            case .priorYear: priorYear
            case .lastPeriod: lastPeriod
            case .seasonal: seasonal
            case .capacity: capacity
            }
        }
        set {
            switch factor {
            case .priorYear: priorYear = newValue
            case .lastPeriod: lastPeriod = newValue
            case .seasonal: seasonal = newValue
            case .capacity: capacity = newValue
            }
        }
    }

    /// The weights sum to 1 (within a millionth) and none is negative.
    public var isValid: Bool {
        BlendFactor.allCases.allSatisfy { self[$0] >= 0 && self[$0].isFinite }
            && abs(BlendFactor.allCases.reduce(0) { $0 + self[$1] } - 1) < 1e-6
    }
}
