/// The width of text in spreadsheet column units: East Asian wide and full-width characters
/// (CJK ideographs, kana, Hangul, full-width forms) count two, everything else one.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += isWide(scalar) ? 2 : 1 }
        return width
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Width of a number shown with thousands separators and `decimals` decimals.
    static func ofGroupedNumber(_ value: Double, decimals: Int) -> Int {
        let magnitude = abs(value)
        var digits = 1
        var m = magnitude
        while m >= 10 && digits < 20 { m /= 10; digits += 1 }
        let separators = (digits - 1) / 3
        return digits + separators + (decimals > 0 ? decimals + 1 : 0) + (value < 0 ? 1 : 0)
    }
}
