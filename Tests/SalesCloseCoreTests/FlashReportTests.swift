import Testing
@testable import SalesCloseCore

/// A three-day March 2026 (Sun 1st to Tue 3rd) for Ann in North, checked by hand.
/// Last year's same weekdays: 2025-03-03 (Mon) 100.00, 2025-03-04 (Tue) 100.00, 2025-03-17 (Mon)
/// 200.00, aligned 364 days later with 2026-03-02, 03-03 and 03-16. February 2026: 02-02 200.00;
/// 02-24 (Tue) two orders, 150.00 + 250.00. March: 03-01 300.00 (P1, C1); 03-02 200.00 (P1, C1)
/// and 300.00 (P2, C2); 03-03 700.00 (P2, C3). The company's March target is 4 000.00.
@Suite struct FlashReportTests {
    static func data() -> SalesDataBuilder {
        var b = SalesDataBuilder()
        func add(_ day: String, _ amount: Int64, _ customer: String, _ sku: String = "P1") {
            b = b.line(day, amount: amount, customer: customer, sku: sku, region: "North", salesperson: "Ann")
        }
        add("2025-03-03", 10_000, "C9"); add("2025-03-04", 10_000, "C9"); add("2025-03-17", 20_000, "C9")
        add("2026-02-02", 20_000, "C1"); add("2026-02-24", 15_000, "C1"); add("2026-02-24", 25_000, "C2")
        add("2026-03-01", 30_000, "C1"); add("2026-03-02", 20_000, "C1"); add("2026-03-02", 30_000, "C2", "P2")
        add("2026-03-03", 70_000, "C3", "P2")
        return b
    }

    func flash(_ settings: FlashSettings) -> (FlashReport, SalesDataBuilder) {
        let b = Self.data()
        let plan = TargetPlan(rows: [TargetRow(period: .month(month("2026-03")), value: 400_000, line: 2)],
                              data: b.data, actuals: b.actuals)
        return (FlashReport(data: b.data, plan: plan, asOf: Day(year: 2026, month: 3, day: 3)!, settings: settings), b)
    }

    /// Daily targets by last year's weekdays: 1 000.00 on 03-02 and 03-03, 2 000.00 on 03-16.
    /// MTD target 2 000.00, actual 1 500.00 (75 %); projection 1 500.00 ÷ (200 ÷ 400 of the
    /// pattern) = 3 000.00 (75 % of target); run-rate 1 500.00 ÷ 3 × 31 = 15 500.00.
    @Test func priorYearSpreadAndProjection() {
        let (f, _) = flash(FlashSettings(spread: .priorYear))
        let total = f.rows.first { $0.level == .total }!
        #expect(total.spread == .priorYear)
        #expect(total.monthTarget?.minorUnits == 400_000)
        #expect(total.mtdTarget?.minorUnits == 200_000)
        #expect(total.mtd.revenue.minorUnits == 150_000 && total.mtd.orderCount == 4 && total.mtd.customerCount == 3)
        #expect(total.achievement == 0.75)
        #expect(total.projection.minorUnits == 300_000 && total.projectedAchievement == 0.75)
        #expect(total.runRate.minorUnits == 1_550_000)
        let days = f.days.filter { $0.level == .total }
        #expect(days.count == 31)
        #expect(days.compactMap { $0.target?.minorUnits }.filter { $0 > 0 } == [100_000, 100_000, 200_000])
        #expect(days[15].target?.minorUnits == 200_000 && days[15].actual == nil)
        #expect(days[2].cumulativeTarget?.minorUnits == 200_000 && days[2].cumulativeActual?.minorUnits == 150_000)
        #expect(days.last?.cumulativeTarget?.minorUnits == 400_000)
        // The target reaches Ann through North.
        #expect(f.rows.first { $0.level == .salesperson }?.mtdTarget?.minorUnits == 200_000)
    }

    /// Working days with 03-02 a holiday: 21 days; 4 000.00 ÷ 21 = 190.476…, the first 13 working
    /// days take 190.48 and the rest 190.47. MTD (03-03 the only working day so far) 190.48;
    /// projection 1 500.00 × 21 = 31 500.00.
    @Test func workingDaysSpreadWithAHoliday() {
        let (f, _) = flash(FlashSettings(spread: .workingDays, holidays: [Day(year: 2026, month: 3, day: 2)!]))
        let total = f.rows.first { $0.level == .total }!
        #expect(total.spread == .workingDays)
        #expect(total.mtdTarget?.minorUnits == 19_048)
        #expect(total.projection.minorUnits == 3_150_000)
        let targets = f.days.filter { $0.level == .total }.map { $0.target!.minorUnits }
        #expect(targets.filter { $0 > 0 }.count == 21)
        #expect(targets.filter { $0 == 19_048 }.count == 13)
        #expect(targets.reduce(0, +) == 400_000)
        #expect(targets[0] == 0 && targets[1] == 0 && targets[6] == 0)   // Sunday, the holiday, Saturday
    }

    /// Tuesday 03-03 against Tuesday 02-24 and Tuesday 2025-03-04; week to date (Mon–Tue) against
    /// the same two days a week earlier.
    @Test func sameWeekdayComparisonsAndWeekToDate() {
        let (f, _) = flash(FlashSettings())
        let total = f.rows.first { $0.level == .total }!
        #expect(total.day == DailyFigures(revenue: Money(minorUnits: 70_000), orderCount: 1, customerCount: 1))
        #expect(total.day.averageOrderValue?.minorUnits == 70_000)
        #expect(total.sameWeekdayLastWeek == DailyFigures(revenue: Money(minorUnits: 40_000), orderCount: 2, customerCount: 2))
        #expect(total.sameWeekdayLastWeek.averageOrderValue?.minorUnits == 20_000)
        #expect(total.sameWeekdayLastYear == DailyFigures(revenue: Money(minorUnits: 10_000), orderCount: 1, customerCount: 1))
        #expect(total.weekToDate == DailyFigures(revenue: Money(minorUnits: 120_000), orderCount: 3, customerCount: 3))
        #expect(total.weekToDateLastWeek.revenue.minorUnits == 40_000)
    }

    /// Against 1–3 February: P2 +1 000.00, P1 +300.00; C3 +700.00, then C1 and C2 +300.00 by key.
    @Test func topMoversAgainstTheSameDaysLastMonth() {
        let (f, b) = flash(FlashSettings())
        let skus = f.movers.filter { $0.level == .sku }
        #expect(skus.map(\.key) == [b.id(.sku, "P2"), b.id(.sku, "P1")])
        #expect(skus.map(\.change.minorUnits) == [100_000, 30_000])
        #expect(f.movers.filter { $0.level == .customer }.map(\.key) == ["C3", "C1", "C2"].map { b.id(.customer, $0) })
        #expect(f.movers.filter { $0.level == .salesperson }.map(\.change.minorUnits) == [130_000])
    }
}
