/// `numerator ÷ denominator`, or nil when the denominator is missing or 0.
func ratio(_ numerator: Int64?, _ denominator: Int64?) -> Double? {
    guard let numerator, let denominator, denominator != 0 else { return nil }
    return Double(numerator) / Double(denominator)
}

/// Growth of `current` over `base` (`current ÷ base − 1`), or nil from a missing or zero base.
func growth(_ current: Int64?, over base: Int64?) -> Double? {
    ratio(current, base).map { $0 - 1 }
}

/// `value`, or nil when it is nil, NaN or infinite (so a rate is either a number or absent).
func finite(_ value: Double?) -> Double? {
    guard let value, value.isFinite else { return nil }
    return value
}
