import Testing
import PropertyBased
@testable import SalesCloseCore
import SalesCloseWriters

@Suite struct ReceivablesTests {
    private func receivables(_ data: SalesData, _ period: String,
                             _ settings: OrderToCashSettings = OrderToCashSettings()) -> ReceivablesReport {
        ReceivablesReport(data: data, matching: ShipmentMatching(data: data), period: Month(period)!, settings: settings)
    }

    /// "customer: shipped paid balance [buckets] unapplied" of every row.
    private func rows(_ report: ReceivablesReport, _ data: SalesData) -> [String] {
        report.rows.map { r in
            "\(data.names.customers[r.customer]): \(r.shippedValue) \(r.paid) \(r.balance) "
                + "\(r.buckets.map(\.description).joined(separator: "/")) \(r.unappliedCredit)"
        }
    }

    @Test func aPaymentBeforeAnyShipmentIsACreditUntilAShipmentAbsorbsIt() {
        var b = OrderToCashDataBuilder()
        b.pay("C1", on: "2026-01-05", amount: 100_00)
        b.line("O1", "1", customer: "C1", ordered: "2026-01-02", quantity: 1, amount: 150_00)
        b.ship("O1", "1", on: "2026-02-03", quantity: 1)
        #expect(rows(receivables(b.data, "2026-01"), b.data) == ["C1: 0.00 100.00 -100.00 0.00/0.00/0.00/0.00 100.00"])
        #expect(rows(receivables(b.data, "2026-02"), b.data) == ["C1: 150.00 100.00 50.00 50.00/0.00/0.00/0.00 0.00"])
    }

    @Test func anOverpaymentShowsANegativeBalanceAndIsNeverLost() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", customer: "C1", ordered: "2026-01-02", quantity: 1, amount: 100_00)
        b.ship("O1", "1", on: "2026-01-03", quantity: 1)
        b.pay("C1", on: "2026-01-20", amount: 130_00, order: "O1")
        let report = receivables(b.data, "2026-01")
        #expect(rows(report, b.data) == ["C1: 100.00 130.00 -30.00 0.00/0.00/0.00/0.00 30.00"])
        #expect(report.totalBalance == cents(-30_00))
        #expect(report.table(data: b.data).rows.first?[4] == .money(cents(-30_00)))
    }

    @Test func aRefundIsAChargeThatTheUnappliedCreditCovers() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", customer: "C1", ordered: "2026-01-02", quantity: 1, amount: 100_00)
        b.ship("O1", "1", on: "2026-01-03", quantity: 1)
        b.pay("C1", on: "2026-01-20", amount: 130_00)
        b.pay("C1", on: "2026-01-25", amount: -30_00)
        #expect(rows(receivables(b.data, "2026-01"), b.data) == ["C1: 100.00 100.00 0.00 0.00/0.00/0.00/0.00 0.00"])
    }

    @Test func agingBucketsByShipDateEndOn30_60And90Days() {
        var b = OrderToCashDataBuilder()
        let shipped = [("2026-03-01", 1), ("2026-02-28", 2), ("2026-01-30", 4), ("2026-01-29", 8),
                       ("2025-12-31", 16), ("2025-12-30", 32)]
        for (k, (date, units)) in shipped.enumerated() {
            b.line("O\(k)", "1", customer: "C1", ordered: "2025-12-01", quantity: Int64(units), amount: Int64(units) * 100)
            b.ship("O\(k)", "1", on: date, quantity: Int64(units))
        }
        #expect(rows(receivables(b.data, "2026-03"), b.data) == ["C1: 63.00 0.00 63.00 1.00/6.00/24.00/32.00 0.00"])
    }

    @Test func agingCountsTheLeapDay() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", customer: "C1", ordered: "2024-01-02", quantity: 1, amount: 1_00)
        b.line("O2", "1", customer: "C1", ordered: "2024-01-02", quantity: 1, amount: 2_00)
        b.ship("O1", "1", on: "2024-01-30", quantity: 1)
        b.ship("O2", "1", on: "2024-01-29", quantity: 1)
        #expect(rows(receivables(b.data, "2024-02"), b.data) == ["C1: 3.00 0.00 3.00 1.00/2.00/0.00/0.00 0.00"])
    }

    @Test func paymentsGoFirstToTheOrderTheyNameThenToTheOldestShipments() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", customer: "C1", ordered: "2026-01-02", quantity: 1, amount: 100_00)
        b.line("O2", "1", customer: "C1", ordered: "2026-01-02", quantity: 1, amount: 100_00)
        b.ship("O1", "1", on: "2026-01-05", quantity: 1)
        b.ship("O2", "1", on: "2026-02-05", quantity: 1)
        var named = b
        named.pay("C1", on: "2026-02-20", amount: 120_00, order: "O2")
        // O2 is paid; 20.00 goes to O1 (85 days old), leaving 80.00 in 61–90.
        #expect(rows(receivables(named.data, "2026-03"), named.data) == ["C1: 200.00 120.00 80.00 0.00/0.00/80.00/0.00 0.00"])
        var byInvoice = b
        byInvoice.pay("C1", on: "2026-02-20", amount: 120_00, invoice: "O2")
        #expect(rows(receivables(byInvoice.data, "2026-03"), byInvoice.data) == rows(receivables(named.data, "2026-03"), named.data))
        var unnamed = b
        unnamed.pay("C1", on: "2026-02-20", amount: 120_00)
        // O1 is paid first; 80.00 of O2 (54 days old) stays open in 31–60.
        #expect(rows(receivables(unnamed.data, "2026-03"), unnamed.data) == ["C1: 200.00 120.00 80.00 0.00/80.00/0.00/0.00 0.00"])
    }

    @Test func aPaymentNamingAnotherCustomersOrderIsReportedAndAppliedFIFO() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", customer: "C1", ordered: "2026-01-02", quantity: 1, amount: 100_00)
        b.line("O2", "1", customer: "C2", ordered: "2026-01-02", quantity: 1, amount: 100_00)
        b.ship("O1", "1", on: "2026-01-05", quantity: 1)
        b.ship("O2", "1", on: "2026-01-05", quantity: 1)
        b.pay("C1", on: "2026-01-20", amount: 100_00, order: "O2")
        let report = receivables(b.data, "2026-01")
        #expect(rows(report, b.data) == ["C1: 100.00 100.00 0.00 0.00/0.00/0.00/0.00 0.00",
                                         "C2: 100.00 0.00 100.00 100.00/0.00/0.00/0.00 0.00"])
        #expect(report.issues.map { "\($0.source.file):\($0.source.line) \($0.field ?? "") \($0.value ?? "")" }
                == ["\(OrderToCashDataBuilder.paymentsFile):2 order_id O2"])
    }

    @Test func aReturnReducesShippedValueAtItsOrderDate() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", customer: "C1", ordered: "2026-01-02", quantity: 2, amount: 100_00)
        b.ship("O1", "1", on: "2026-01-05", quantity: 2)
        b.line("R1", "1", customer: "C1", ordered: "2026-02-10", quantity: -1, amount: -30_00)
        #expect(rows(receivables(b.data, "2026-01"), b.data) == ["C1: 100.00 0.00 100.00 100.00/0.00/0.00/0.00 0.00"])
        #expect(rows(receivables(b.data, "2026-02"), b.data) == ["C1: 70.00 0.00 70.00 0.00/70.00/0.00/0.00 0.00"])
    }

    @Test func agingByDueDateUsesTheCustomersTermsOrTheDefault() {
        var b = OrderToCashDataBuilder()
        b.customer("C1", paymentTermsDays: 45)
        b.line("O1", "1", customer: "C1", ordered: "2026-01-02", quantity: 1, amount: 10_00)
        b.line("O2", "1", customer: "C2", ordered: "2026-01-02", quantity: 1, amount: 20_00)
        b.line("O3", "1", customer: "C2", ordered: "2026-01-02", quantity: 1, amount: 40_00)
        b.ship("O1", "1", on: "2026-02-01", quantity: 1)  // due 03-18: 13 days
        b.ship("O2", "1", on: "2026-01-15", quantity: 1)  // due 02-14: 45 days
        b.ship("O3", "1", on: "2026-03-20", quantity: 1)  // due 04-19: not yet due
        let report = receivables(b.data, "2026-03", OrderToCashSettings(agingBasis: .dueDate))
        #expect(rows(report, b.data) == ["C1: 10.00 0.00 10.00 10.00/0.00/0.00/0.00 0.00",
                                         "C2: 60.00 0.00 60.00 40.00/20.00/0.00/0.00 0.00"])
    }

    @Test func creditLimitDSOAndCollectionsOfThePeriod() {
        var b = OrderToCashDataBuilder()
        b.customer("C1", name: "Atelier", creditLimit: 50_00)
        b.customer("C2", creditLimit: 500_00)
        b.line("O1", "1", customer: "C1", ordered: "2025-12-01", quantity: 1, amount: 40_00)
        b.line("O2", "1", customer: "C1", ordered: "2026-01-02", quantity: 1, amount: 200_00)
        b.line("O3", "1", customer: "C2", ordered: "2026-01-02", quantity: 1, amount: 20_00)
        b.ship("O1", "1", on: "2025-12-20", quantity: 1)
        b.ship("O2", "1", on: "2026-01-10", quantity: 1)
        b.ship("O3", "1", on: "2026-01-10", quantity: 1)
        b.pay("C1", on: "2026-02-27", amount: 60_00)
        b.pay("C1", on: "2026-03-02", amount: 100_00)
        let table = receivables(b.data, "2026-03").table(data: b.data)
        #expect(table.columns.map(\.name) == [
            "customer_id", "customer_name", "shipped_value", "paid", "balance", "b0_30", "b31_60", "b61_90",
            "b90_plus", "credit_limit", "over_limit", "dso", "collections_in_period", "unapplied_credit",
        ])
        // C1: balance 80.00, 30.00 over its limit; 200.00 billed in the 90 days to 03-31, so
        // DSO = 80 ÷ 200 × 90 = 36; collected 100.00 in March; 80.00 of O2 is 80 days old.
        #expect(table.rows == [
            [.text("C1"), .text("Atelier"), .money(cents(240_00)), .money(cents(160_00)), .money(cents(80_00)),
             .money(.zero), .money(.zero), .money(cents(80_00)), .money(.zero), .money(cents(50_00)),
             .money(cents(30_00)), .number(36), .money(cents(100_00)), .money(.zero)],
            [.text("C2"), .empty, .money(cents(20_00)), .money(.zero), .money(cents(20_00)),
             .money(.zero), .money(.zero), .money(cents(20_00)), .money(.zero), .money(cents(500_00)),
             .money(.zero), .number(90), .money(.zero), .money(.zero)],
        ])
    }

    @Test func configuredBucketsNameTheirColumns() {
        let settings = OrderToCashSettings(agingBucketEdges: [15, 45])
        #expect(settings.agingBucketNames == ["b0_15", "b16_45", "b45_plus"])
        #expect(OrderToCashSettings().agingBucketNames == ["b0_30", "b31_60", "b61_90", "b90_plus"])
    }

    @Test func totalReceivablesAreShippedValueMinusPaymentsToTheCent() async {
        await propertyCheck(count: 300, input: RandomOrderToCashData.generator, Gen.int(in: 0...7), Gen.bool) { data, offset, byDueDate in
            let period = RandomOrderToCashData.firstMonth.advanced(by: offset)
            let asOf = period.lastDay
            let matching = ShipmentMatching(data: data)
            let report = ReceivablesReport(data: data, matching: matching, period: period,
                                           settings: OrderToCashSettings(agingBasis: byDueDate ? .dueDate : .shipDate))
            var billed = Money.zero, paid = Money.zero
            for a in matching.allocations where a.date <= asOf { billed += a.value }
            for line in data.orderLines where !line.isCancelled && line.quantity < .zero && line.orderDate <= asOf {
                billed += line.amount
            }
            for p in data.payments where p.paymentDate <= asOf { paid += p.amount }

            #expect(report.totalBalance == billed - paid)
            #expect(report.rows.reduce(.zero) { $0 + $1.shippedValue } == billed)
            #expect(report.rows.reduce(.zero) { $0 + $1.paid } == paid)
            for row in report.rows {
                #expect(row.buckets.reduce(.zero, +) - row.unappliedCredit == row.balance)
                #expect(row.buckets.allSatisfy { $0 >= .zero } && row.unappliedCredit >= .zero)
                #expect(row.unappliedCredit == .zero || row.buckets.allSatisfy { $0 == .zero })
            }
        }
    }
}
