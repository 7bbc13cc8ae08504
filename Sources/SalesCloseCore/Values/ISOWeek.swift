/// An ISO 8601 week (Monday to Sunday; week 1 holds the year's first Thursday), `2026-W07`.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The Monday the week starts on.
    public let monday: Day

    public init(containing day: Day) {
        monday = day.adding(days: -day.isoWeekdayIndex)
    }

    /// The ISO year: the year of the week's Thursday.
    public var year: Int { monday.adding(days: 3).components.year }
    /// 1…53.
    public var number: Int {
        let thursday = monday.adding(days: 3)
        return thursday.days(since: Day(year: thursday.components.year, month: 1, day: 1)!) / 7 + 1
    }

    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { a.monday < b.monday }

    public var description: String { pad(year, 4) + "-W" + pad(number, 2) }
}

extension Day {
    /// 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
    public var isoWeekdayIndex: Int { ((Int(daysSinceEpoch) + 3) % 7 + 7) % 7 }
}
