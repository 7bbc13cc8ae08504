/// How `reconcile` makes a hierarchy of forecasts coherent (`[forecast] reconciliation`).
public enum ReconciliationMethod: String, Sendable, CaseIterable {
    /// Minimum trace (Wickramasuriya, Athanasopoulos & Hyndman 2019) with the Schäfer–Strimmer
    /// shrinkage of the in-sample one-step error covariance toward its diagonal: every level's
    /// forecast counts in proportion to how reliable it has been. The default (see
    /// docs/forecasting.md for the measurements). Falls back to `wlsStructural` when the series
    /// have fewer than `MinTrace.minimumErrorMonths` months of errors.
    case minTraceShrink = "mint_shrink"
    /// Weighted least squares with each node weighted by the number of leaves under it
    /// (structural scaling; no errors needed).
    case wlsStructural = "wls_struct"
    /// Every parent becomes the sum of its children.
    case bottomUp = "bottom_up"
    /// Each root keeps its forecast, split down the tree in proportion to the children's own
    /// forecasts (top-down by forecast proportions; Athanasopoulos, Ahmed & Hyndman 2009).
    case topDown = "top_down"
}
