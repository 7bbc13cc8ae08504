import Testing
@testable import SalesCloseCore

@Suite struct ShipmentMatchingTests {
    /// (line index, date, quantity in units, value in cents) of every allocation.
    private func allocations(_ m: ShipmentMatching) -> [String] {
        m.allocations.map { "\($0.line) \($0.date) \($0.quantity) \($0.value)" }
    }

    @Test func partialShipmentsAreValuedOnTheCumulativeQuantitySoTheLineSumsToItsAmount() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", ordered: "2026-01-05", quantity: 3, amount: 100_00)
        b.ship("O1", "1", on: "2026-01-10", quantity: 1)
        b.ship("O1", "1", on: "2026-01-20", quantity: 1)
        b.ship("O1", "1", on: "2026-02-01", quantity: 1)
        let m = ShipmentMatching(data: b.data)
        // 33.33, then 66.67 − 33.33 = 33.34, then 100.00 − 66.67 = 33.33.
        #expect(allocations(m) == ["0 2026-01-10 1 33.33", "0 2026-01-20 1 33.34", "0 2026-02-01 1 33.33"])
        #expect(m.issues.isEmpty)
    }

    @Test func shipmentsAreValuedInDateOrderWhateverTheirOrderInTheInput() {
        var b = OrderToCashDataBuilder()
        b.ship("O1", "1", on: "2026-01-20", quantity: 2)
        b.line("O1", "1", ordered: "2026-01-05", quantity: 3, amount: 100_00)
        b.ship("O1", "1", on: "2026-01-10", quantity: 1)
        #expect(allocations(ShipmentMatching(data: b.data)) == ["0 2026-01-10 1 33.33", "0 2026-01-20 2 66.67"])
    }

    @Test func aShipmentDatedBeforeItsOrderIsReportedAndCountedOnTheOrderDate() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", ordered: "2026-02-03", quantity: 2, amount: 50_00)
        b.ship("O1", "1", on: "2026-01-30", quantity: 2)
        let m = ShipmentMatching(data: b.data)
        #expect(allocations(m) == ["0 2026-02-03 2 50.00"])
        #expect(m.issues.count == 1)
        #expect(m.issues.first?.source == SourceRef(file: OrderToCashDataBuilder.shipmentsFile, line: 2))
        #expect(m.issues.first?.field == "ship_date")
        #expect(m.issues.first?.value == "2026-01-30")
    }

    @Test func aShipmentOfACancelledLineIsReportedAndNotAllocated() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", ordered: "2026-01-05", quantity: 2, amount: 50_00, cancelled: true)
        b.ship("O1", "1", on: "2026-01-10", quantity: 2)
        b.ship("O1", on: "2026-01-11", quantity: 2)
        let m = ShipmentMatching(data: b.data)
        #expect(m.allocations.isEmpty)
        #expect(m.issues.map(\.source.line) == [2, 3])
        #expect(m.issues.allSatisfy { $0.message.contains("cancelled") })
    }

    @Test func unknownOrdersLinesAndSkusAreReported() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", sku: "P1", ordered: "2026-01-05", quantity: 2, amount: 50_00)
        b.ship("O9", "1", on: "2026-01-10", quantity: 1)
        b.ship("O1", "7", on: "2026-01-10", quantity: 1)
        b.ship("O1", sku: "P9", on: "2026-01-10", quantity: 1)
        let m = ShipmentMatching(data: b.data)
        #expect(m.allocations.isEmpty)
        #expect(m.issues.map { "\($0.source.line) \($0.field ?? "") \($0.value ?? "")" }
                == ["2 order_id O9", "3 line_no 7", "4 sku P9"])
    }

    @Test func orderOnlyShipmentsFillOpenLinesInNumericLineOrderAndOverShipmentsAreReported() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "10", sku: "P2", ordered: "2026-01-05", quantity: 5, amount: 50_00)
        b.line("O1", "2", sku: "P1", ordered: "2026-01-05", quantity: 5, amount: 100_00)
        b.line("O1", "3", sku: "P3", ordered: "2026-01-05", quantity: 1, amount: 10_00, cancelled: true)
        b.ship("O1", on: "2026-01-10", quantity: 7)
        b.ship("O1", on: "2026-01-12", quantity: 4)
        let m = ShipmentMatching(data: b.data)
        // Line 2 (index 1) first, then line 10 (index 0); the cancelled line 3 gets nothing; the
        // unit beyond the order goes to the last line.
        #expect(allocations(m) == ["0 2026-01-10 2 20.00", "0 2026-01-12 3 30.00", "0 2026-01-12 1 10.00",
                                   "1 2026-01-10 5 100.00"])
        #expect(m.issues.map(\.field) == ["quantity"])
        #expect(m.issues.first?.source.line == 3)
    }

    @Test func skuShipmentsGoToTheOrdersLinesOfThatSku() {
        var b = OrderToCashDataBuilder()
        b.line("O1", sku: "P1", ordered: "2026-01-05", quantity: 2, amount: 20_00)
        b.line("O1", sku: "P2", ordered: "2026-01-05", quantity: 2, amount: 40_00)
        b.ship("O1", sku: "P2", on: "2026-01-10", quantity: 1)
        #expect(allocations(ShipmentMatching(data: b.data)) == ["1 2026-01-10 1 20.00"])
    }

    @Test func aNegativeOrderOnlyShipmentTakesBackFromTheLastShippedLine() {
        var b = OrderToCashDataBuilder()
        b.line("O1", "1", ordered: "2026-01-05", quantity: 4, amount: 40_00)
        b.line("O1", "2", ordered: "2026-01-05", quantity: 4, amount: 80_00)
        b.ship("O1", on: "2026-01-10", quantity: 6)
        b.ship("O1", on: "2026-01-15", quantity: -3)
        #expect(allocations(ShipmentMatching(data: b.data)) == [
            "0 2026-01-10 4 40.00", "0 2026-01-15 -1 -10.00", "1 2026-01-10 2 40.00", "1 2026-01-15 -2 -40.00",
        ])
    }

    @Test func shipmentsOfAReturnLineAreNotAllocatedAndNotReported() {
        var b = OrderToCashDataBuilder()
        b.line("R1", "1", ordered: "2026-01-05", quantity: -2, amount: -30_00)
        b.ship("R1", "1", on: "2026-01-10", quantity: -2)
        let m = ShipmentMatching(data: b.data)
        #expect(m.allocations.isEmpty)
        #expect(m.issues.isEmpty)
    }
}
