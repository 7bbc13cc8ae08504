import Foundation
import SalesCloseCore
import PropertyBased
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

    /// `YYYY-MM-DD` is read by a fast path; with a time after it, the general one reads it.
    /// Both must agree on every year, month and day, impossible ones and any separator included.
    @Test func tenByteDatesReadAsTheSameDateWithATime() async {
        await propertyCheck(input: Gen.int(in: 0...9999), Gen.int(in: 0...19), Gen.int(in: 0...39), Gen.int(in: 0...8)) { y, m, d, seps in
            let separators: [Character] = ["-", "/", "."]
            let (a, b) = (separators[seps % 3], separators[seps / 3])
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            let year = String(repeating: "0", count: 4 - String(y).count) + String(y)
            let text = "\(year)\(a)\(two(m))\(b)\(two(d))"
            #expect(parse(text) == parse(text + " 0:00"), "\(text)")
            if let day = Day(year: y, month: m, day: d) { #expect(parse(text) == .success(day)) }
        }
    }
}

@Suite struct TimestampTests {
    func parse(_ text: String, _ parser: DateParser = .yearFirst) -> Result<Day, DateParser.Failure> {
        var t = text
        return t.withUTF8 { parser.parse(UnsafeRawBufferPointer($0)) }
    }
    func day(_ y: Int, _ m: Int, _ d: Int) -> Result<Day, DateParser.Failure> { .success(Day(year: y, month: m, day: d)!) }

    @Test func offsetsZuluAndFractionsGiveTheDateAsWritten() {
        #expect(parse("2021-05-13 11:01:12 +0200") == day(2021, 5, 13))
        #expect(parse("2025-09-01T13:37:00Z") == day(2025, 9, 1))
        #expect(parse("2025-09-01T23:37:00+08:00") == day(2025, 9, 1))
        #expect(parse("2025-09-01T23:37:00.123456+05:30") == day(2025, 9, 1))
        #expect(parse("2025-09-01T23:37+05:30") == day(2025, 9, 1))
        #expect(parse("2025-09-01 00:15:00 -05") == day(2025, 9, 1))
        #expect(parse("2025-09-01 00:15:00 UTC") == day(2025, 9, 1))
        #expect(parse("2025-09-01 7:05") == day(2025, 9, 1))
    }

    @Test func malformedTimesAreNotDates() {
        #expect(parse("2025-09-01 25:00") == .failure(.notADate))
        #expect(parse("2025-09-01 12") == .failure(.notADate))
        #expect(parse("2025-09-01T12:00:00+2") == .failure(.notADate))
        #expect(parse("2025-09-01T12:00:00 +0200 CEST") == .failure(.notADate))
        #expect(parse("2025-09-01T") == .failure(.notADate))
        #expect(parse("2025-02-30 10:00") == .failure(.noSuchDay))
    }

    @Test func aConfiguredZoneConvertsTimestampsWithAnOffset() throws {
        let shanghai = DateParser(.yearFirst, timeZone: try #require(TimeZone(identifier: "Asia/Shanghai")))
        // 23:30 in New York on 30 September is 11:30 on 1 October in Shanghai.
        #expect(parse("2026-09-30 23:30:00 -0400", shanghai) == day(2026, 10, 1))
        #expect(parse("2026-09-30T15:59:59Z", shanghai) == day(2026, 9, 30))
        #expect(parse("2026-09-30T16:00:00Z", shanghai) == day(2026, 10, 1))
        // Without an offset the value is taken as Shanghai time already.
        #expect(parse("2026-09-30 23:30:00", shanghai) == day(2026, 9, 30))
        #expect(parse("2026-09-30", shanghai) == day(2026, 9, 30))
        // Daylight saving: Berlin is UTC+2 in July, UTC+1 in January.
        let berlin = DateParser(.yearFirst, timeZone: try #require(TimeZone(identifier: "Europe/Berlin")))
        #expect(parse("2026-07-01T22:30:00Z", berlin) == day(2026, 7, 2))
        #expect(parse("2026-01-01T22:30:00Z", berlin) == day(2026, 1, 1))
        // Before 1970.
        #expect(parse("1969-12-31T23:00:00-02:00", berlin) == day(1970, 1, 1))
    }
}
