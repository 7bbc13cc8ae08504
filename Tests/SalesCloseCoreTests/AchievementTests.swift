import Testing
@testable import SalesCloseCore
import SalesCloseWriters

@Suite struct AchievementTests {
    static let close = month("2026-08")

    static func report(_ b: SalesDataBuilder, rows: [TargetRow] = TargetPlanTests.annualRows,
                       close: Month = close) -> (TargetPlan, ReportTable) {
        let actuals = b.actuals
        let plan = TargetPlan(rows: rows, data: b.data, actuals: actuals)
        return (plan, AchievementReport(plan: plan, actuals: actuals, data: b.data, close: close).table)
    }

    func row(_ table: ReportTable, _ type: String, _ level: String, _ key: String) -> [ReportTable.Cell] {
        let found = table.rows(where: ["period_type": type, "level": level, "key": key])
        #expect(found.count == 1)
        return found.first ?? []
    }

    @Test func columnsStartWithTheSpecColumnsInOrder() {
        let (_, table) = Self.report(TargetPlanTests.sample())
        #expect(table.name == "achievement")
        #expect(table.columns.prefix(13).map(\.name) == [
            "period_type", "period", "level", "key", "target", "actual", "achievement_rate", "gap",
            "prior_year_actual", "yoy_growth", "prior_period_actual", "mom_growth", "rank",
        ])
        #expect(table.rows.allSatisfy { $0.count == table.columns.count })
    }

    /// The acceptance case: one annual figure per salesperson, prior_year allocation.
    @Test func periodTargetsAreSumsOfTheirMonthsAndEveryRateIsActualOverTarget() throws {
        let b = TargetPlanTests.sample()
        let (plan, table) = Self.report(b)
        var checked = 0
        for type in ReportingSpan.PeriodType.allCases {
            let span = ReportingSpan(type, closing: Self.close)
            for level in AchievementReport.baseLevels {
                for key in plan.keys(at: level, in: span.months) {
                    let r = row(table, type.rawValue, level.rawValue, level.text(of: key, names: b.data.names))
                    let monthSum = span.months.list.reduce(Int64(0)) {
                        $0 + plan.monthly[TargetPlan.Key(metric: .revenue, level: level, key: key, month: $1)]!
                    }
                    let target = try #require(table.cell(r, "target").minorUnits)
                    let actual = try #require(table.cell(r, "actual").minorUnits)
                    #expect(target == monthSum)
                    if target == 0 {
                        #expect(table.cell(r, "achievement_rate") == .empty)
                    } else {
                        let rate = try #require(table.cell(r, "achievement_rate").rateValue)
                        #expect(abs(rate - Double(actual) / Double(target)) <= 1e-9)
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == 3 * (1 + 2 + 3))
    }

    @Test func handCheckedRowsForAnnAndBob() {
        let (_, table) = Self.report(TargetPlanTests.sample())
        let annMonth = row(table, "month", "salesperson", "Ann")
        #expect(annMonth.prefix(13) == [
            .text("month"), .text("2026-08"), .text("salesperson"), .text("Ann"),
            .money(Money(minorUnits: 0)), .money(Money(minorUnits: 30_000)), .empty, .money(Money(minorUnits: -30_000)),
            .money(.zero), .empty, .money(Money(minorUnits: 20_000)), .rate(0.5), .integer(3),
        ])
        let annYTD = row(table, "ytd", "salesperson", "Ann")
        #expect(annYTD[1...11] == [
            .text("2026"), .text("salesperson"), .text("Ann"),
            .money(Money(minorUnits: 100_000)), .money(Money(minorUnits: 100_000)), .rate(1.0), .money(.zero),
            .money(Money(minorUnits: 40_000)), .rate(1.5), .empty, .empty,
        ])
        let bobMonth = row(table, "month", "salesperson", "Bob")
        #expect(table.cell(bobMonth, "achievement_rate") == .rate(0.0625))
        #expect(table.cell(bobMonth, "yoy_growth") == .rate(-0.375))
        #expect(table.cell(bobMonth, "mom_growth") == .rate(0))
    }

    @Test func quarterToDateIsComparedWithTheSameMonthsOfThePreviousQuarter() {
        let b = TargetPlanTests.sample()
            .line("2026-04-30", amount: 1_000, region: "North", salesperson: "Ann")
            .line("2026-06-01", amount: 9_000, region: "North", salesperson: "Ann")
        let (_, table) = Self.report(b)
        let annQTD = row(table, "qtd", "salesperson", "Ann")
        #expect(table.cell(annQTD, "period") == .text("2026-Q3"))
        #expect(table.cell(annQTD, "actual") == .money(Money(minorUnits: 50_000)))
        #expect(table.cell(annQTD, "prior_period_actual") == .money(Money(minorUnits: 1_000)))
        #expect(table.cell(annQTD, "mom_growth") == .rate(49))
    }

    @Test func ranksByRateThenKeysWithoutARateByActual() {
        let (_, table) = Self.report(TargetPlanTests.sample())
        let month = table.rows(where: ["period_type": "month", "level": "salesperson"])
        #expect(month.map { table.cell($0, "key") } == [.text("Cy"), .text("Bob"), .text("Ann")])
        #expect(month.map { table.cell($0, "rank") } == [.integer(1), .integer(2), .integer(3)])
        let ytd = table.rows(where: ["period_type": "ytd", "level": "salesperson"])
        #expect(ytd.map { table.cell($0, "key") } == [.text("Ann"), .text("Cy"), .text("Bob")])
    }

    @Test func rankingTiesGoToTheKeyTextAscending() {
        func row(_ key: String, _ rate: Double?, _ actual: Int64) -> AchievementReport.Row {
            AchievementReport.Row(periodType: .month, period: "2026-08", level: .salesperson, key: 0, keyText: key,
                                  target: nil, actual: actual, achievementRate: rate, priorYearActual: nil, yoyGrowth: nil,
                                  priorPeriodActual: nil, momGrowth: nil, rank: 0, orderCount: 0, customerCount: 0,
                                  averageOrderValue: nil, grossMargin: nil, marginRate: nil, medianOrderValue: nil,
                                  trendSlope: nil)
        }
        let ranked = AchievementReport.ranked([row("d", nil, 5), row("c", nil, 9), row("b", 0.5, 1), row("a", 0.5, 0), row("e", nil, 5)])
        #expect(ranked.map(\.keyText) == ["a", "b", "c", "d", "e"])
    }

    @Test func priorSpansBeforeTheDataAreEmptyAndGrowthFromAZeroBaseIsEmpty() {
        let b = SalesDataBuilder()
            .line("2025-01-15", amount: 0, salesperson: "Ann")
            .line("2025-02-15", amount: 5_000, salesperson: "Ann")
        let (_, table) = Self.report(b, rows: [], close: month("2025-02"))
        let r = row(table, "month", "salesperson", "Ann")
        #expect(table.cell(r, "prior_year_actual") == .empty)
        #expect(table.cell(r, "yoy_growth") == .empty)
        #expect(table.cell(r, "prior_period_actual") == .money(.zero))
        #expect(table.cell(r, "mom_growth") == .empty)
        #expect(table.cell(r, "target") == .empty)
        #expect(table.cell(r, "gap") == .empty)
        #expect(table.cell(r, "rank") == .integer(1))
    }

    @Test func leapDaysAndMonthEndsFallInTheirOwnMonth() {
        let b = SalesDataBuilder()
            .line("2024-02-29", amount: 2_900)
            .line("2024-03-01", amount: 100)
            .line("2025-01-31", amount: 3_100)
            .line("2025-02-28", amount: 5_800)
            .line("2025-03-01", amount: 7)
        let (_, table) = Self.report(b, rows: [], close: month("2025-02"))
        let r = row(table, "month", "total", "total")
        #expect(table.cell(r, "actual") == .money(Money(minorUnits: 5_800)))
        #expect(table.cell(r, "prior_year_actual") == .money(Money(minorUnits: 2_900)))
        #expect(table.cell(r, "yoy_growth") == .rate(1))
        #expect(table.cell(r, "prior_period_actual") == .money(Money(minorUnits: 3_100)))
    }

    @Test func orderAndCustomerFiguresOverASpan() {
        let b = SalesDataBuilder()
            .line("2026-07-03", amount: 10_000, customer: "C1", salesperson: "Ann", cost: 6_000, order: "A")
            .line("2026-07-03", amount: 20_000, customer: "C1", sku: "P2", salesperson: "Ann", order: "A")
            .line("2026-08-10", amount: 10_001, customer: "C1", salesperson: "Ann", cost: 5_001, order: "B")
            .line("2026-08-20", amount: 50_000, customer: "C2", salesperson: "Ann", cancelled: true)
        let (_, table) = Self.report(b, rows: [])
        let qtd = row(table, "qtd", "salesperson", "Ann")
        #expect(table.cell(qtd, "order_count") == .integer(2))
        #expect(table.cell(qtd, "customer_count") == .integer(1))
        #expect(table.cell(qtd, "avg_order_value") == .money(Money(minorUnits: 20_001)))  // 40 001 / 2, half up
        #expect(table.cell(qtd, "median_order_value") == .money(Money(minorUnits: 20_001)))  // (30 000 + 10 001) / 2
        #expect(table.cell(qtd, "gross_margin") == .money(Money(minorUnits: 9_000)))
        #expect(table.cell(qtd, "margin_rate") == .rate(9_000.0 / 20_001.0))
        #expect(table.cell(qtd, "trend_slope") == .money(Money(minorUnits: -19_999)))
    }

    @Test func otherLevelsAppearOnlyWithTargetsAndOnlyForTargetedKeys() {
        let b = TargetPlanTests.sample()
            .line("2026-08-05", amount: 1_000, sku: "P2", category: "Toys")
            .line("2026-08-05", amount: 1_000, sku: "P3", category: "Tools")
        let rows = [TargetRow(period: .year(2026), dimensions: [.category: "Toys"], value: 12_000, line: 2)]
        let (_, without) = Self.report(b, rows: [])
        #expect(without.rows(where: ["level": "category"]).isEmpty)
        let (_, with) = Self.report(b, rows: rows)
        #expect(with.rows(where: ["level": "category"]).map { with.cell($0, "key") } == Array(repeating: .text("Toys"), count: 3))
    }

    @Test func trendSlopeIsTheExactLeastSquaresSlopeRounded() {
        #expect(trendSlope([100, 200, 300]) == 100)
        #expect(trendSlope([0, 0, 100]) == 50)
        #expect(trendSlope([0, 0, 1]) == 1)
        #expect(trendSlope([0, 0, -1]) == -1)
        #expect(trendSlope([7]) == nil)
    }

    @Test func aCloseMonthBeforeTheDataGivesAnEmptyGrowthTable() {
        let b = SalesDataBuilder().line("2025-07-15", amount: 4_000)
        #expect(GrowthReport(actuals: b.actuals, data: b.data, close: month("2024-12")).table.rows.isEmpty)
    }

    @Test func growthTableHasMonthlyKPIsWithSameMonthLastYearAndPreviousMonth() {
        let b = SalesDataBuilder()
            .line("2025-07-15", amount: 4_000, region: "North")
            .line("2026-07-15", amount: 0, region: "North")
            .line("2026-08-15", amount: 6_000, region: "North")
        let table = GrowthReport(actuals: b.actuals, data: b.data, close: Self.close).table
        #expect(table.name == "growth")
        let august = table.rows(where: ["level": "region", "key": "North"]).filter { $0[0] == .month(Self.close) }
        #expect(august.count == 1)
        #expect(table.cell(august[0], "prior_year_revenue") == .money(.zero))
        #expect(table.cell(august[0], "yoy_growth") == .empty)
        #expect(table.cell(august[0], "mom_growth") == .empty)
        let july = table.rows(where: ["level": "total"]).filter { $0[0] == .month(month("2026-07")) }
        #expect(table.cell(july[0], "yoy_growth") == .rate(-1))
        #expect(table.rows.first?[0] == .month(month("2025-09")))
    }
}

/// Rows added up into an "others" or total line: amounts summed, ratios of the sums.
@Suite struct AchievementRowSumTests {
    func row(target: Int64?, actual: Int64, priorYear: Int64?) -> AchievementReport.Row {
        AchievementReport.Row(periodType: .month, period: "2026-08", level: .salesperson, key: 0, keyText: "k",
                              target: target, actual: actual, achievementRate: nil, priorYearActual: priorYear, yoyGrowth: nil,
                              priorPeriodActual: nil, momGrowth: nil, rank: 1, orderCount: 2, customerCount: 1,
                              averageOrderValue: nil, grossMargin: nil, marginRate: nil, medianOrderValue: nil, trendSlope: nil)
    }

    @Test func sumsAmountsAndTakesRatiosOfTheSums() {
        // Targets 1000 + (none) = 1000, actuals 800 + 400 = 1200 → 120 %, gap −200; prior year 1000 + 200 → +0 %.
        let s = AchievementReport.Row.summed([row(target: 1000, actual: 800, priorYear: 1000), row(target: nil, actual: 400, priorYear: 200)],
                                             periodType: .month, period: "2026-08", level: .salesperson, keyText: "")
        #expect(s.target == 1000 && s.actual == 1200 && s.gap == -200)
        #expect(s.achievementRate == 1.2)
        #expect(s.yoyGrowth == 0)
        #expect(s.priorPeriodActual == nil && s.momGrowth == nil)
        #expect(s.orderCount == 4 && s.key == noName)
    }
}
