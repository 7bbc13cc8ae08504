/// An exact quantity in thousandths of a unit (fractional units such as kilograms are allowed).
public struct Quantity: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    public static let scale: Int64 = 1000
    public var thousandths: Int64

    public init(thousandths: Int64) { self.thousandths = thousandths }
    public init(units: Int64) { self.thousandths = units * Quantity.scale }
    public static let zero = Quantity(thousandths: 0)

    public static func + (a: Quantity, b: Quantity) -> Quantity { Quantity(thousandths: a.thousandths + b.thousandths) }
    public static func - (a: Quantity, b: Quantity) -> Quantity { Quantity(thousandths: a.thousandths - b.thousandths) }
    public static func += (a: inout Quantity, b: Quantity) { a.thousandths += b.thousandths }
    public static func -= (a: inout Quantity, b: Quantity) { a.thousandths -= b.thousandths }
    public static func < (a: Quantity, b: Quantity) -> Bool { a.thousandths < b.thousandths }

    public var doubleValue: Double { Double(thousandths) / Double(Quantity.scale) }

    /// Integral quantities print without decimals (`12`), others with up to three (`1.5`, `0.125`).
    public var description: String {
        let negative = thousandths < 0
        let m = thousandths.magnitude
        let whole = m / 1000, frac = m % 1000
        var s = (negative ? "-" : "") + String(whole)
        if frac != 0 {
            var digits = String(frac)
            while digits.count < 3 { digits = "0" + digits }
            while digits.hasSuffix("0") { digits.removeLast() }
            s += "." + digits
        }
        return s
    }
}
