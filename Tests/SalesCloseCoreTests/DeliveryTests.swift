import Testing
@testable import SalesCloseCore
import SalesCloseWriters

@Suite struct DeliveryTests {
    private func delivery(_ data: SalesData, _ period: String) -> DeliveryReport {
        DeliveryReport(data: data, matching: ShipmentMatching(data: data), period: Month(period)!)
    }

    /// "month key: lines on_time late rate avg max orders partial" of every total row.
    private func totals(_ report: DeliveryReport) -> [String] {
        report.rows.filter { $0.level == .total }.map { r in
            let f = r.figures
            return "\(r.month): \(f.linesShipped) \(f.onTime) \(f.late) \(f.onTimeRate.map { String($0) } ?? "-") "
                + "\(f.averageDaysLate.map { String($0) } ?? "-") \(f.maxDaysLate) \(f.ordersShipped) \(f.partial)"
        }
    }

    @Test func aPartiallyShippedLineIsOnTimeOnlyWhenItsLastShipmentIsByThePromisedDate() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", ordered: "2026-01-02", promised: "2026-01-15", quantity: 10, amount: 100_00)
        b.line("O1", "2", ordered: "2026-01-02", promised: "2026-01-15", quantity: 2, amount: 20_00)
        b.ship("O1", "1", on: "2026-01-10", quantity: 6)
        b.ship("O1", "1", on: "2026-01-20", quantity: 4)
        b.ship("O1", "2", on: "2026-01-15", quantity: 2)
        let report = delivery(b.data, "2026-01")
        #expect(totals(report) == ["2026-01: 2 1 1 0.5 5.0 5 1 0"])
        #expect(report.periodTotal.onTimeRate == 0.5)
        #expect(report.overdueLines.isEmpty)
    }

    @Test func aLineStillPartialAtTheAsOfDayIsLateUntilThenAndListedAsOverdue() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", customer: "C7", sku: "P3", ordered: "2026-01-02", promised: "2026-01-20", quantity: 10, amount: 100_00)
        b.ship("O1", "1", on: "2026-01-18", quantity: 4)
        let report = delivery(b.data, "2026-01")
        #expect(totals(report) == ["2026-01: 1 0 1 0.0 11.0 11 1 1"])
        #expect(report.overdueLines == [DeliveryReport.OverdueLine(
            line: 0, daysOverdue: 11, shippedQuantity: Quantity(units: 4), openValue: cents(60_00))])
        #expect(report.overdueTable(data: b.data).rows == [[
            .text("O1"), .text("1"), .text("C7"), .empty, .text("P3"), .day(isoDay("2026-01-20")), .integer(11),
            .quantity(Quantity(units: 10)), .quantity(Quantity(units: 4)), .quantity(Quantity(units: 6)),
            .money(cents(60_00)),
        ]])
    }

    @Test func unshippedLinesPastTheirPromisedDateAreOverdueButNotShipped() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", ordered: "2026-01-02", promised: "2026-01-10", quantity: 1, amount: 10_00)
        b.line("O2", "1", ordered: "2026-01-02", promised: "2026-01-25", quantity: 1, amount: 10_00)
        b.line("O3", "1", ordered: "2026-01-02", promised: "2026-01-31", quantity: 1, amount: 10_00)
        b.line("O4", "1", ordered: "2026-01-02", promised: "2026-02-01", quantity: 1, amount: 10_00)
        let report = delivery(b.data, "2026-01")
        #expect(report.rows.isEmpty)
        #expect(report.periodTotal.onTimeRate == nil)
        #expect(report.overdueLines.map(\.daysOverdue) == [21, 6])
        #expect(report.overdueLines.map(\.line) == [0, 1])
    }

    @Test func daysLateCountTheLeapDay() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", ordered: "2024-02-01", promised: "2024-02-28", quantity: 1, amount: 10_00)
        b.line("O2", "1", ordered: "2024-02-01", promised: "2024-02-28", quantity: 1, amount: 10_00)
        b.line("O3", "1", ordered: "2024-02-01", promised: "2024-02-29", quantity: 1, amount: 10_00)
        b.ship("O1", "1", on: "2024-02-29", quantity: 1)
        b.ship("O2", "1", on: "2024-03-01", quantity: 1)
        b.ship("O3", "1", on: "2024-02-29", quantity: 1)
        #expect(totals(delivery(b.data, "2024-03")) == ["2024-02: 3 1 2 0.3333333333333333 1.5 2 3 0"])
    }

    @Test func cancelledReturnedAndUnpromisedLinesAreNotJudged() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", ordered: "2026-01-02", promised: "2026-01-05", quantity: 1, amount: 10_00, cancelled: true)
        b.line("O2", "1", ordered: "2026-01-02", promised: "2026-01-05", quantity: -1, amount: -10_00)
        b.line("O3", "1", ordered: "2026-01-02", quantity: 1, amount: 10_00)
        for order in ["O1", "O2", "O3"] { b.ship(order, "1", on: "2026-01-20", quantity: 1) }
        let report = delivery(b.data, "2026-01")
        #expect(report.rows.isEmpty)
        #expect(report.overdueLines.isEmpty)
    }

    @Test func rowsArePerMonthOfThePromisedDateAndLevelAndShipmentsAfterThePeriodDoNotCount() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", customer: "C1", region: "North", ordered: "2026-01-02", promised: "2026-01-30",
               quantity: 1, amount: 10_00)
        b.line("O2", "1", customer: "C2", region: "South", ordered: "2026-01-02", promised: "2026-02-03",
               quantity: 1, amount: 10_00)
        b.line("O3", "1", customer: "C2", region: "South", ordered: "2026-01-02", promised: "2026-02-03",
               quantity: 1, amount: 10_00)
        b.ship("O1", "1", on: "2026-02-02", quantity: 1)
        b.ship("O2", "1", on: "2026-02-02", quantity: 1)
        b.ship("O3", "1", on: "2026-03-01", quantity: 1)
        let report = delivery(b.data, "2026-02")
        #expect(report.rows.map { "\($0.month) \($0.level) \($0.level.text(of: $0.key, names: b.data.names))" } == [
            "2026-01 total total", "2026-01 region North", "2026-01 salesperson S1", "2026-01 customer C1",
            "2026-02 total total", "2026-02 region South", "2026-02 salesperson S1", "2026-02 customer C2",
        ])
        #expect(totals(report) == ["2026-01: 1 0 1 0.0 3.0 3 1 0", "2026-02: 1 1 0 1.0 - 0 1 0"])
        #expect(report.overdueLines.map(\.line) == [2])
    }

    @Test func theTableHasTheSpecColumnsFirstAndStatesTheRule() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", ordered: "2026-01-02", promised: "2026-01-15", quantity: 1, amount: 10_00)
        b.ship("O1", "1", on: "2026-01-15", quantity: 1)
        let table = delivery(b.data, "2026-01").table(names: b.data.names)
        #expect(table.name == "delivery")
        #expect(Array(table.columns.map(\.name).prefix(8)) == ["month", "level", "key", "lines_shipped", "on_time",
                                                                "late", "on_time_rate", "avg_days_late"])
        #expect(table.rows.first == [.month(Month(year: 2026, month: 1)), .text("total"), .text("total"), .integer(1),
                                     .integer(1), .integer(0), .rate(1), .empty, .integer(1), .empty, .integer(0),
                                     .text(DeliveryReport.onTimeRule)])
    }
}
