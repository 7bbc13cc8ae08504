extension GrowthReport.Row {
    /// Rows of one month added up (an "others" or "total" line): figures merged, growth and margin
    /// rate taken of the sums; prior revenue nil only when nil on every row.
    public static func summed(_ rows: [Self], month: Month, level: ActualsLevel, keyText: String) -> Self {
        var figures = ActualsFigures()
        for r in rows { figures.merge(r.figures) }
        figures.customerCount = 0
        func sum(_ values: [Money?]) -> Int64? {
            let present = values.compactMap { $0?.minorUnits }
            return present.isEmpty ? nil : present.reduce(0, +)
        }
        let priorYear = sum(rows.map(\.priorYearRevenue)), priorMonth = sum(rows.map(\.priorMonthRevenue))
        let current = figures.revenue.minorUnits
        return Self(month: month, level: level, key: noName, keyText: keyText, figures: figures,
                    priorYearRevenue: priorYear.map(Money.init(minorUnits:)), yoyGrowth: finite(growth(current, over: priorYear)),
                    priorMonthRevenue: priorMonth.map(Money.init(minorUnits:)), momGrowth: finite(growth(current, over: priorMonth)),
                    marginRate: finite(ratio(figures.grossMargin?.minorUnits, figures.costedRevenue.minorUnits)))
    }
}
