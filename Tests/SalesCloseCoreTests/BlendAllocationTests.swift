import Testing
@testable import SalesCloseCore

/// `allocation = "blend"`, checked by hand. Weights: prior_year 0.5, last_period 0.2,
/// seasonal 0.2, capacity 0.1.
@Suite struct BlendAllocationTests {
    static let weights = BlendWeights(priorYear: 0.5, lastPeriod: 0.2, seasonal: 0.2, capacity: 0.1)
    static let settings = TargetSettings(allocation: .blend, blend: weights)

    /// Ann (North): 2025-01 100, 02 300, 03 100, 10 200, 11 200, 12 600.
    /// Bob (South): 2024-01 400, 2025-01 300, 2025-12 400.
    static func sample() -> SalesDataBuilder {
        var b = SalesDataBuilder()
        for (month, amount) in [(1, 10_000), (2, 30_000), (3, 10_000), (10, 20_000), (11, 20_000), (12, 60_000)] {
            b = b.line("2025-\(month)-15", amount: Int64(amount), region: "North", salesperson: "Ann")
        }
        b = b.line("2024-01-10", amount: 40_000, region: "South", salesperson: "Bob")
        b = b.line("2025-01-10", amount: 30_000, region: "South", salesperson: "Bob")
        b = b.line("2025-12-10", amount: 40_000, region: "South", salesperson: "Bob")
        return b
    }

    func target(_ plan: TargetPlan, _ level: ActualsLevel, _ key: NameID, _ m: String) -> Int64? {
        plan.monthly[TargetPlan.Key(metric: .revenue, level: level, key: key, month: month(m))]
    }

    /// A 1 200.00 quarter target for Ann over 2026-Q1. Prior year (Jan–Mar 2025) 100/300/100 →
    /// 0.2/0.6/0.2; last period (Oct–Dec 2025) 200/200/600 → 0.2/0.2/0.6; seasonal: Ann has one
    /// complete year only, no data, so its 0.2 is spread over the others (÷ 0.8); capacity has no
    /// monthly shape: 1/3 each. January = (0.5·0.2 + 0.2·0.2 + 0.1/3) ÷ 0.8 = 0.216667 → 260.00;
    /// February (0.5·0.6 + 0.04 + 0.1/3) ÷ 0.8 → 560.00; March (0.1 + 0.2·0.6 + 0.1/3) ÷ 0.8 → 380.00.
    @Test func quarterSpreadOverMonthsByTheBlend() {
        let b = Self.sample()
        let rows = [TargetRow(period: .quarter(year: 2026, quarter: 1), dimensions: [.salesperson: "Ann"], value: 120_000, line: 2)]
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals, settings: Self.settings)
        let ann = b.id(.salesperson, "Ann")
        #expect([target(plan, .salesperson, ann, "2026-01"), target(plan, .salesperson, ann, "2026-02"),
                 target(plan, .salesperson, ann, "2026-03")] == [26_000, 56_000, 38_000])
        let months = plan.allocations.filter { $0.split == .months }
        #expect(months.count == 3)
        #expect(abs(months[0].share - 0.216667) < 1e-6)
        #expect(months.map { $0.factorShares[.priorYear]! } == [0.2, 0.6, 0.2].map { Optional($0) })
        #expect(months[2].factorShares[.lastPeriod]! == 0.6)
        #expect(months[0].factorShares[.seasonal]! == nil)
        #expect(abs(months[1].factorShares[.capacity]!! - 1.0 / 3) < 1e-12)
        #expect(months.map(\.target).reduce(0, +) == 120_000)
        #expect(plan.findings.contains { $0.line == 2 && $0.message.contains("no seasonal data") })
    }

    /// A 2 000.00 company target for 2026-01, split over the regions. Prior year (2025-01): North
    /// 100, South 300 → 0.25/0.75; last period (2025-12): 600/400 → 0.6/0.4; seasonal (January of
    /// 2024 and 2025): 100/700 → 0.125/0.875; capacity 300/100 → 0.75/0.25. North = 0.5·0.25 +
    /// 0.2·0.6 + 0.2·0.125 + 0.1·0.75 = 0.345 → 690.00; South 0.655 → 1 310.00.
    @Test func totalSplitOverRegionsByTheBlendIncludingCapacity() {
        let b = Self.sample()
        let rows = [TargetRow(period: .month(month("2026-01")), value: 200_000, line: 2)]
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals, settings: Self.settings,
                              capacity: ["North": 300, "South": 100])
        #expect(target(plan, .region, b.id(.region, "North"), "2026-01") == 69_000)
        #expect(target(plan, .region, b.id(.region, "South"), "2026-01") == 131_000)
        #expect(target(plan, .total, 0, "2026-01") == 200_000)
        let north = plan.allocations.first { $0.split == .units && $0.itemLevel == .region && $0.itemKey == b.id(.region, "North") }!
        #expect(abs(north.share - 0.345) < 1e-9)
        #expect(north.factorShares[.priorYear]! == 0.25)
        #expect(north.factorShares[.lastPeriod]! == 0.6)
        #expect(north.factorShares[.seasonal]! == 0.125)
        #expect(north.factorShares[.capacity]! == 0.75)
        #expect(north.target == 69_000)
        // Each region has one salesperson and no capacity figure for them: only that is reported.
        #expect(plan.findings.count == 2)
        #expect(plan.findings.allSatisfy { $0.message.contains("no capacity data for the salespersons of region") })
    }

    /// Without capacity figures the capacity weight is spread over the other three: North =
    /// (0.125 + 0.12 + 0.025) ÷ 0.9 = 0.3 → 600.00 of 2 000.00, and the split says so.
    @Test func missingCapacityRedistributesItsWeight() {
        let b = Self.sample()
        let rows = [TargetRow(period: .month(month("2026-01")), value: 200_000, line: 2)]
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals, settings: Self.settings)
        #expect(target(plan, .region, b.id(.region, "North"), "2026-01") == 60_000)
        #expect(target(plan, .region, b.id(.region, "South"), "2026-01") == 140_000)
        #expect(plan.findings.contains { $0.message.contains("no capacity data") })
    }

    /// Shares that do not divide the target evenly still add up to it to the cent.
    @Test func blendedPartsSumExactly() {
        let shares = BlendedShares(count: 3, blend: Self.weights,
                                   values: [.priorYear: [1, 1, 1], .lastPeriod: [1, 2, 4], .seasonal: [3, 0, 1], .capacity: [7, 7, 7]])
        #expect(abs(shares.shares.reduce(0, +) - 1) < 1e-12)
        for total: Int64 in [100_001, 99_999, 1, -7, 123_456_789] {
            #expect(largestRemainderSplit(total, weights: shares.weights).reduce(0, +) == total)
        }
        let even = BlendedShares(count: 2, blend: Self.weights, values: [:])
        #expect(even.isEven && even.shares == [0.5, 0.5])
    }

    @Test func weightsMustSumToOne() {
        #expect(Self.weights.isValid)
        #expect(!BlendWeights(priorYear: 0.5, lastPeriod: 0.2, seasonal: 0.2, capacity: 0.2).isValid)
        #expect(!BlendWeights(priorYear: 1.2, lastPeriod: -0.2, seasonal: 0, capacity: 0).isValid)
    }
}
