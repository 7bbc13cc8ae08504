/// `[commission]`: what commission is paid on, the rate tiers by achievement, and the cap.
public struct CommissionSettings: Sendable, Equatable {
    public enum Base: String, Sendable, CaseIterable {
        case revenue
        case grossMargin = "gross_margin"
        case collections
    }
    public enum Mode: String, Sendable, CaseIterable {
        /// The rate of the tier the achievement falls in, on the whole base.
        case whole
        /// Each slice of the base at the rate of its tier (like income-tax brackets).
        case progressive
    }
    /// A tier starts at its achievement threshold (inclusive) and runs to the next one.
    public struct Tier: Sendable, Equatable {
        public var from: Double
        public var rate: Double
        public init(from: Double, rate: Double) { self.from = from; self.rate = rate }
    }

    public var base: Base = .revenue
    public var mode: Mode = .whole
    /// In increasing `from` order; achievement below the first tier earns nothing.
    public var tiers: [Tier] = [Tier(from: 0, rate: 0), Tier(from: 0.8, rate: 0.02), Tier(from: 1.0, rate: 0.03)]
    /// The most one salesperson earns in one period; nil = no cap.
    public var cap: Money?
    public init() {}
}
