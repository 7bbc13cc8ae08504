/// How one part of a target was allocated, for the targets check (`targets_allocation.csv`):
/// a month of a row given for a longer period, or a unit below a target split down the
/// organisation, with its share and, for `allocation = "blend"`, each factor's share.
public struct TargetAllocation: Sendable {
    public enum Split: String, Sendable {
        /// A month of a quarter or year row.
        case months
        /// A region or salesperson of a total or region target.
        case units
    }

    public var split: Split
    public var metric: TargetMetric
    /// The target that was allocated.
    public var level: ActualsLevel
    public var key: NameID
    /// The months allocated from (`2026-01…2026-12`), or the row's period.
    public var period: String
    /// The month (`.months`) the part is for.
    public var month: Month?
    /// The unit (`.units`) the part is for.
    public var itemLevel: ActualsLevel?
    public var itemKey: NameID?
    public var method: AllocationMethod
    /// The part's share of the allocated amount (its weight over the weights' sum).
    public var share: Double
    /// For a blend, each factor's share of this part; nil for a factor without data.
    public var factorShares: [BlendFactor: Double?]
    /// The amount allocated to the part (minor units, or thousandths for quantity).
    public var target: Int64
}
