/// A date format of one column, such as `DD.MM.YYYY`, `MM/DD/YYYY` or `YYYY年M月D日`: `YYYY`,
/// `MM`/`M`, `DD`/`D` (one or two digits either way) and literal separators. `-`, `/` and `.`
/// each accept any of the three, so `YYYY-MM-DD` (the default) also reads `2025/1/31`.
public struct DatePattern: Sendable, Equatable, CustomStringConvertible {
    public enum Token: Sendable, Equatable {
        case year, month, day
        /// Any of `-`, `/`, `.`.
        case separator
        case literal(UInt8)
    }

    public let tokens: [Token]
    /// The pattern as written (for messages and `salesclose config`).
    public let text: String
    public var description: String { text }

    /// Year-first dates with `-`, `/` or `.` between the parts.
    public static let yearFirst = DatePattern("YYYY-MM-DD")!

    /// nil unless the pattern has exactly one year, month and day part.
    public init?(_ text: String) {
        var tokens: [Token] = []
        var chars = Array(text.utf8)[...]
        while let c = chars.first {
            switch c {
            case UInt8(ascii: "Y"), UInt8(ascii: "y"):
                guard chars.count >= 4, chars.prefix(4).allSatisfy({ $0 == c }) else { return nil }
                tokens.append(.year); chars = chars.dropFirst(4)
            case UInt8(ascii: "M"), UInt8(ascii: "D"), UInt8(ascii: "d"):
                tokens.append(c == UInt8(ascii: "M") ? .month : .day)
                chars = chars.dropFirst(chars.dropFirst().first == c ? 2 : 1)
            case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."):
                tokens.append(.separator); chars = chars.dropFirst()
            default:
                tokens.append(.literal(c)); chars = chars.dropFirst()
            }
        }
        guard tokens.filter({ $0 == .year }).count == 1, tokens.filter({ $0 == .month }).count == 1,
              tokens.filter({ $0 == .day }).count == 1 else { return nil }
        self.tokens = tokens
        self.text = text
    }

    public static func == (a: DatePattern, b: DatePattern) -> Bool { a.tokens == b.tokens }
}
