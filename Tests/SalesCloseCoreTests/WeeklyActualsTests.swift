import Testing
@testable import SalesCloseCore

@Suite struct WeeklyActualsTests {
    func week(_ y: Int, _ m: Int, _ d: Int) -> String { ISOWeek(containing: Day(year: y, month: m, day: d)!).description }

    @Test func isoWeeksAtYearEdges() {
        #expect(week(2026, 1, 1) == "2026-W01")     // a Thursday
        #expect(week(2025, 12, 29) == "2026-W01")   // its Monday, still in 2025
        #expect(week(2021, 1, 3) == "2020-W53")     // a Sunday before 2021's first Thursday
        #expect(week(2026, 2, 9) == "2026-W07")     // Monday
        #expect(week(2026, 2, 15) == "2026-W07")    // Sunday
        #expect(week(2026, 2, 16) == "2026-W08")
        #expect(Day(year: 2026, month: 2, day: 9)!.isoWeekdayIndex == 0)
    }

    /// Two orders of C1 in W07 (one of two lines), one of C2 in W08; a cancelled line counts nowhere.
    @Test func figuresPerWeekWithDistinctOrdersAndCustomers() {
        var b = SalesDataBuilder()
        b = b.line("2026-02-09", amount: 10_000, region: "North", order: "A")
        b = b.line("2026-02-09", amount: 5_000, sku: "P2", region: "North", order: "A")
        b = b.line("2026-02-15", amount: 2_000, region: "North", order: "B")
        b = b.line("2026-02-16", amount: 7_000, customer: "C2", region: "North", order: "C")
        b = b.line("2026-02-16", amount: 9_000, customer: "C2", region: "North", order: "D", cancelled: true)
        let weekly = WeeklyActuals(data: b.data)
        let w07 = weekly.figures(.total, 0, ISOWeek(containing: Day(year: 2026, month: 2, day: 11)!))!
        #expect(w07.revenue.minorUnits == 17_000 && w07.orderCount == 2 && w07.customerCount == 1)
        let w08 = weekly.figures(.region, b.id(.region, "North"), ISOWeek(containing: Day(year: 2026, month: 2, day: 16)!))!
        #expect(w08.revenue.minorUnits == 7_000 && w08.orderCount == 1)
        #expect(weekly.table(names: b.data.names).rows.first?.first == .text("2026-W07"))
    }
}
