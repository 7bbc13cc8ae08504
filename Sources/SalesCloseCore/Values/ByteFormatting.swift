/// Decimal and CSV text appended straight to a byte buffer: what the CSV writers (the output
/// tables and the generator's exports) format millions of times without a `String` per field.
/// The formats are those of `Money`, `Quantity`, `Day` and `Month`'s descriptions.
extension Array where Element == UInt8 {
    /// `value` in decimal digits, with a leading `-` when negative.
    public mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, width: 1)
    }

    /// `value` ÷ 10^`scale` with exactly `scale` decimals (`scale` 2: money, `-0.05`).
    public mutating func appendFixed(_ value: Int64, scale: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        let divisor = UInt64(powerOfTen(scale))
        appendDigits(UInt(value.magnitude / divisor), width: 1)
        guard scale > 0 else { return }
        append(UInt8(ascii: "."))
        appendDigits(UInt(value.magnitude % divisor), width: scale)
    }

    /// `value` ÷ 10^`scale` with at most `scale` decimals and no trailing zeros (`1.5`, `2`).
    public mutating func appendFixedTrimmed(_ value: Int64, scale: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        let divisor = UInt64(powerOfTen(scale))
        appendDigits(UInt(value.magnitude / divisor), width: 1)
        var fraction = value.magnitude % divisor, digits = scale
        guard fraction != 0 else { return }
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        append(UInt8(ascii: "."))
        appendDigits(UInt(fraction), width: digits)
    }

    /// `YYYY-MM-DD`.
    public mutating func appendDay(_ day: Day) {
        let c = day.components
        appendDigits(UInt(c.year), width: 4)
        append(UInt8(ascii: "-"))
        appendDigits(UInt(c.month), width: 2)
        append(UInt8(ascii: "-"))
        appendDigits(UInt(c.day), width: 2)
    }

    /// `YYYY-MM`.
    public mutating func appendMonth(_ month: Month) {
        appendDigits(UInt(month.year), width: 4)
        append(UInt8(ascii: "-"))
        appendDigits(UInt(month.month), width: 2)
    }

    /// A CSV field: the text as is, or quoted with inner quotes doubled when it holds a comma,
    /// a double quote, CR or LF (RFC 4180).
    public mutating func appendCSVField(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
                append(contentsOf: bytes)
                return
            }
            append(UInt8(ascii: "\""))
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { append(byte) }
                append(byte)
            }
            append(UInt8(ascii: "\""))
        }
    }

    /// The digits of `value`, left-padded with zeros to `width`.
    private mutating func appendDigits(_ value: UInt, width: Int) {
        let start = count
        var v = value
        repeat {
            append(UInt8(ascii: "0") &+ UInt8(v % 10))
            v /= 10
        } while v > 0
        while count - start < width { append(UInt8(ascii: "0")) }
        self[start...].reverse()
    }
}

private func powerOfTen(_ n: Int) -> Int64 {
    var p: Int64 = 1
    for _ in 0..<n { p *= 10 }
    return p
}
