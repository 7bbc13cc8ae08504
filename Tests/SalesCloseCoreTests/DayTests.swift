import Testing
@testable import SalesCloseCore

@Suite struct DayTests {
    /// Every day of years 1…9999 gives back the year, month and day it was made from (the day
    /// number comes from Hinnant's days_from_civil, the fields from Neri–Schneider), and the
    /// fields advance one day at a time.
    @Test func everyDayOfTheCalendarRoundTrips() {
        let first = Day(year: 1, month: 1, day: 1)!, last = Day(year: 9999, month: 12, day: 31)!
        var expected = (year: 1, month: 1, day: 1)
        var failures = 0
        for n in first.daysSinceEpoch...last.daysSinceEpoch {
            let c = Day(daysSinceEpoch: n).components
            if c != expected { failures += 1 }
            if expected.day < Day.daysIn(year: expected.year, month: expected.month) { expected.day += 1 }
            else if expected.month < 12 { expected = (expected.year, expected.month + 1, 1) }
            else { expected = (expected.year + 1, 1, 1) }
        }
        #expect(failures == 0)
        #expect(Day(year: 2024, month: 2, day: 29)!.components == (2024, 2, 29))
        #expect(Day(daysSinceEpoch: 0).components == (1970, 1, 1))
        #expect(Day(daysSinceEpoch: -1).components == (1969, 12, 31))
        #expect(Day(year: 2000, month: 3, day: 1)!.month == Month(year: 2000, month: 3))
    }
}
