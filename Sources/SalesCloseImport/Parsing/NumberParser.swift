/// Parses numbers straight from bytes into exact fixed-point integers.
///
/// Accepted: surrounding spaces; a sign (`-12`, `+12`, trailing `12-`); accounting negatives
/// `(123.45)`; thousands separators in groups of three (`,` `'` space or no-break space with a
/// decimal point; `.` `'` or space with a decimal comma); currency symbols and codes
/// (`¥ ￥ $ € £ 元 CNY RMB USD EUR`); with `allowPercent`, a trailing `%` divides by 100.
/// Digits beyond `scale` are rounded half away from zero.
public struct NumberParser: Sendable {
    public enum Failure: Error, Equatable { case empty, notANumber, tooLarge }

    public var decimalSeparator: UInt8
    public init(decimalComma: Bool = false) {
        decimalSeparator = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
    }

    /// The value times 10^scale, or why it could not be read.
    public func parse(_ field: UnsafeRawBufferPointer, scale: Int, allowPercent: Bool = false) -> Result<Int64, Failure> {
        var lo = 0, hi = field.count
        trimSpaces(field, &lo, &hi)
        if lo == hi { return .failure(.empty) }
        if let value = plainNumber(field, lo, hi, scale: scale) { return .success(value) }
        return parseWritten(field, lo, hi, scale: scale, allowPercent: allowPercent)
    }

    /// The common case, read in one pass: digits with an optional leading minus and decimal
    /// separator (`1234`, `-0.05`, `12.`), at most 15 integer digits and a scale of at most 3, so
    /// that nothing can overflow. nil for anything else, which `parseWritten` then reads; both
    /// give the same value for what this accepts.
    @inline(__always)
    private func plainNumber(_ field: UnsafeRawBufferPointer, _ lo: Int, _ hi: Int, scale: Int) -> Int64? {
        guard scale <= 3 else { return nil }
        var i = lo
        let negative = field[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let integerStart = i
        var integer: Int64 = 0
        while i < hi, isDigit(field[i]) {
            guard i - integerStart < 15 else { return nil }
            integer = integer * 10 + Int64(field[i] - 48); i += 1
        }
        guard i > integerStart else { return nil }
        var fraction: Int64 = 0, kept = 0, roundUp = false
        if i < hi {
            guard field[i] == decimalSeparator else { return nil }
            i += 1
            let fractionStart = i
            while i < hi, isDigit(field[i]) {
                let d = Int64(field[i] - 48)
                if kept < scale { fraction = fraction * 10 + d; kept += 1 }
                else if i - fractionStart == scale { roundUp = d >= 5 }
                i += 1
            }
            guard i == hi else { return nil }
        }
        let value = integer * powersOfTen[scale] + fraction * powersOfTen[scale - kept] + (roundUp ? 1 : 0)
        return negative ? -value : value
    }

    /// `parse` for a trimmed, non-empty field in any of the accepted forms.
    private func parseWritten(_ field: UnsafeRawBufferPointer, _ lo: Int, _ hi: Int, scale: Int,
                              allowPercent: Bool) -> Result<Int64, Failure> {
        var lo = lo, hi = hi
        var negative = false
        if field[lo] == UInt8(ascii: "("), field[hi - 1] == UInt8(ascii: ")") {
            negative = true; lo += 1; hi -= 1; trimSpaces(field, &lo, &hi)
        }
        var percent = false
        if allowPercent, hi > lo, field[hi - 1] == UInt8(ascii: "%") { percent = true; hi -= 1 }
        stripCurrency(field, &lo, &hi)
        if hi > lo, field[lo] == UInt8(ascii: "-") || field[lo] == UInt8(ascii: "+") {
            if field[lo] == UInt8(ascii: "-") { negative.toggle() }
            lo += 1
        } else if hi > lo, field[hi - 1] == UInt8(ascii: "-") {
            negative.toggle(); hi -= 1
        }
        stripCurrency(field, &lo, &hi)
        if lo == hi { return .failure(.notANumber) }

        var integer: Int64 = 0
        var digitsInGroup = 0, groups = 0, sawGroupSeparator = false
        var fraction: Int64 = 0, fractionDigits = 0, roundUp = false
        var inFraction = false, sawDigit = false
        var i = lo
        while i < hi {
            let b = field[i]
            if b >= 48 && b <= 57 {
                sawDigit = true
                let d = Int64(b - 48)
                if inFraction {
                    if fractionDigits < scale { fraction = fraction * 10 + d; fractionDigits += 1 }
                    else if fractionDigits == scale { roundUp = d >= 5; fractionDigits += 1 }
                } else {
                    let (m, o1) = integer.multipliedReportingOverflow(by: 10)
                    let (s, o2) = m.addingReportingOverflow(d)
                    if o1 || o2 { return .failure(.tooLarge) }
                    integer = s; digitsInGroup += 1
                }
            } else if b == decimalSeparator, !inFraction {
                if sawGroupSeparator && digitsInGroup != 3 { return .failure(.notANumber) }
                inFraction = true
            } else if !inFraction, let width = groupSeparatorWidth(field, i, hi) {
                // A group separator must follow 1–3 digits (first group) or exactly 3.
                if digitsInGroup == 0 || digitsInGroup > 3 || (groups > 0 && digitsInGroup != 3) {
                    return .failure(.notANumber)
                }
                groups += 1; digitsInGroup = 0; sawGroupSeparator = true
                i += width
                continue
            } else {
                return .failure(.notANumber)
            }
            i += 1
        }
        if !sawDigit { return .failure(.notANumber) }
        if sawGroupSeparator && !inFraction && digitsInGroup != 3 { return .failure(.notANumber) }

        // value = integer.fraction × 10^scale (a percentage: one hundredth of it), in Int64.
        let kept = min(fractionDigits, scale)
        let (whole, o1) = integer.multipliedReportingOverflow(by: powersOfTen[scale])
        var (value, o2) = whole.addingReportingOverflow(fraction * powersOfTen[scale - kept] + (roundUp ? 1 : 0))
        if o1 || o2 { return .failure(.tooLarge) }
        if percent { value = (value + 50) / 100 }
        return .success(negative ? -value : value)
    }

    /// Width of a thousands separator at `i`, or nil when the byte is none.
    private func groupSeparatorWidth(_ f: UnsafeRawBufferPointer, _ i: Int, _ hi: Int) -> Int? {
        let b = f[i]
        if b == UInt8(ascii: "'") || b == UInt8(ascii: " ") { return 1 }
        if decimalSeparator == UInt8(ascii: ".") ? b == UInt8(ascii: ",") : b == UInt8(ascii: ".") { return 1 }
        if b == 0xC2, i + 1 < hi, f[i + 1] == 0xA0 { return 2 }                          // U+00A0
        if b == 0xE2, i + 2 < hi, f[i + 1] == 0x80, f[i + 2] == 0xAF { return 3 }       // U+202F
        return nil
    }
}

private let powersOfTen: [Int64] = (0...18).map { (0..<$0).reduce(1) { p, _ in p * 10 } }

/// Currency marks removed from either end of a number.
private let currencyMarks: [[UInt8]] = [
    Array("CNY".utf8), Array("RMB".utf8), Array("USD".utf8), Array("EUR".utf8),
    Array("¥".utf8), Array("￥".utf8), Array("$".utf8), Array("€".utf8), Array("£".utf8), Array("元".utf8),
]

private func stripCurrency(_ f: UnsafeRawBufferPointer, _ lo: inout Int, _ hi: inout Int) {
    guard lo < hi, !(isDigit(f[lo]) && isDigit(f[hi - 1])) else { return }
    for mark in currencyMarks {
        if hi - lo >= mark.count, (0..<mark.count).allSatisfy({ f[lo + $0] == mark[$0] }) { lo += mark.count; break }
    }
    for mark in currencyMarks {
        if hi - lo >= mark.count, (0..<mark.count).allSatisfy({ f[hi - mark.count + $0] == mark[$0] }) { hi -= mark.count; break }
    }
    trimSpaces(f, &lo, &hi)
}

@inline(__always)
func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

/// Narrows `lo..<hi` past ASCII spaces and tabs at both ends.
@inline(__always)
func trimSpaces(_ f: UnsafeRawBufferPointer, _ lo: inout Int, _ hi: inout Int) {
    while lo < hi, f[lo] == 32 || f[lo] == 9 { lo += 1 }
    while hi > lo, f[hi - 1] == 32 || f[hi - 1] == 9 { hi -= 1 }
}
