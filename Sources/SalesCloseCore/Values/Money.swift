/// An exact amount of money in minor units (cents). Sums never touch binary floating point.
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    public var minorUnits: Int64

    public init(minorUnits: Int64) { self.minorUnits = minorUnits }
    /// The amount nearest to `units` (a forecast, a ratio of money): for values computed in
    /// floating point, never for sums of money.
    public init(rounding units: Double) { minorUnits = Int64((units * 100).rounded()) }
    public static let zero = Money(minorUnits: 0)

    public static func + (a: Money, b: Money) -> Money { Money(minorUnits: a.minorUnits + b.minorUnits) }
    public static func - (a: Money, b: Money) -> Money { Money(minorUnits: a.minorUnits - b.minorUnits) }
    public static func += (a: inout Money, b: Money) { a.minorUnits += b.minorUnits }
    public static func -= (a: inout Money, b: Money) { a.minorUnits -= b.minorUnits }
    public static prefix func - (a: Money) -> Money { Money(minorUnits: -a.minorUnits) }
    public static func < (a: Money, b: Money) -> Bool { a.minorUnits < b.minorUnits }

    /// The value as a Double, for ratios only (achievement rates, shares), never for sums.
    public var doubleValue: Double { Double(minorUnits) / 100 }

    /// `1234.5` → `"1234.50"`, `-0.05` → `"-0.05"`: two decimals, `.` point, no grouping.
    public var description: String {
        let negative = minorUnits < 0
        let magnitude = minorUnits.magnitude
        let units = magnitude / 100, cents = magnitude % 100
        return (negative ? "-" : "") + String(units) + (cents < 10 ? ".0" : ".") + String(cents)
    }
}

/// Rounds `numerator / denominator` to the nearest integer, halves away from zero.
@inlinable
public func roundedDivision(_ numerator: Int128, _ denominator: Int128) -> Int64 {
    precondition(denominator > 0)
    let half = denominator / 2
    let q = numerator >= 0 ? (numerator + half) / denominator : (numerator - half) / denominator
    return Int64(q)
}
