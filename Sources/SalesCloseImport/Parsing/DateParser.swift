import SalesCloseConfiguration
import SalesCloseCore

/// Parses dates straight from bytes with one format per column, never guessed row by row.
///
/// The default format reads year-first dates: `2025-01-31`, `2025/1/31`, `2025.01.31`. A pattern
/// such as `DD.MM.YYYY` or `MM/DD/YYYY` reads day- or month-first dates; `D`/`M` accept one or two
/// digits either way. Any time after the date (`2020/2/21 0:00`, `2025-01-31T13:05:09`) is ignored.
public struct DateParser: Sendable {
    public enum Failure: Error, Equatable { case empty, notADate, noSuchDay }

    let tokens: [DatePattern.Token]
    /// The pattern as configured (for messages).
    public let pattern: String

    /// Year-first dates with `-`, `/` or `.` between the parts.
    public static let yearFirst = DateParser(DatePattern.yearFirst)

    public init(_ pattern: DatePattern) { tokens = pattern.tokens; self.pattern = pattern.text }

    /// nil if the pattern lacks a year, month or day part (see `DatePattern`).
    public init?(pattern: String) {
        guard let p = DatePattern(pattern) else { return nil }
        self.init(p)
    }

    public func parse(_ field: UnsafeRawBufferPointer) -> Result<Day, Failure> {
        var lo = 0, hi = field.count
        trimSpaces(field, &lo, &hi)
        if lo == hi { return .failure(.empty) }
        var year = 0, month = 0, day = 0
        var i = lo
        for token in tokens {
            switch token {
            case .separator:
                guard i < hi else { return .failure(.notADate) }
                let b = field[i]
                guard b == UInt8(ascii: "-") || b == UInt8(ascii: "/") || b == UInt8(ascii: ".") else { return .failure(.notADate) }
                i += 1
            case .literal(let c):
                guard i < hi, field[i] == c else { return .failure(.notADate) }
                i += 1
            case .year, .month, .day:
                let maxDigits = token == .year ? 4 : 2
                var value = 0, digits = 0
                while i < hi, digits < maxDigits, isDigit(field[i]) {
                    value = value * 10 + Int(field[i] - 48); digits += 1; i += 1
                }
                guard token == .year ? digits == 4 : digits >= 1 else { return .failure(.notADate) }
                switch token {
                case .year: year = value
                case .month: month = value
                default: day = value
                }
            }
        }
        // What follows must be a time: a space or `T`, then digits, `:` and `.` only.
        if i < hi {
            guard field[i] == UInt8(ascii: " ") || field[i] == UInt8(ascii: "T") else { return .failure(.notADate) }
            i += 1
            while i < hi {
                let b = field[i]
                guard isDigit(b) || b == UInt8(ascii: ":") || b == UInt8(ascii: ".") else { return .failure(.notADate) }
                i += 1
            }
        }
        guard let d = Day(year: year, month: month, day: day) else { return .failure(.noSuchDay) }
        return .success(d)
    }
}
