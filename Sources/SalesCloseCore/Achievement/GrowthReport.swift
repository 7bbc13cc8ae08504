/// The Growth sheet: monthly KPIs of the total, each region and each salesperson over the
/// `months` months ending with the close month (from the first month of the data, if later),
/// with same-month-last-year (同比) and previous-month (环比) revenue growth. Prior revenue is
/// empty, not 0, for a month before the data starts; growth is empty from a zero base.
public struct GrowthReport: Sendable {
    public struct Row: Sendable, Equatable {
        public var month: Month
        public var level: ActualsLevel
        public var key: NameID
        public var keyText: String
        public var figures: ActualsFigures
        /// Revenue of the same month last year, of the month before; nil before the data starts.
        public var priorYearRevenue: Money?
        public var yoyGrowth: Double?
        public var priorMonthRevenue: Money?
        public var momGrowth: Double?
        /// Gross margin ÷ revenue of the lines that carry a cost.
        public var marginRate: Double?
    }

    /// Month by month (oldest first), level by level, keys by text.
    public let rows: [Row]

    public init(actuals: MonthlyActuals, data: SalesData, close: Month, months: Int = 12,
                levels: [ActualsLevel] = AchievementReport.baseLevels) {
        guard let firstMonth = data.orderMonthRange?.lowerBound else {
            rows = []
            return
        }
        let window = min(max(close.advanced(by: 1 - max(1, months)), firstMonth), close)...close
        var keys: [ActualsLevel: Set<NameID>] = [:]
        for k in actuals.keys where levels.contains(k.level) && window.contains(k.month) {
            keys[k.level, default: []].insert(k.key)
        }
        func revenue(_ level: ActualsLevel, _ key: NameID, _ month: Month) -> Int64? {
            month >= firstMonth ? actuals.figures(level, key, month).revenue.minorUnits : nil
        }
        var rows: [Row] = []
        for month in window.list {
            for level in levels {
                let sorted = keys[level, default: []].map { ($0, level.text(of: $0, names: data.names)) }
                    .sorted { $0.1 < $1.1 }
                for (key, text) in sorted {
                    let f = actuals.figures(level, key, month)
                    let current = f.revenue.minorUnits
                    let lastYear = revenue(level, key, month.advanced(by: -12))
                    let lastMonth = revenue(level, key, month.advanced(by: -1))
                    rows.append(Row(month: month, level: level, key: key, keyText: text, figures: f,
                                    priorYearRevenue: lastYear.map(Money.init(minorUnits:)),
                                    yoyGrowth: finite(growth(current, over: lastYear)),
                                    priorMonthRevenue: lastMonth.map(Money.init(minorUnits:)),
                                    momGrowth: finite(growth(current, over: lastMonth)),
                                    marginRate: finite(ratio(f.grossMargin?.minorUnits, f.costedRevenue.minorUnits))))
                }
            }
        }
        self.rows = rows
    }
}
