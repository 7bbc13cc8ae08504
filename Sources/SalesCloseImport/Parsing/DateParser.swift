import Foundation
import SalesCloseConfiguration
import SalesCloseCore

/// Parses dates straight from bytes with one format per column, never guessed row by row.
///
/// The default format reads year-first dates: `2025-01-31`, `2025/1/31`, `2025.01.31`. A pattern
/// such as `DD.MM.YYYY` or `MM/DD/YYYY` reads day- or month-first dates; `D`/`M` accept one or two
/// digits either way.
///
/// A time may follow the date, after a space or `T`: `2020/2/21 0:00`, `2025-01-31T13:05:09.250`,
/// with an optional UTC offset: `2021-05-13 11:01:12 +0200`, `2025-09-01T13:37:00Z`, `…+08:00`,
/// `…-05`. The day is the calendar date as written (the source's local time) unless `timeZone`
/// is set: then a timestamp with an offset is converted to that zone first (one without an offset
/// is taken as already in it).
public struct DateParser: Sendable {
    public enum Failure: Error, Equatable { case empty, notADate, noSuchDay }

    let tokens: [DatePattern.Token]
    /// The pattern as configured (for messages).
    public let pattern: String

    /// Year-first dates with `-`, `/` or `.` between the parts.
    public static let yearFirst = DateParser(DatePattern.yearFirst)

    /// The zone timestamps with an offset are converted to (`timezone = "Asia/Shanghai"`); nil = as written.
    let timeZone: TimeZone?

    /// Whether the pattern is the default, whose usual form `YYYY-MM-DD` `parse` reads first.
    let isYearFirst: Bool

    public init(_ pattern: DatePattern, timeZone: TimeZone? = nil) {
        tokens = pattern.tokens; self.pattern = pattern.text; self.timeZone = timeZone
        isYearFirst = pattern.tokens == DatePattern.yearFirst.tokens
    }

    /// nil if the pattern lacks a year, month or day part (see `DatePattern`).
    public init?(pattern: String) {
        guard let p = DatePattern(pattern) else { return nil }
        self.init(p)
    }

    public func parse(_ field: UnsafeRawBufferPointer) -> Result<Day, Failure> {
        var lo = 0, hi = field.count
        trimSpaces(field, &lo, &hi)
        if lo == hi { return .failure(.empty) }
        if isYearFirst, hi - lo == 10, let parts = Self.isoParts(field, lo) {
            guard let d = Day(year: parts.year, month: parts.month, day: parts.day) else { return .failure(.noSuchDay) }
            return .success(d)
        }
        var year = 0, month = 0, day = 0
        var i = lo
        for token in tokens {
            switch token {
            case .separator:
                guard i < hi else { return .failure(.notADate) }
                let b = field[i]
                guard Self.isSeparator(b) else { return .failure(.notADate) }
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
        var time: TimeOfDay?
        if i < hi {
            guard field[i] == UInt8(ascii: " ") || field[i] == UInt8(ascii: "T"), i + 1 < hi,
                  let t = Self.time(field, from: i + 1, to: hi) else { return .failure(.notADate) }
            time = t
        }
        guard let d = Day(year: year, month: month, day: day) else { return .failure(.noSuchDay) }
        guard let timeZone, let time, let offset = time.offsetSeconds else { return .success(d) }
        // The instant in UTC, then the calendar date in the configured zone.
        let utc = Int(d.daysSinceEpoch) * 86_400 + time.seconds - offset
        let local = utc + timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc)))
        return .success(Day(daysSinceEpoch: Int32(local.floorDivided(by: 86_400))))
    }
}

extension DateParser {
    /// What may stand between a date's parts: `-`, `/` or `.`.
    @inline(__always)
    static func isSeparator(_ b: UInt8) -> Bool { b == UInt8(ascii: "-") || b == UInt8(ascii: "/") || b == UInt8(ascii: ".") }

    /// The parts of the ten bytes at `lo` when they are `YYYY?MM?DD` with `-`, `/` or `.` for
    /// each `?`: what the year-first pattern reads from them (no time can follow in ten bytes).
    @inline(__always)
    static func isoParts(_ f: UnsafeRawBufferPointer, _ lo: Int) -> (year: Int, month: Int, day: Int)? {
        func digit(_ k: Int) -> Int? { isDigit(f[lo + k]) ? Int(f[lo + k] - 48) : nil }
        guard isSeparator(f[lo + 4]), isSeparator(f[lo + 7]), let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
              let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9) else { return nil }
        return (y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1, d0 * 10 + d1)
    }

    /// A time of day and its UTC offset, if written.
    struct TimeOfDay: Equatable {
        var seconds: Int
        var offsetSeconds: Int?
    }

    /// `H:MM`, `HH:MM:SS`, `HH:MM:SS.fff` (any number of fraction digits), then optionally spaces
    /// and `Z`, `UTC`, or `+HH`, `+HHMM`, `+HH:MM` (or `-`); nil when anything else follows.
    static func time(_ f: UnsafeRawBufferPointer, from: Int, to hi: Int) -> TimeOfDay? {
        var i = from
        func number(maxDigits: Int) -> (value: Int, digits: Int) {
            var value = 0, digits = 0
            while i < hi, digits < maxDigits, isDigit(f[i]) { value = value * 10 + Int(f[i] - 48); digits += 1; i += 1 }
            return (value, digits)
        }
        let hour = number(maxDigits: 2)
        guard hour.digits >= 1, hour.value < 24, i < hi, f[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        let minute = number(maxDigits: 2)
        guard minute.digits == 2, minute.value < 60 else { return nil }
        var second = 0
        if i < hi, f[i] == UInt8(ascii: ":") {
            i += 1
            let s = number(maxDigits: 2)
            guard s.digits == 2, s.value <= 60 else { return nil }
            second = s.value
            if i < hi, f[i] == UInt8(ascii: ".") || f[i] == UInt8(ascii: ",") {
                i += 1
                let start = i
                while i < hi, isDigit(f[i]) { i += 1 }
                guard i > start else { return nil }
            }
        }
        var time = TimeOfDay(seconds: hour.value * 3600 + minute.value * 60 + second, offsetSeconds: nil)
        while i < hi, f[i] == UInt8(ascii: " ") { i += 1 }
        if i == hi { return time }
        if f[i] == UInt8(ascii: "Z") || f[i] == UInt8(ascii: "z") {
            i += 1
            time.offsetSeconds = 0
        } else if hi - i == 3, f[i] == UInt8(ascii: "U"), f[i + 1] == UInt8(ascii: "T"), f[i + 2] == UInt8(ascii: "C") {
            i += 3
            time.offsetSeconds = 0
        } else if f[i] == UInt8(ascii: "+") || f[i] == UInt8(ascii: "-") {
            let sign = f[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            let h = number(maxDigits: 2)
            guard h.digits == 2, h.value <= 14 else { return nil }
            if i < hi, f[i] == UInt8(ascii: ":") { i += 1 }
            var m = 0
            if i < hi {
                let mm = number(maxDigits: 2)
                guard mm.digits == 2, mm.value < 60 else { return nil }
                m = mm.value
            }
            time.offsetSeconds = sign * (h.value * 3600 + m * 60)
        }
        return i == hi ? time : nil
    }
}

private extension Int {
    func floorDivided(by d: Int) -> Int { self >= 0 ? self / d : -((-self + d - 1) / d) }
}
