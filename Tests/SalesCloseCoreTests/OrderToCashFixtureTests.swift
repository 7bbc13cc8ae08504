import Testing
@testable import SalesCloseCore
import SalesCloseWriters

/// An export shaped like the foundation issue's foreign example (classicmodels: orders with
/// requiredDate, shippedDate and status; orderdetails lines; one shipment per line on the order's
/// shippedDate; payments per customer with a check number and no order), closed for March 2026.
/// Every expectation below is computed by hand in the comments.
@Suite struct OrderToCashFixtureTests {
    private let period = Month(year: 2026, month: 3)
    private let data: SalesData
    private let matching: ShipmentMatching

    init() {
        var b = OrderToCashDataBuilder()
        b.customer("103", name: "Atelier graphique", creditLimit: 21_000_00)
        b.customer("112", name: "Signal Gift Stores", creditLimit: 71_800_00, paymentTermsDays: 60)
        b.customer("114", name: "Australian Collectors, Co.", creditLimit: 1_000_00)
        func order(_ id: String, _ customer: String, ordered: String, required: String, status: String,
                   _ lines: [(sku: String, quantity: Int64, priceEach: Int64)]) {
            let (region, rep) = ["103": ("EMEA", "1370"), "112": ("NA", "1166"), "114": ("APAC", "1611")][customer]!
            for (n, line) in lines.enumerated() {
                b.line(id, "\(n + 1)", customer: customer, sku: line.sku, region: region, salesperson: rep,
                       ordered: ordered, promised: required, quantity: line.quantity,
                       amount: line.quantity * line.priceEach, cancelled: status == "Cancelled")
            }
        }
        order("10100", "103", ordered: "2026-01-06", required: "2026-01-13", status: "Shipped",
              [("S18_1749", 30, 136_00), ("S18_2248", 50, 55_09)])          // 4080.00 + 2754.50
        order("10101", "112", ordered: "2026-01-09", required: "2026-01-18", status: "Shipped",
              [("S18_2325", 25, 108_06), ("S18_2795", 26, 167_06)])         // 2701.50 + 4343.56
        order("10102", "114", ordered: "2026-02-10", required: "2026-02-18", status: "Shipped",
              [("S18_1342", 39, 95_55)])                                    // 3726.45
        order("10103", "112", ordered: "2026-02-26", required: "2026-03-05", status: "Cancelled",
              [("S10_1949", 10, 214_30)])                                   // 2143.00, shipped anyway
        order("10104", "103", ordered: "2026-03-20", required: "2026-03-27", status: "In Process",
              [("S24_2000", 20, 66_00), ("S32_1268", 15, 80_10)])           // 1320.00 + 1201.50
        order("10105", "114", ordered: "2026-03-25", required: "2026-04-05", status: "On Hold",
              [("S12_1099", 8, 150_00)])                                    // 1200.00
        b.ship("10100", "1", on: "2026-01-10", quantity: 30)
        b.ship("10100", "2", on: "2026-01-10", quantity: 50)
        b.ship("10101", "1", on: "2026-01-20", quantity: 25)
        b.ship("10101", "2", on: "2026-01-20", quantity: 26)
        b.ship("10102", "1", on: "2026-02-14", quantity: 39)
        b.ship("10103", "1", on: "2026-03-02", quantity: 10)
        b.ship("10104", "1", on: "2026-03-25", quantity: 12)                // 12 × 66.00 = 792.00 of 20
        b.pay("103", on: "2026-02-05", amount: 6_834_50)
        b.pay("103", on: "2026-03-28", amount: 100_00)
        b.pay("112", on: "2026-03-15", amount: 5_000_00)
        b.pay("114", on: "2026-01-20", amount: 500_00)                      // before any shipment of 114
        data = b.data
        matching = ShipmentMatching(data: data)
    }

    @Test func theCancelledOrderShippedAnywayIsTheOnlyIssue() {
        #expect(matching.issues.count == 1)
        #expect(matching.issues.first?.source == SourceRef(file: OrderToCashDataBuilder.shipmentsFile, line: 7))
        #expect(matching.issues.first?.message.contains("cancelled order 10103 line 1") == true)
    }

    @Test func backlog() {
        let report = BacklogReport(data: data, matching: matching, period: period)
        let table = report.table(names: data.names)
        func line(_ row: [ReportTable.Cell]) -> String {
            row.map { cell in
                switch cell {
                case .day(let d): d.description
                case .text(let t): t
                case .money(let m): m.description
                case .rate(let r): String((r * 10_000).rounded() / 10_000)
                case .empty: "-"
                default: "?"
                }
            }.joined(separator: " ")
        }
        let levelOrder = ["total", "region", "customer"]
        #expect(table.rows.map(line).filter { levelOrder.contains(String($0.split(separator: " ")[1])) } == [
            // Jan: 10100 and 10101 booked (13879.56) and shipped in full.
            "2026-01-31 total total 0.00 13879.56 13879.56 0.00 0.00 1.0",
            "2026-01-31 region EMEA 0.00 6834.50 6834.50 0.00 0.00 1.0",
            "2026-01-31 region NA 0.00 7045.06 7045.06 0.00 0.00 1.0",
            "2026-01-31 customer 103 0.00 6834.50 6834.50 0.00 0.00 1.0",
            "2026-01-31 customer 112 0.00 7045.06 7045.06 0.00 0.00 1.0",
            // Feb: 10102 booked and shipped; 10103 booked and cancelled; book-to-bill on net orders.
            "2026-02-28 total total 0.00 5869.45 3726.45 2143.00 0.00 1.0",
            "2026-02-28 region APAC 0.00 3726.45 3726.45 0.00 0.00 1.0",
            "2026-02-28 region NA 0.00 2143.00 0.00 2143.00 0.00 -",
            "2026-02-28 customer 112 0.00 2143.00 0.00 2143.00 0.00 -",
            "2026-02-28 customer 114 0.00 3726.45 3726.45 0.00 0.00 1.0",
            // Mar: 10104 and 10105 booked (3721.50); 792.00 of 10104 shipped; 10103's shipment excluded.
            "2026-03-31 total total 0.00 3721.50 792.00 0.00 2929.50 4.6989",
            "2026-03-31 region APAC 0.00 1200.00 0.00 0.00 1200.00 -",
            "2026-03-31 region EMEA 0.00 2521.50 792.00 0.00 1729.50 3.1837",
            "2026-03-31 customer 103 0.00 2521.50 792.00 0.00 1729.50 3.1837",
            "2026-03-31 customer 114 0.00 1200.00 0.00 0.00 1200.00 -",
        ])
        #expect(report.closingTotal == cents(2_929_50))
    }

    @Test func delivery() {
        let report = DeliveryReport(data: data, matching: matching, period: period)
        func figures(_ month: Int, _ level: ActualsLevel, _ key: String) -> DeliveryReport.Figures? {
            report.rows.first {
                $0.month == Month(year: 2026, month: month) && $0.level == level
                    && $0.level.text(of: $0.key, names: data.names) == key
            }?.figures
        }
        // Jan: 10100's two lines on time (01-10 ≤ 01-13); 10101's two lines 2 days late (01-20 > 01-18).
        let january = figures(1, .total, "total")
        #expect(january?.linesShipped == 4 && january?.onTime == 2 && january?.late == 2)
        #expect(january?.onTimeRate == 0.5 && january?.averageDaysLate == 2 && january?.maxDaysLate == 2)
        #expect(january?.ordersShipped == 2)
        #expect(figures(1, .region, "EMEA")?.onTimeRate == 1 && figures(1, .region, "NA")?.onTimeRate == 0)
        // Feb: 10102 on time (02-14 ≤ 02-18).
        #expect(figures(2, .total, "total")?.onTimeRate == 1)
        // Mar: 10103 is cancelled; 10104 line 1 is 12 of 20 at 03-31, so late by 4 days (03-27 → 03-31).
        let march = figures(3, .total, "total")
        #expect(march?.linesShipped == 1 && march?.late == 1 && march?.partial == 1 && march?.maxDaysLate == 4)
        #expect(report.periodTotal.onTimeRate == 0)
        #expect(report.overdueLines.map { "\($0.line) \($0.daysOverdue) \($0.shippedQuantity) \($0.openValue)" }
                == ["6 4 12 528.00", "7 4 0 1201.50"])
    }

    @Test func receivables() {
        let report = ReceivablesReport(data: data, matching: matching, period: period)
        #expect(report.issues.isEmpty)
        func dso(_ balance: Double, _ billed: Double) -> ReportTable.Cell { .number(balance / billed * 90) }
        #expect(report.table(data: data).rows == [
            // 103: 6834.50 + 792.00 billed, 6934.50 paid; FIFO clears 10100 and 100.00 of 10104's
            // 03-25 shipment: 692.00 open, 6 days old. 100.00 collected in March.
            [.text("103"), .text("Atelier graphique"), .money(cents(7_626_50)), .money(cents(6_934_50)),
             .money(cents(692_00)), .money(cents(692_00)), .money(.zero), .money(.zero), .money(.zero),
             .money(cents(21_000_00)), .money(.zero), dso(692.00, 7626.50), .money(cents(100_00)), .money(.zero)],
            // 112: 10103's shipment is not billed; 5000.00 pays line 1 (2701.50) and 2298.50 of line 2:
            // 2045.06 open since 01-20, 70 days.
            [.text("112"), .text("Signal Gift Stores"), .money(cents(7_045_06)), .money(cents(5_000_00)),
             .money(cents(2_045_06)), .money(.zero), .money(.zero), .money(cents(2_045_06)), .money(.zero),
             .money(cents(71_800_00)), .money(.zero), dso(2045.06, 7045.06), .money(cents(5_000_00)), .money(.zero)],
            // 114: the 500.00 paid on 01-20 waits for the 02-14 shipment: 3226.45 open, 45 days,
            // 2226.45 over the 1000.00 limit.
            [.text("114"), .text("Australian Collectors, Co."), .money(cents(3_726_45)), .money(cents(500_00)),
             .money(cents(3_226_45)), .money(.zero), .money(cents(3_226_45)), .money(.zero), .money(.zero),
             .money(cents(1_000_00)), .money(cents(2_226_45)), dso(3226.45, 3726.45), .money(.zero), .money(.zero)],
        ])
        // 18398.01 billed − 12434.50 paid = 692.00 + 2045.06 + 3226.45.
        #expect(report.totalBalance == cents(5_963_51))
    }

    @Test func planVsActual() {
        let report = PlanVsActualReport(data: data, matching: matching, period: period,
                                        shippedValueTarget: cents(5_000_00))
        #expect(report.table().rows == [
            // 10104 promised 03-27 (2521.50); 792.00 of it shipped.
            [.month(period), .text("deliveries"), .money(cents(2_521_50)), .money(cents(792_00)),
             .rate(792.00 / 2521.50), .money(cents(1_729_50))],
            [.month(period), .text("shipped_value"), .money(cents(5_000_00)), .money(cents(792_00)),
             .rate(792.00 / 5000.00), .money(cents(4_208_00))],
            // Due in March: 114's 02-14 shipment + 30 days (03-16) and 112's 01-20 shipments + 60 days
            // (03-21): 3726.45 + 7045.06. Collected: 5000.00 + 100.00.
            [.month(period), .text("collections"), .money(cents(10_771_51)), .money(cents(5_100_00)),
             .rate(5100.00 / 10771.51), .money(cents(5_671_51))],
        ])
        let noTarget = PlanVsActualReport(data: data, matching: matching, period: period, shippedValueTarget: nil)
        #expect(noTarget.table().rows[1] == [.month(period), .text("shipped_value"), .empty, .money(cents(792_00)),
                                             .empty, .empty])
    }

    @Test func summaryKPIs() {
        let kpis = OrderToCashKPIs(
            backlog: BacklogReport(data: data, matching: matching, period: period),
            delivery: DeliveryReport(data: data, matching: matching, period: period),
            receivables: ReceivablesReport(data: data, matching: matching, period: period))
        #expect(kpis.closingBacklog == cents(2_929_50))
        #expect(kpis.onTimeRate == 0)
        #expect(kpis.totalReceivables == cents(5_963_51))
        #expect(kpis.receivablesInOldestBucket == .zero)
    }
}
