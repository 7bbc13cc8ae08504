import SalesCloseCore

/// Calendar arithmetic on day numbers (days since 1970-01-01), on the core's `Day`: pure
/// integer maths, so no time zone or locale can change a generated date.
enum CivilCalendar {
    /// The day number of a calendar date.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        Int(Day(year: year, month: month, day: day)!.daysSinceEpoch)
    }

    /// The calendar date of a day number.
    static func date(_ dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        Day(daysSinceEpoch: Int32(dayNumber)).components
    }

    /// 0 = Monday … 6 = Sunday.
    static func weekday(_ dayNumber: Int) -> Int {
        ((dayNumber + 3) % 7 + 7) % 7
    }
}
