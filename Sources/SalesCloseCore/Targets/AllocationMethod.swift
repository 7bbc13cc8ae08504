/// How a target given for a longer period is spread over its months (`[targets] allocation`).
public enum AllocationMethod: String, Sendable, CaseIterable {
    /// The same amount in every month.
    case even
    /// Each month's share of the same months one year earlier (同期实绩).
    case priorYear = "prior_year"
    /// The seasonal index of the months: each calendar month's average share of its year, over
    /// the complete years of history before the target year (at least two).
    case seasonal
    /// `TargetSettings.weights`, one per calendar month.
    case weights
    /// `TargetSettings.blend`: a weighted blend of last year's same months, the previous period,
    /// the seasonal index and a capacity figure per unit (`BlendedShares`).
    case blend
}
