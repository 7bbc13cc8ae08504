import Testing
import PropertyBased
@testable import SalesCloseCore
import SalesCloseWriters

@Suite struct ABCClassificationTests {
    func classes(_ metrics: [Int64], a: Double = 0.80, b: Double = 0.95) -> String {
        let items = metrics.enumerated().map { (keyText: "k\($0.offset)", metric: $0.element) }
        return classifyABC(items, a: a, b: b).map(\.abcClass.rawValue).joined()
    }

    @Test func anItemHittingACutOffExactlyIsInTheBetterClassAndTheNextIsNot() {
        #expect(classes([50, 30, 15, 5]) == "AABC")  // cumulative 50, 80, 95, 100 %
    }

    @Test func theItemThatCrossesACutOffIsInTheBetterClass() {
        #expect(classes([70, 20, 6, 4]) == "AABC")  // 70, 90 (crosses 80), 96 (crosses 95), 100 %
        #expect(classes([81, 19]) == "AB")  // the second item starts at 81 %: past A, short of 95 %
    }

    @Test func theFirstItemIsAlwaysAEvenWhenItAloneExceedsBothCutOffs() {
        #expect(classes([96, 3, 1]) == "ACC")
    }

    @Test func tiesAreRankedByKeyText() {
        let items = [(keyText: "b", metric: Int64(10)), (keyText: "a", metric: 10), (keyText: "c", metric: 30)]
        let ranked = classifyABC(items, a: 0.8, b: 0.95)
        #expect(ranked.map { items[$0.index].keyText } == ["c", "a", "b"])
        #expect(ranked.map(\.rank) == [1, 2, 3])
    }

    @Test func zeroAndNegativeItemsAreCWithSharesOfThePositiveTotal() {
        let items = [(keyText: "neg", metric: Int64(-50)), (keyText: "zero", metric: 0), (keyText: "pos", metric: 200)]
        let ranked = classifyABC(items, a: 0.8, b: 0.95)
        #expect(ranked.map { items[$0.index].keyText } == ["pos", "zero", "neg"])
        #expect(ranked.map(\.abcClass) == [.a, .c, .c])
        #expect(ranked.map(\.share) == [1.0, 0.0, -0.25])
        #expect(ranked.map(\.cumulativeShare) == [1.0, nil, nil])
        #expect(classifyABC([(keyText: "x", metric: -1)], a: 0.8, b: 0.95).map(\.share) == [nil])
    }

    @Test func classesNeverImproveAsRankWorsens() async {
        await propertyCheck(input: Gen.int64(in: -1_000...100_000).array(of: 0...40),
                            Gen.int(in: 1...99), Gen.int(in: 1...99)) { metrics, p, q in
            let a = Double(min(p, q)) / 100, b = Double(max(p, q)) / 100
            let items = metrics.enumerated().map { (keyText: "k\($0.offset)", metric: $0.element) }
            let ranked = classifyABC(items, a: a, b: b)
            let order = ABCClass.allCases
            for (better, worse) in zip(ranked, ranked.dropFirst()) {
                #expect(order.firstIndex(of: better.abcClass)! <= order.firstIndex(of: worse.abcClass)!)
                #expect(items[better.index].metric >= items[worse.index].metric)
            }
            #expect(ranked.map(\.rank) == ranked.indices.map { $0 + 1 })
        }
    }
}

@Suite struct XYZClassificationTests {
    @Test func cutOffsAreInclusiveAndExact() {
        #expect(coefficientOfVariation([1, 3], x: 0.5, y: 1.0)?.cv == 0.5)
        #expect(coefficientOfVariation([1, 3], x: 0.5, y: 1.0)?.xyzClass == .x)
        #expect(coefficientOfVariation([0, 2], x: 0.5, y: 1.0)?.xyzClass == .y)  // CV exactly 1
        #expect(coefficientOfVariation([0, 0, 3], x: 0.5, y: 1.0)?.xyzClass == .z)  // CV √2
        #expect(coefficientOfVariation([3, 3, 3], x: 0.5, y: 1.0)?.cv == 0)
    }

    @Test func noClassWithoutPositiveMeanDemand() {
        #expect(coefficientOfVariation([0, 0, 0], x: 0.5, y: 1.0) == nil)
        #expect(coefficientOfVariation([5, -9], x: 0.5, y: 1.0) == nil)
    }
}

@Suite struct ABCAnalysisTests {
    static let close = month("2026-06")

    /// Four products over January–June 2026, revenue 500, 300, 150 and 50 (total 1 000); P5 is
    /// only returned (−20), P6 sold only in 2025, outside the window.
    static func sample() -> SalesDataBuilder {
        var b = SalesDataBuilder()
        b = b.line("2025-06-30", amount: 999, customer: "Old", sku: "P6")
        for m in 1...6 { b = b.line("2026-\(m)-01", amount: 50, customer: "C1", sku: "P1", quantity: 2) }
        b = b.line("2026-01-01", amount: 200, customer: "C1", sku: "P1", quantity: 2)
        b = b.line("2026-03-01", amount: 300, customer: "C2", sku: "P2", quantity: 9)
        b = b.line("2026-02-01", amount: 150, customer: "C3", sku: "P3", quantity: 1)
        b = b.line("2026-06-30", amount: 50, customer: "C3", sku: "P4", quantity: 1)
        b = b.line("2026-05-05", amount: -20, customer: "C4", sku: "P5", quantity: -1)
        return b
    }

    static func analysis(_ settings: ABCSettings) -> ABCAnalysis {
        let b = sample()
        return ABCAnalysis(actuals: b.actuals, data: b.data, close: close, settings: settings)
    }

    func column(_ table: ReportTable, _ name: String) -> [ReportTable.Cell] { table.rows.map { table.cell($0, name) } }

    @Test func productTableHasTheSpecColumnsAndTheRuleOnEveryRow() {
        let products = Self.analysis(ABCSettings(windowMonths: 6)).products.table
        #expect(products.name == "abc_products")
        #expect(products.columns.prefix(9).map(\.name) == [
            "key", "name", "metric", "share", "cumulative_share", "rank", "abc_class", "cv", "xyz_class",
        ])
        #expect(column(products, "key") == ["P1", "P2", "P3", "P4", "P5"].map(ReportTable.Cell.text))
        #expect(column(products, "abc_class") == ["A", "A", "B", "C", "C"].map(ReportTable.Cell.text))
        #expect(column(products, "cumulative_share") == [.rate(0.5), .rate(0.8), .rate(0.95), .rate(1.0), .empty])
        #expect(column(products, "window_start").allSatisfy { $0 == .month(month("2026-01")) })
        #expect(column(products, "a_threshold").allSatisfy { $0 == .rate(0.80) })
        #expect(column(products, "metric_name").allSatisfy { $0 == .text("revenue") })
    }

    @Test func xyzUsesMonthlyQuantityForProductsAndRevenueForCustomers() {
        let analysis = Self.analysis(ABCSettings(windowMonths: 6))
        // P1: quantity 4, 2, 2, 2, 2, 2 → CV √5 / 7 ≈ 0.32 (X); P2 sold once in six months → CV √5 (Z).
        #expect(column(analysis.products.table, "xyz_class").prefix(2) == [.text("X"), .text("Z")])
        #expect(column(analysis.products.table, "xyz_class").last == .empty)
        // C1: revenue 250, 50, 50, 50, 50, 50 → CV 0.89 (Y).
        let c1 = analysis.customers.table.rows(where: ["key": "C1"])[0]
        #expect(analysis.customers.table.cell(c1, "xyz_class") == .text("Y"))
    }

    @Test func theWindowEndsWithTheCloseMonthAndStartsNoEarlierThanTheData() {
        let wide = Self.analysis(ABCSettings(windowMonths: 24)).products.table
        #expect(column(wide, "window_start").allSatisfy { $0 == .month(month("2025-06")) })
        #expect(column(wide, "key").contains(.text("P6")))
        #expect(column(wide, "window_end").allSatisfy { $0 == .month(Self.close) })
    }

    @Test func aCloseMonthBeforeTheDataGivesEmptyTables() {
        let b = Self.sample()
        let analysis = ABCAnalysis(actuals: b.actuals, data: b.data, close: month("2024-12"))
        #expect(analysis.products.items.isEmpty)
        #expect(analysis.customers.items.isEmpty)
    }

    @Test func changingAThresholdChangesTheClassesAndTheWrittenRule() {
        let strict = Self.analysis(ABCSettings(windowMonths: 6, a: 0.5, b: 0.8)).products.table
        #expect(column(strict, "abc_class") == ["A", "B", "C", "C", "C"].map(ReportTable.Cell.text))
        #expect(column(strict, "a_threshold").allSatisfy { $0 == .rate(0.5) })
        #expect(column(strict, "b_threshold").allSatisfy { $0 == .rate(0.8) })
    }

    @Test func quantityMetricRanksByQuantity() {
        let products = Self.analysis(ABCSettings(windowMonths: 6, metric: .quantity)).products.table
        #expect(column(products, "key").prefix(2) == [.text("P1"), .text("P2")])
        #expect(products.cell(products.rows[0], "metric") == .quantity(Quantity(units: 14)))
    }

    @Test func matrixCountsItemsPerABCAndXYZClass() {
        let matrix = Self.analysis(ABCSettings(windowMonths: 6)).matrix
        #expect(matrix.columns.map(\.name) == ["subject", "abc_class", "x", "y", "z", "no_xyz", "total"])
        #expect(matrix.rows.prefix(3).map { Array($0[2...]) } == [
            [.integer(1), .integer(0), .integer(1), .integer(0), .integer(2)],
            [.integer(0), .integer(0), .integer(1), .integer(0), .integer(1)],
            [.integer(0), .integer(0), .integer(1), .integer(1), .integer(2)],
        ])
    }
}
