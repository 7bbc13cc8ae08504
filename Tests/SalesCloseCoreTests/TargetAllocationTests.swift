import Testing
import PropertyBased
@testable import SalesCloseCore

@Suite struct LargestRemainderTests {
    @Test func leftoverUnitsGoToTheLargestRemaindersThenToTheEarlierIndex() {
        #expect(largestRemainderSplit(100, weights: [1, 1, 1]) == [34, 33, 33])
        #expect(largestRemainderSplit(101, weights: [1, 1, 1]) == [34, 34, 33])
        #expect(largestRemainderSplit(10, weights: [1, 2, 3]) == [2, 3, 5])  // 1.67, 3.33, 5: the .67 wins
        #expect(largestRemainderSplit(7, weights: [0, 5, 0]) == [0, 7, 0])
    }

    @Test func negativeTotalsSplitAsMirrorImages() {
        #expect(largestRemainderSplit(-100, weights: [1, 1, 1]) == [-34, -33, -33])
    }

    @Test func partsAlwaysSumToTheParentAndStayWithinOneUnitOfTheExactShare() async {
        await propertyCheck(input: Gen.int64(in: -1_000_000_000_000...1_000_000_000_000),
                            Gen.int64(in: 0...1_000_000_000).array(of: 1...12)) { total, raw in
            let weights = raw.allSatisfy { $0 == 0 } ? raw.map { _ in 1 } : raw
            let parts = largestRemainderSplit(total, weights: weights)
            #expect(parts.reduce(0, +) == total)
            let weightSum = Int128(weights.reduce(0, +))
            for (part, w) in zip(parts, weights) {
                #expect((Int128(part) * weightSum - Int128(total) * Int128(w)).magnitude < weightSum.magnitude)
            }
        }
    }
}

@Suite struct TargetPlanTests {
    /// Ann and Cy sell in North, Bob in South; Ann sold in January and February 2025, Bob in
    /// every month of 2025 (month m: m × 10.00), Cy only from 2026.
    static func sample() -> SalesDataBuilder {
        var b = SalesDataBuilder()
        b = b.line("2025-01-10", amount: 10_000, region: "North", salesperson: "Ann")
        b = b.line("2025-02-28", amount: 30_000, region: "North", salesperson: "Ann")
        for m in 1...12 { b = b.line("2025-\(m)-15", amount: Int64(m) * 1_000, region: "South", salesperson: "Bob") }
        b = b.line("2026-03-31", amount: 50_000, region: "North", salesperson: "Ann")
        b = b.line("2026-07-01", amount: 20_000, customer: "C2", region: "North", salesperson: "Ann")
        b = b.line("2026-08-31", amount: 30_000, customer: "C3", region: "North", salesperson: "Ann")
        for m in 1...8 { b = b.line("2026-\(m)-01", amount: 5_000, region: "South", salesperson: "Bob") }
        b = b.line("2026-08-02", amount: 10_000, region: "North", salesperson: "Cy")
        return b
    }

    static let annualRows = [
        TargetRow(period: .year(2026), dimensions: [.salesperson: "Ann"], value: 100_000, line: 2),
        TargetRow(period: .year(2026), dimensions: [.salesperson: "Bob"], value: 780_001, line: 3),
        TargetRow(period: .year(2026), dimensions: [.salesperson: "Cy"], value: 120_000, line: 4),
    ]

    func months(_ plan: TargetPlan, _ level: ActualsLevel, _ key: NameID, year: Int = 2026) -> [Int64?] {
        (1...12).map { plan.monthly[TargetPlan.Key(metric: .revenue, level: level, key: key, month: Month(year: year, month: $0))] }
    }

    @Test func priorYearSharesDecomposeAnnualTargetsExactly() {
        let b = Self.sample()
        let plan = TargetPlan(rows: Self.annualRows, data: b.data, actuals: b.actuals)
        let ann: [Int64?] = [25_000, 75_000] + Array(repeating: 0, count: 10)
        #expect(months(plan, .salesperson, b.id(.salesperson, "Ann")) == ann)
        // 780 001 × m / 78 = 10 000·m + m/78: December has the largest remainder and takes the extra cent.
        let bob: [Int64?] = (1...12).map { Int64($0) * 10_000 + ($0 == 12 ? 1 : 0) }
        #expect(months(plan, .salesperson, b.id(.salesperson, "Bob")) == bob)
        for row in Self.annualRows {
            let id = b.id(.salesperson, row.dimensions[.salesperson]!)
            #expect(months(plan, .salesperson, id).reduce(0) { $0 + $1! } == row.value)
        }
    }

    @Test func priorYearWithoutSalesFallsBackToEvenAndSaysSo() {
        let b = Self.sample()
        let plan = TargetPlan(rows: Self.annualRows, data: b.data, actuals: b.actuals)
        #expect(months(plan, .salesperson, b.id(.salesperson, "Cy")) == Array(repeating: 10_000, count: 12))
        #expect(plan.findings.count == 1)
        #expect(plan.findings.first?.line == 4)
        #expect(plan.findings.first?.file == "targets.csv")
        #expect(plan.findings.first?.message.contains("allocated evenly") == true)
    }

    @Test func salespeopleRollUpToTheirRegionAndTheTotal() {
        let b = Self.sample()
        let plan = TargetPlan(rows: Self.annualRows, data: b.data, actuals: b.actuals)
        let north = months(plan, .region, b.id(.region, "North"))
        let expected: [Int64?] = [35_000, 85_000] + Array(repeating: 10_000, count: 10)
        #expect(north == expected)
        #expect(months(plan, .region, b.id(.region, "South")) == months(plan, .salesperson, b.id(.salesperson, "Bob")))
        #expect(plan.target(.revenue, .total, 0, in: month("2026-01")...month("2026-12")) == 1_000_001)
    }

    @Test func aTotalTargetIsSplitOverRegionsThenSalespeopleByLastYearsShare() {
        let b = Self.sample()
        let rows = [TargetRow(period: .month(month("2026-01")), value: 11_800, line: 2)]
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals)
        let january = month("2026-01")...month("2026-01")
        // January 2025: North 100.00 (all Ann), South 10.00 (Bob). 11 800 × 10/11 = 10 727.27, × 1/11 = 1 072.73.
        #expect(plan.target(.revenue, .region, b.id(.region, "North"), in: january) == 10_727)
        #expect(plan.target(.revenue, .region, b.id(.region, "South"), in: january) == 1_073)
        #expect(plan.target(.revenue, .salesperson, b.id(.salesperson, "Ann"), in: january) == 10_727)
        #expect(plan.target(.revenue, .salesperson, b.id(.salesperson, "Cy"), in: january) == 0)
        #expect(plan.target(.revenue, .salesperson, b.id(.salesperson, "Bob"), in: january) == 1_073)
        #expect(plan.target(.revenue, .total, 0, in: january) == 11_800)
        #expect(plan.findings.isEmpty)
    }

    @Test func aRegionTargetIsSplitOverItsSalespeopleEvenlyWhenNoneSoldLastYear() {
        let b = Self.sample()
            .line("2026-02-01", amount: 100, region: "West", salesperson: "Dan")
            .line("2026-02-01", amount: 100, region: "West", salesperson: "Dee")
        let rows = [TargetRow(period: .quarter(year: 2026, quarter: 1), dimensions: [.region: "West"], value: 3_001, line: 7)]
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals, settings: TargetSettings(allocation: .even))
        let dan: [Int64?] = [501, 500, 500] + Array(repeating: nil, count: 9)
        let dee: [Int64?] = [500, 500, 500] + Array(repeating: nil, count: 9)
        #expect(months(plan, .salesperson, b.id(.salesperson, "Dan")) == dan)
        #expect(months(plan, .salesperson, b.id(.salesperson, "Dee")) == dee)
        #expect(plan.findings.isEmpty)
        let priorYear = TargetPlan(rows: rows, data: b.data, actuals: b.actuals)
        #expect(priorYear.target(.revenue, .salesperson, b.id(.salesperson, "Dan"), in: month("2026-01")...month("2026-03")) == 1_501)
        #expect(priorYear.findings.map(\.line) == [7, 7])
        #expect(priorYear.findings.last?.message.contains("split evenly") == true)
    }

    @Test func aSalespersonBelongsToTheRegionOfMostOfTheirLinesTiesToTheFirstRegionText() {
        var b = SalesDataBuilder()
        b = b.line("2025-01-01", amount: 1, region: "West", salesperson: "Dee")
        b = b.line("2025-01-02", amount: 1, region: "East", salesperson: "Dee")
        b = b.line("2025-01-03", amount: 1, region: "North", salesperson: "Eve")
        b = b.line("2025-01-04", amount: 1, region: "South", salesperson: "Eve")
        b = b.line("2025-01-05", amount: 1, region: "South", salesperson: "Eve")
        let regions = SalespersonRegions(data: b.data)
        #expect(regions.region(of: b.id(.salesperson, "Dee")) == b.id(.region, "East"))
        #expect(regions.region(of: b.id(.salesperson, "Eve")) == b.id(.region, "South"))
    }

    @Test func aYearTargetForOneRegionAndAMonthTargetForAnotherBothReachTheTotal() {
        var b = SalesDataBuilder()
        b = b.line("2025-06-01", amount: 100, region: "North")
        b = b.line("2025-06-01", amount: 100, region: "South")
        let rows = [
            TargetRow(period: .year(2026), dimensions: [.region: "North"], value: 1_200_000, line: 2),
            TargetRow(period: .month(month("2026-03")), dimensions: [.region: "South"], value: 50_000, line: 3),
        ]
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals, settings: TargetSettings(allocation: .even))
        #expect(months(plan, .region, b.id(.region, "North")) == Array(repeating: 100_000, count: 12))
        let south: [Int64?] = [nil, nil, 50_000] + Array(repeating: nil, count: 9)
        let total: [Int64?] = [100_000, 100_000, 150_000] + Array(repeating: 100_000, count: 9)
        #expect(months(plan, .region, b.id(.region, "South")) == south)
        #expect(months(plan, .total, 0) == total)
        #expect(plan.findings.isEmpty)
    }

    @Test func aCoarserRowSpreadsWhatItsFinerRowsLeaveOverTheOtherMonths() {
        let b = SalesDataBuilder().line("2025-01-01", amount: 1)
        let rows = [
            TargetRow(period: .year(2026), value: 1_200, line: 2),
            TargetRow(period: .quarter(year: 2026, quarter: 1), value: 600, line: 3),
            TargetRow(period: .month(month("2026-02")), value: 400, line: 4),
        ]
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals, settings: TargetSettings(allocation: .even))
        let expected: [Int64?] = [100, 400, 100] + Array(repeating: 67, count: 6) + Array(repeating: 66, count: 3)
        #expect(months(plan, .total, 0) == expected)
        #expect(plan.findings.isEmpty)
    }

    @Test func targetsAtTwoGrainsThatDisagreeAreReportedAndTheFinerKept() {
        let b = SalesDataBuilder().line("2025-01-01", amount: 1)
        var rows = (1...3).map { TargetRow(period: .month(Month(year: 2026, month: $0)), value: 100, line: 1 + $0) }
        rows.append(TargetRow(period: .quarter(year: 2026, quarter: 1), value: 500, line: 5))
        rows.append(TargetRow(period: .quarter(year: 2026, quarter: 2), value: 100, line: 6))
        rows.append(TargetRow(period: .month(month("2026-04")), value: 150, line: 7))
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals, settings: TargetSettings(allocation: .even))
        let expected: [Int64?] = [100, 100, 100, 150, 0, 0]
        #expect(Array(months(plan, .total, 0).prefix(6)) == expected)
        #expect(plan.findings.map(\.line) == [5, 6])
        #expect(plan.findings[0].message.contains("differs by 2.00"))
        #expect(plan.findings[1].message.contains("exceeded"))
    }

    @Test func aGivenRegionTargetThatDiffersFromItsSalespeopleIsReportedAndKept() {
        let b = Self.sample()
        var rows = Self.annualRows
        rows.append(TargetRow(period: .year(2026), dimensions: [.region: "South"], value: 1_200, line: 5))
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals, settings: TargetSettings(allocation: .even))
        #expect(months(plan, .region, b.id(.region, "South")) == Array(repeating: 100, count: 12))
        let finding = plan.findings.first { $0.message.contains("region \"South\"") }
        #expect(finding?.line == 5)
        #expect(finding?.message == "revenue target 12.00 of region \"South\" for 2026 differs from the sum of the targets below it, 7800.01; the given target is kept")
    }

    /// Ann's and Bob's targets follow their own 2025 months (Ann: January and February, Bob:
    /// growing through the year); the company's 2025 months (110.00, 320.00, then m × 10.00) would
    /// split the total differently, e.g. 820.34 in January.
    @Test func anAnnualTotalEqualToItsSalespeopleTakesTheSumOfTheirMonths() {
        let b = Self.sample()
        let rows = Array(Self.annualRows.prefix(2)) + [TargetRow(period: .year(2026), value: 880_001, line: 4)]
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals)
        #expect(plan.findings.isEmpty)
        let expected: [Int64?] = [35_000, 95_000] + (3...12).map { Int64($0) * 10_000 + ($0 == 12 ? 1 : 0) }
        #expect(months(plan, .total, 0) == expected)
        let regions = zip(months(plan, .region, b.id(.region, "North")), months(plan, .region, b.id(.region, "South")))
        #expect(regions.map { $0! + $1! } == expected)
    }

    @Test func anAnnualTotalThatDiffersFromItsSalespeopleIsReportedOnceForTheYearAndKept() {
        let b = Self.sample()
        let rows = Array(Self.annualRows.prefix(2)) + [TargetRow(period: .year(2026), value: 880_000, line: 4)]
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals)
        #expect(plan.findings.map(\.line) == [4])
        #expect(plan.findings.first?.message == "revenue target 8800.00 of the company total for 2026 differs from the sum of the targets below it, 8800.01; the given target is kept")
        // Its own split by the company's 2025 months: 880 000 × (11 000, 32 000, 3 000, …, 12 000) / 118 000.
        let own: [Int64?] = [82_034, 238_644, 22_373, 29_830, 37_288, 44_746, 52_203, 59_661, 67_119, 74_576, 82_034, 89_492]
        #expect(months(plan, .total, 0) == own)
    }

    /// North's 2025 months (110.00, 320.00, 30.00 in Q1) would split its Q1 target as 382.61,
    /// 1113.04, 104.35; Ann's and Dan's own splits give 350.00, 950.00, 300.00.
    @Test func aRegionGivenByQuartersIsComparedWithItsSalespeoplePerQuarter() {
        var b = SalesDataBuilder()
        b = b.line("2025-01-10", amount: 10_000, region: "North", salesperson: "Ann")
        b = b.line("2025-02-28", amount: 30_000, region: "North", salesperson: "Ann")
        for m in 1...12 { b = b.line("2025-\(m)-15", amount: Int64(m) * 1_000, region: "North", salesperson: "Dan") }
        func rows(_ quarters: [Int64]) -> [TargetRow] {
            [TargetRow(period: .year(2026), dimensions: [.salesperson: "Ann"], value: 100_000, line: 2),
             TargetRow(period: .year(2026), dimensions: [.salesperson: "Dan"], value: 780_000, line: 3)]
                + quarters.enumerated().map { q, value in
                    TargetRow(period: .quarter(year: 2026, quarter: q + 1), dimensions: [.region: "North"], value: value, line: 4 + q)
                }
        }
        let north = b.id(.region, "North")
        let agreeing = TargetPlan(rows: rows([160_000, 150_000, 240_000, 330_000]), data: b.data, actuals: b.actuals)
        #expect(agreeing.findings.isEmpty)
        let expected: [Int64?] = [35_000, 95_000] + (3...12).map { Int64($0) * 10_000 }
        #expect(months(agreeing, .region, north) == expected)
        #expect(months(agreeing, .total, 0) == expected)

        let differing = TargetPlan(rows: rows([160_000, 150_001, 240_000, 330_000]), data: b.data, actuals: b.actuals)
        #expect(differing.findings.map(\.line) == [5])
        #expect(differing.findings.first?.message.contains("for 2026-Q2 differs") == true)
        #expect(months(differing, .region, north)[0] == 38_261)
    }

    @Test func aTotalRolledUpFromRegionsThatDiffersFromTheCategoriesIsReported() {
        let b = Self.sample().line("2025-05-05", amount: 1, sku: "P2", category: "Toys")
        var rows = Self.annualRows
        rows.append(TargetRow(period: .year(2026), dimensions: [.category: "Toys"], value: 1_200, line: 5))
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals, settings: TargetSettings(allocation: .even))
        #expect(plan.target(.revenue, .total, 0, in: month("2026-01")...month("2026-12")) == 1_000_001)
        let finding = plan.findings.last
        #expect(finding?.message.contains("the company total") == true)
        #expect(finding?.message.contains("the rolled-up target is kept") == true)
        #expect(finding?.line == nil)
    }

    @Test func rowsNamingUnknownValuesOrUnsupportedCombinationsAreReportedAndIgnored() {
        let b = Self.sample()
        let rows = [
            TargetRow(period: .year(2026), dimensions: [.salesperson: "Zed"], value: 100, line: 2),
            TargetRow(period: .year(2026), dimensions: [.region: "North", .category: "Toys"], value: 100, line: 3),
            TargetRow(period: .year(2026), dimensions: [.region: "North", .salesperson: "Ann"], value: 1_200, line: 4),
        ]
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals, settings: TargetSettings(allocation: .even))
        #expect(plan.findings.map(\.line) == [2, 3])
        #expect(plan.findings[0].value == "Zed")
        let levels: Set<ActualsLevel> = [.salesperson, .region, .total]
        #expect(Set(plan.monthly.keys.map { $0.level }) == levels)
    }

    @Test func seasonalIndexAveragesEachMonthsShareOverCompleteYears() {
        var b = SalesDataBuilder()
        // 2024: all in January; 2025: half in January, half in July. Index: Jan 0.75, Jul 0.25.
        b = b.line("2024-01-01", amount: 1_000)
        b = b.line("2025-01-01", amount: 5_000)
        b = b.line("2025-07-01", amount: 5_000)
        b = b.line("2025-12-31", amount: 0)
        let rows = [TargetRow(period: .year(2026), value: 10_000, line: 2)]
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals, settings: TargetSettings(allocation: .seasonal))
        var expected = [Int64?](repeating: 0, count: 12)
        expected[0] = 7_500; expected[6] = 2_500
        #expect(months(plan, .total, 0) == expected)
        #expect(plan.findings.isEmpty)
    }

    @Test func seasonalWithLessThanTwoCompleteYearsFallsBackToEven() {
        let b = SalesDataBuilder().line("2025-01-01", amount: 1_000).line("2025-12-01", amount: 1_000)
        let rows = [TargetRow(period: .year(2026), value: 1_200, line: 2)]
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals, settings: TargetSettings(allocation: .seasonal))
        #expect(months(plan, .total, 0) == Array(repeating: 100, count: 12))
        #expect(plan.findings.first?.message.contains("two complete years") == true)
    }

    @Test func explicitWeightsAreUsedAndMissingOnesFallBackToEven() {
        let b = SalesDataBuilder().line("2025-01-01", amount: 1)
        let rows = [TargetRow(period: .quarter(year: 2026, quarter: 1), value: 1_000, line: 2)]
        let weights = [0.5, 0.25, 0.25] + Array(repeating: 1.0, count: 9)
        let weighted = TargetPlan(rows: rows, data: b.data, actuals: b.actuals,
                                  settings: TargetSettings(allocation: .weights, weights: weights))
        #expect(Array(months(weighted, .total, 0).prefix(3)) == [500, 250, 250])
        let missing = TargetPlan(rows: rows, data: b.data, actuals: b.actuals, settings: TargetSettings(allocation: .weights))
        #expect(Array(months(missing, .total, 0).prefix(3)) == [334, 333, 333])
        #expect(missing.findings.count == 1)
    }

    @Test func quantityTargetsAreKeptApartFromRevenueTargets() {
        let b = SalesDataBuilder().line("2025-01-01", amount: 1)
        let rows = [TargetRow(period: .month(month("2026-01")), metric: .quantity, value: 5_000, line: 2)]
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals)
        let january = month("2026-01")...month("2026-01")
        #expect(plan.target(TargetMetric.quantity, ActualsLevel.total, 0, in: january) == 5_000)
        #expect(plan.target(TargetMetric.revenue, ActualsLevel.total, 0, in: january) == nil)
    }

    @Test func allocationsAlwaysSumToTheirParentWhateverTheHistory() async {
        await propertyCheck(input: Gen.int64(in: -100_000...1_000_000).array(of: 12),
                            Gen.int64(in: -10_000_000_000...10_000_000_000)) { history, annual in
            var b = SalesDataBuilder()
            for (i, amount) in history.enumerated() { b = b.line("2025-\(i + 1)-28", amount: amount, salesperson: "Ann") }
            let rows = [TargetRow(period: .year(2026), dimensions: [.salesperson: "Ann"], value: annual, line: 2),
                        TargetRow(period: .quarter(year: 2026, quarter: 2), dimensions: [.salesperson: "Ann"],
                                  value: annual / 3, line: 3)]
            let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals)
            let ann = b.id(.salesperson, "Ann")
            #expect(plan.target(.revenue, .salesperson, ann, in: month("2026-04")...month("2026-06")) == annual / 3)
            let year = plan.target(.revenue, .salesperson, ann, in: month("2026-01")...month("2026-12"))
            #expect(year == annual)
            #expect(plan.target(.revenue, .total, 0, in: month("2026-01")...month("2026-12")) == year)
        }
    }
}
