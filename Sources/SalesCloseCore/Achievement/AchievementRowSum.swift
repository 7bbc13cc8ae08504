extension AchievementReport.Row {
    /// The rows of one period type added up into one row (an "others" or a "total" line of a
    /// report): amounts summed, ratios taken of the sums, statistics that do not add up (distinct
    /// customers, median, trend) left out. `target` and the prior actuals are nil only when nil
    /// on every row.
    public static func summed(_ rows: [Self], periodType: ReportingSpan.PeriodType, period: String,
                              level: ActualsLevel, keyText: String) -> Self {
        func sum(_ values: [Int64?]) -> Int64? {
            let present = values.compactMap { $0 }
            return present.isEmpty ? nil : present.reduce(0, +)
        }
        let target = sum(rows.map(\.target))
        let actual = rows.reduce(0) { $0 + $1.actual }
        let priorYear = sum(rows.map(\.priorYearActual))
        let priorPeriod = sum(rows.map(\.priorPeriodActual))
        let margin = sum(rows.map { $0.grossMargin?.minorUnits })
        let orders = rows.reduce(0) { $0 + $1.orderCount }
        return Self(periodType: periodType, period: period, level: level, key: noName, keyText: keyText,
                    target: target, actual: actual, achievementRate: finite(ratio(actual, target)),
                    priorYearActual: priorYear, yoyGrowth: finite(growth(actual, over: priorYear)),
                    priorPeriodActual: priorPeriod, momGrowth: finite(growth(actual, over: priorPeriod)),
                    rank: 0, orderCount: orders, customerCount: 0, averageOrderValue: nil,
                    grossMargin: margin.map(Money.init(minorUnits:)), marginRate: nil, medianOrderValue: nil,
                    trendSlope: nil)
    }
}
