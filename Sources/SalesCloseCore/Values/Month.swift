/// A calendar month, stored as `year * 12 + (month - 1)` so months subtract and compare as integers.
public struct Month: Hashable, Comparable, Sendable, Strideable, CustomStringConvertible {
    public var index: Int32

    public init(index: Int32) { self.index = index }
    public init(year: Int, month: Int) { index = Int32(year * 12 + month - 1) }

    /// Parses `YYYY-MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
              (1...12).contains(m) else { return nil }
        self.init(year: y, month: m)
    }

    public var year: Int { Int(index) / 12 }
    public var month: Int { Int(index) % 12 + 1 }
    public var quarter: Int { (month - 1) / 3 + 1 }
    public var firstDay: Day { Day(year: year, month: month, day: 1)! }
    public var lastDay: Day { Day(year: year, month: month, day: Day.daysIn(year: year, month: month))! }
    /// The first month of this month's quarter.
    public var quarterStart: Month { Month(year: year, month: (quarter - 1) * 3 + 1) }
    /// January of this month's year.
    public var yearStart: Month { Month(year: year, month: 1) }

    public static func < (a: Month, b: Month) -> Bool { a.index < b.index }
    public func advanced(by n: Int) -> Month { Month(index: index + Int32(n)) }
    public func distance(to other: Month) -> Int { Int(other.index - index) }

    /// `YYYY-MM`.
    public var description: String { pad(year, 4) + "-" + pad(month, 2) }
}
