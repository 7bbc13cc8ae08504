import Testing
import PropertyBased
@testable import SalesCloseCore
import SalesCloseWriters

@Suite struct BacklogTests {
    private let january = Month(year: 2026, month: 1)

    /// "month level key: opening new shipped cancelled closing book_to_bill" of every row.
    private func rows(_ report: BacklogReport, _ data: SalesData, level: ActualsLevel = .total) -> [String] {
        report.rows.filter { $0.level == level }.map { r in
            "\(r.month) \(r.level.text(of: r.key, names: data.names)): \(r.opening) \(r.newOrders) \(r.shipped) "
                + "\(r.cancelled) \(r.closing) \(r.bookToBill.map { String($0) } ?? "-")"
        }
    }

    private func backlog(_ data: SalesData, _ period: Month) -> BacklogReport {
        BacklogReport(data: data, matching: ShipmentMatching(data: data), period: period)
    }

    @Test func aShipmentOnTheLastDayOfAMonthCountsInThatMonthAndOneOnTheFirstDayInTheNext() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", ordered: "2026-01-15", quantity: 10, amount: 1000_00)
        b.ship("O1", "1", on: "2026-01-31", quantity: 5)
        b.ship("O1", "1", on: "2026-02-01", quantity: 5)
        let report = backlog(b.data, january.advanced(by: 2))
        #expect(rows(report, b.data) == [
            "2026-01 total: 0.00 1000.00 500.00 0.00 500.00 2.0",
            "2026-02 total: 500.00 0.00 500.00 0.00 0.00 0.0",
        ])
        #expect(report.closingTotal == .zero)
    }

    @Test func aPartialShipmentLeavesTheRestOpenAndEveryLevelHasItsRows() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", customer: "C1", region: "North", salesperson: "Ann", ordered: "2026-01-10",
               quantity: 4, amount: 400_00)
        b.line("O2", "1", customer: "C2", region: "South", salesperson: "Ann", ordered: "2026-01-12",
               quantity: 1, amount: 50_00)
        b.ship("O1", "1", on: "2026-01-20", quantity: 1)
        let report = backlog(b.data, january)
        #expect(rows(report, b.data) == ["2026-01 total: 0.00 450.00 100.00 0.00 350.00 4.5"])
        #expect(rows(report, b.data, level: .region) == [
            "2026-01 North: 0.00 400.00 100.00 0.00 300.00 4.0", "2026-01 South: 0.00 50.00 0.00 0.00 50.00 -",
        ])
        #expect(rows(report, b.data, level: .salesperson) == ["2026-01 Ann: 0.00 450.00 100.00 0.00 350.00 4.5"])
        #expect(rows(report, b.data, level: .customer) == [
            "2026-01 C1: 0.00 400.00 100.00 0.00 300.00 4.0", "2026-01 C2: 0.00 50.00 0.00 0.00 50.00 -",
        ])
        #expect(report.closingTotal == cents(350_00))
    }

    @Test func aCancelledLineEntersAndLeavesInItsOrderMonthAndItsShipmentIsNotShipped() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", ordered: "2026-01-10", quantity: 2, amount: 300_00, cancelled: true)
        b.line("O1", "2", ordered: "2026-01-10", quantity: 1, amount: 100_00)
        b.ship("O1", "1", on: "2026-02-03", quantity: 2)
        let report = backlog(b.data, january.advanced(by: 1))
        #expect(rows(report, b.data) == [
            "2026-01 total: 0.00 400.00 0.00 300.00 100.00 -",
            "2026-02 total: 100.00 0.00 0.00 0.00 100.00 -",
        ])
    }

    @Test func aReturnLineIsNotBacklog() {
        var b = OrderToCashDataBuilder()
        b.line("R1", "1", ordered: "2026-01-10", quantity: -2, amount: -80_00)
        b.ship("R1", "1", on: "2026-01-12", quantity: -2)
        #expect(backlog(b.data, january).rows.isEmpty)
    }

    @Test func aShipmentDatedBeforeItsOrderShipsInTheOrderMonth() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", ordered: "2026-02-02", quantity: 1, amount: 100_00)
        b.ship("O1", "1", on: "2026-01-28", quantity: 1)
        #expect(rows(backlog(b.data, january.advanced(by: 1)), b.data) == ["2026-02 total: 0.00 100.00 100.00 0.00 0.00 1.0"])
    }

    @Test func eventsAfterThePeriodAreIgnored() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", ordered: "2026-01-10", quantity: 1, amount: 100_00)
        b.line("O2", "1", ordered: "2026-02-10", quantity: 1, amount: 70_00)
        b.ship("O1", "1", on: "2026-02-01", quantity: 1)
        let report = backlog(b.data, january)
        #expect(rows(report, b.data) == ["2026-01 total: 0.00 100.00 0.00 0.00 100.00 -"])
        #expect(report.closingTotal == cents(100_00))
    }

    @Test func theTableHasTheSpecColumnsAndMonthEndsIncludeALeapDay() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", ordered: "2024-02-29", quantity: 1, amount: 100_00)
        let table = backlog(b.data, Month(year: 2024, month: 2)).table(names: b.data.names)
        #expect(table.name == "backlog")
        #expect(table.columns.map(\.name) == ["month_end", "level", "key", "opening", "new_orders", "shipped",
                                              "cancelled", "closing", "book_to_bill"])
        #expect(table.rows.first == [.day(isoDay("2024-02-29")), .text("total"), .text("total"), .money(.zero),
                                     .money(cents(100_00)), .money(.zero), .money(.zero), .money(cents(100_00)), .empty])
        #expect(table.rows.count == 4)
    }

    @Test func closingIsTheNextOpeningAndTheLevelsAddUpForEveryMonth() async {
        await propertyCheck(count: 300, input: RandomOrderToCashData.generator, Gen.int(in: 0...7)) { data, offset in
            let period = RandomOrderToCashData.firstMonth.advanced(by: offset)
            let matching = ShipmentMatching(data: data)
            let report = BacklogReport(data: data, matching: matching, period: period)

            var series: [LevelKey: [BacklogReport.Row]] = [:]
            for row in report.rows { series[LevelKey(level: row.level, key: row.key), default: []].append(row) }
            for rows in series.values {
                #expect(rows.first?.opening == .zero)
                for (previous, next) in zip(rows, rows.dropFirst()) {
                    let expected = next.month == previous.month.advanced(by: 1) ? previous.closing : .zero
                    #expect(next.opening == expected)
                    #expect(next.month == previous.month.advanced(by: 1) || previous.closing == .zero)
                }
                if let last = rows.last, last.month < period { #expect(last.closing == .zero) }
                #expect(rows.allSatisfy { $0.month <= period })
            }

            // Every line has a region, salesperson and customer: each level sums to the total.
            for month in Set(report.rows.map(\.month)) {
                let ofMonth = report.rows.filter { $0.month == month }
                func sum(_ level: ActualsLevel, _ figure: (BacklogReport.Row) -> Money) -> Money {
                    ofMonth.filter { $0.level == level }.reduce(.zero) { $0 + figure($1) }
                }
                for level in [ActualsLevel.region, .salesperson, .customer] {
                    for figure: (BacklogReport.Row) -> Money in [\.opening, \.newOrders, \.shipped, \.cancelled, \.closing] {
                        #expect(sum(level, figure) == sum(.total, figure))
                    }
                }
            }

            // The company closing is the value ordered and not yet shipped, line by line.
            var open = Money.zero
            for line in data.orderLines where line.isDeliverable && line.orderDate.month <= period { open += line.amount }
            for a in matching.allocations where a.date.month <= period { open -= a.value }
            #expect(report.closingTotal == open)
            let totalClosing = report.rows.last { $0.level == .total && $0.month == period }?.closing ?? .zero
            #expect(totalClosing == open)
        }
    }
}
