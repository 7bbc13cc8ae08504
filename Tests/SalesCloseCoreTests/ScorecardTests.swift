import Testing
@testable import SalesCloseCore

@Suite struct ScoringBandsTests {
    let achievement = ScorecardSettings().bands[.achievementRate]!   // 0 → 0, 0.8 → 60, 0.9 → 80, 1.0 → 100

    @Test func stepBandsStartAtTheirThreshold() {
        #expect(achievement.points(for: -0.2, mode: .step) == 0)
        #expect(achievement.points(for: 0.7999, mode: .step) == 0)
        #expect(achievement.points(for: 0.8, mode: .step) == 60)
        #expect(achievement.points(for: 0.8999, mode: .step) == 60)
        #expect(achievement.points(for: 0.9, mode: .step) == 80)
        #expect(achievement.points(for: 0.9999, mode: .step) == 80)
        #expect(achievement.points(for: 1.0, mode: .step) == 100)
        #expect(achievement.points(for: 1.7, mode: .step) == 100)
    }

    @Test func linearBandsInterpolateAndClampAtTheEnds() {
        #expect(achievement.points(for: 0.8, mode: .linear) == 60)
        #expect(abs(achievement.points(for: 0.85, mode: .linear) - 70) < 1e-9)
        #expect(abs(achievement.points(for: 0.95, mode: .linear) - 90) < 1e-9)
        #expect(achievement.points(for: 1.0, mode: .linear) == 100)
        #expect(achievement.points(for: 1.3, mode: .linear) == 100)
        #expect(abs(achievement.points(for: 0.4, mode: .linear) - 30) < 1e-9)
        // Lower is better: overdue share 0 → 100, 0.05 → 80, 0.1 → 60, 0.2 → 0.
        let overdue = ScorecardSettings().bands[.overdueShare]!
        #expect(overdue.points(for: 0.05, mode: .step) == 80)
        #expect(overdue.points(for: 0.0499, mode: .step) == 100)
        #expect(abs(overdue.points(for: 0.075, mode: .linear) - 70) < 1e-9)
        #expect(overdue.points(for: 0.5, mode: .linear) == 0)
    }
}

/// Tiers: below 80 % nothing, 80 % → 2 %, 100 % → 3 %; target 100 000.00 (amounts in cents).
@Suite struct CommissionTests {
    func whole(_ actual: Int64, base: Int64? = nil, cap: Int64? = nil) -> Commission {
        var s = CommissionSettings()
        s.cap = cap.map { Money(minorUnits: $0) }
        return Commission(base: Money(minorUnits: base ?? actual), actual: actual, target: 10_000_000, settings: s)
    }
    func progressive(_ actual: Int64, base: Int64? = nil) -> Commission {
        var s = CommissionSettings()
        s.mode = .progressive
        return Commission(base: Money(minorUnits: base ?? actual), actual: actual, target: 10_000_000, settings: s)
    }

    @Test func wholeBaseAtTheTierBoundaries() {
        #expect(whole(7_999_999).amount.minorUnits == 0)              // 79 999.99: below 80 %
        #expect(whole(7_999_999).tier == 0)
        #expect(whole(8_000_000).amount.minorUnits == 160_000)        // 80 000.00 × 2 % = 1 600.00
        #expect(whole(8_000_000).rate == 0.02)
        #expect(whole(9_999_999).amount.minorUnits == 200_000)        // 99 999.99 × 2 % = 1 999.9998 → 2 000.00
        #expect(whole(10_000_000).amount.minorUnits == 300_000)       // 100 000.00 × 3 % = 3 000.00
        #expect(whole(10_000_000).tier == 1.0)
        #expect(whole(10_000_000, cap: 250_000).amount.minorUnits == 250_000)  // capped at 2 500.00
        #expect(whole(10_000_000, cap: 250_000).rate == 0.025)
        #expect(whole(12_345_678, base: 3_333_333).amount.minorUnits == 100_000) // 33 333.33 × 3 % = 999.9999 → 1 000.00
    }

    @Test func progressiveSlicesAtTheTierBoundaries() {
        #expect(progressive(8_000_000).amount.minorUnits == 0)         // all of it in the 0 % slice
        // 99 999.99: slices 80 000.00 at 0 % and 19 999.99 at 2 % = 399.9998 → 400.00.
        #expect(progressive(9_999_999).amount.minorUnits == 40_000)
        #expect(progressive(10_000_000).amount.minorUnits == 40_000)   // 20 000.00 × 2 %
        // 120 000.00: 80 000.00 at 0 %, 20 000.00 at 2 % (400.00), 20 000.00 at 3 % (600.00).
        let c = progressive(12_000_000)
        #expect(c.amount.minorUnits == 100_000)
        #expect(c.tier == 1.0)
        #expect(abs(c.rate! - 1.0 / 120) < 1e-12)
    }

    /// A base other than revenue is sliced in the revenue slices' proportions (8 : 2 : 2 at 120 %),
    /// exactly: 10 000.01 → 6 666.67 + 1 666.67 + 1 666.67 (largest remainder), earning
    /// 0 + 33.3334 → 33.33 + 50.0001 → 50.00 = 83.33.
    @Test func progressiveOnAnotherBaseSplitsItExactly() {
        #expect(progressive(12_000_000, base: 3_000_000).amount.minorUnits == 25_000)
        #expect(progressive(12_000_000, base: 1_000_001).amount.minorUnits == 8_333)
    }

    @Test func noTargetOrNoBaseEarnsNothing() {
        let none = Commission(base: Money(minorUnits: 500_000), actual: 500_000, target: nil, settings: CommissionSettings())
        #expect(none.amount == .zero && none.tier == nil && none.rate == 0)
        #expect(whole(-5_000).amount == .zero)
    }
}

/// Ann and Bob, both in North, from March 2026 only, each with a 1 000.00 target for March.
/// Ann: 500.00 (cost 300.00) to C1 and 450.00 (cost 270.00) to C2 → achievement 0.95 (80 points),
/// margin 0.4 (100), two new customers (80). Bob: 1 000.00 (cost 700.00) to C3 → 1.0 (100),
/// margin 0.3 (60), one new customer (60). No prior year, shipments, payments or promised dates:
/// YoY, collection rate, overdue share and on-time rate have no data, so the weights of the three
/// others (0.30, 0.15, 0.10) are scaled up by 1 ÷ 0.55.
@Suite struct ScorecardTests {
    func scorecard() -> (Scorecard, SalesDataBuilder) {
        var b = SalesDataBuilder()
        b = b.line("2026-03-02", amount: 50_000, customer: "C1", region: "North", salesperson: "Ann", cost: 30_000)
        b = b.line("2026-03-05", amount: 45_000, customer: "C2", region: "North", salesperson: "Ann", cost: 27_000)
        b = b.line("2026-03-09", amount: 100_000, customer: "C3", region: "North", salesperson: "Bob", cost: 70_000)
        let rows = [
            TargetRow(period: .month(month("2026-03")), dimensions: [.salesperson: "Ann"], value: 100_000, line: 2),
            TargetRow(period: .month(month("2026-03")), dimensions: [.salesperson: "Bob"], value: 100_000, line: 3),
        ]
        let plan = TargetPlan(rows: rows, data: b.data, actuals: b.actuals)
        let matching = ShipmentMatching(data: b.data)
        let close = month("2026-03")
        let card = Scorecard(data: b.data, actuals: b.actuals, plan: plan, matching: matching,
                             receivables: ReceivablesReport(data: b.data, matching: matching, period: close),
                             delivery: DeliveryReport(data: b.data, matching: matching, period: close), close: close)
        return (card, b)
    }

    @Test func missingKPIsRedistributeTheirWeightAndRankByScore() {
        let (card, b) = scorecard()
        let people = card.rows.filter { $0.span.type == .month && $0.level == .salesperson }
        #expect(people.map(\.key) == [b.id(.salesperson, "Ann"), b.id(.salesperson, "Bob")])
        let ann = people[0], bob = people[1]
        #expect(ann.values[.achievementRate] == 0.95 && ann.points[.achievementRate] == 80)
        #expect(ann.values[.marginRate] == 0.4 && ann.points[.marginRate] == 100)
        #expect(ann.values[.newCustomers] == 2 && ann.points[.newCustomers] == 80)
        for kpi in [ScorecardKPI.yoyGrowth, .collectionRate, .overdueShare, .onTimeRate] {
            #expect(ann.values[kpi] == nil && ann.points[kpi] == nil)
        }
        #expect(abs(ann.score! - 47 / 0.55) < 1e-9)        // (0.3·80 + 0.15·100 + 0.1·80) ÷ 0.55 = 85.4545
        #expect(abs(bob.score! - 45 / 0.55) < 1e-9)        // (0.3·100 + 0.15·60 + 0.1·60) ÷ 0.55 = 81.8182
        #expect(ann.rank == 1 && bob.rank == 2)
    }

    @Test func commissionPerSalespersonRollsUpToTheRegion() {
        let (card, b) = scorecard()
        let month = card.rows.filter { $0.span.type == .month }
        let ann = month.first { $0.level == .salesperson && $0.key == b.id(.salesperson, "Ann") }!
        let bob = month.first { $0.level == .salesperson && $0.key == b.id(.salesperson, "Bob") }!
        #expect(ann.commission.amount.minorUnits == 1_900)   // 950.00 × 2 % = 19.00
        #expect(bob.commission.amount.minorUnits == 3_000)   // 1 000.00 × 3 % = 30.00
        let north = month.first { $0.level == .region }!
        #expect(north.commission.amount.minorUnits == 4_900)
        #expect(north.commission.base.minorUnits == 195_000)
        #expect(north.values[.achievementRate] == 0.975)     // 1 950.00 ÷ the rolled-up 2 000.00
    }
}
