/// XYZ class of an item by the regularity of its monthly demand: X steady, Y varying, Z erratic.
public enum XYZClass: String, Sendable, CaseIterable { case x = "X", y = "Y", z = "Z" }

/// Coefficient of variation of monthly values (population standard deviation ÷ mean), with its
/// XYZ class: X when CV ≤ `x`, Y when ≤ `y`, Z above. Undefined (both nil) when the mean is 0 or
/// negative: an item without net demand in the window has no variation to speak of.
/// The class compares CV² = (n·Σv² − (Σv)²) ÷ (Σv)² with the squared limit exactly in integers
/// (limits to six decimals), and the CV as a Double only where those products overflow Int128.
func coefficientOfVariation(_ monthly: [Int64], x: Double, y: Double) -> (cv: Double, xyzClass: XYZClass)? {
    let n = Int128(monthly.count)
    let sum = monthly.reduce(Int128(0)) { $0 + Int128($1) }
    guard n > 0, sum > 0 else { return nil }
    let sumOfSquares = monthly.reduce(Int128(0)) { $0 + Int128($1) * Int128($1) }
    let spread = n * sumOfSquares - sum * sum
    let cv = (Double(spread) / (Double(sum) * Double(sum))).squareRoot()
    func within(_ limit: Double) -> Bool {
        let m = millionths(limit)
        let lhs = spread.multipliedReportingOverflow(by: 1_000_000_000_000)
        let sumSquared = sum.multipliedReportingOverflow(by: sum)
        let rhs = (m * m).multipliedReportingOverflow(by: sumSquared.partialValue)
        guard !lhs.overflow, !sumSquared.overflow, !rhs.overflow else { return cv <= limit }
        return lhs.partialValue <= rhs.partialValue
    }
    return (cv, within(x) ? .x : within(y) ? .y : .z)
}
