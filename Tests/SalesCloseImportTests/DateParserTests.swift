import SalesCloseCore
import Testing
@testable import SalesCloseImport

@Suite struct DateParserTests {
    func parse(_ text: String, _ parser: DateParser = .yearFirst) -> Result<Day, DateParser.Failure> {
        var t = text
        return t.withUTF8 { parser.parse(UnsafeRawBufferPointer($0)) }
    }
    func day(_ y: Int, _ m: Int, _ d: Int) -> Result<Day, DateParser.Failure> { .success(Day(year: y, month: m, day: d)!) }

    @Test func yearFirstFormatsWithAndWithoutTime() {
        #expect(parse("2025-01-31") == day(2025, 1, 31))
        #expect(parse("2025/01/31") == day(2025, 1, 31))
        #expect(parse("2020/2/21") == day(2020, 2, 21))
        #expect(parse("2020/2/21 0:00") == day(2020, 2, 21))
        #expect(parse("2025-01-31 13:05:09") == day(2025, 1, 31))
        #expect(parse("2025-01-31T13:05:09") == day(2025, 1, 31))
    }

    @Test func configuredPatterns() throws {
        let german = try #require(DateParser(pattern: "DD.MM.YYYY"))
        #expect(parse("31.01.2025", german) == day(2025, 1, 31))
        #expect(parse("1.2.2025", german) == day(2025, 2, 1))
        let american = try #require(DateParser(pattern: "MM/DD/YYYY"))
        #expect(parse("02/01/2025", american) == day(2025, 2, 1))
        // One format per column: a year-first value does not fit a day-first pattern.
        #expect(parse("2025-01-31", german) == .failure(.notADate))
        #expect(DateParser(pattern: "DD.MM") == nil)
    }

    @Test func leapDaysAndImpossibleDays() {
        #expect(parse("2024-02-29") == day(2024, 2, 29))
        #expect(parse("2025-02-29") == .failure(.noSuchDay))
        #expect(parse("2026-02-30") == .failure(.noSuchDay))
        #expect(parse("2000-02-29") == day(2000, 2, 29))
        #expect(parse("1900-02-29") == .failure(.noSuchDay))
        #expect(parse("2025-13-01") == .failure(.noSuchDay))
    }

    @Test func badDates() {
        #expect(parse("") == .failure(.empty))
        #expect(parse("31/01/2025") == .failure(.notADate))
        #expect(parse("2025-01") == .failure(.notADate))
        #expect(parse("yesterday") == .failure(.notADate))
        #expect(parse("2025-01-31x") == .failure(.notADate))
    }
}
