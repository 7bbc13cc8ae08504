/// The Growth sheet: monthly KPIs of the total, each region and each salesperson over the
/// `months` months ending with the close month (from the first month of the data, if later),
/// with same-month-last-year (同比) and previous-month (环比) revenue growth. Prior revenue is
/// empty, not 0, for a month before the data starts; growth is empty from a zero base.
public struct GrowthReport: Sendable {
    public let table: ReportTable

    public init(actuals: MonthlyActuals, data: SalesData, close: Month, months: Int = 12,
                levels: [ActualsLevel] = AchievementReport.baseLevels) {
        guard let firstMonth = data.orderMonthRange?.lowerBound else {
            table = Self.empty
            return
        }
        let window = min(max(close.advanced(by: 1 - max(1, months)), firstMonth), close)...close
        var keys: [ActualsLevel: Set<NameID>] = [:]
        for k in actuals.figures.keys where levels.contains(k.level) && window.contains(k.month) {
            keys[k.level, default: []].insert(k.key)
        }
        func revenue(_ level: ActualsLevel, _ key: NameID, _ month: Month) -> Int64? {
            month >= firstMonth ? actuals.figures(level, key, month).revenue.minorUnits : nil
        }
        var rows: [[ReportTable.Cell]] = []
        for month in window.list {
            for level in levels {
                let sorted = keys[level, default: []].map { ($0, level.text(of: $0, names: data.names)) }
                    .sorted { $0.1 < $1.1 }
                for (key, text) in sorted {
                    let f = actuals.figures(level, key, month)
                    let current = f.revenue.minorUnits
                    let lastYear = revenue(level, key, month.advanced(by: -12))
                    let lastMonth = revenue(level, key, month.advanced(by: -1))
                    rows.append([
                        .month(month), .text(level.rawValue), .text(text), .money(f.revenue),
                        lastYear.map { .money(Money(minorUnits: $0)) } ?? .empty, .rateOrEmpty(growth(current, over: lastYear)),
                        lastMonth.map { .money(Money(minorUnits: $0)) } ?? .empty, .rateOrEmpty(growth(current, over: lastMonth)),
                        .quantity(f.quantity), .integer(f.orderCount), .integer(f.customerCount),
                        f.averageOrderValue.map(ReportTable.Cell.money) ?? .empty,
                        f.grossMargin.map(ReportTable.Cell.money) ?? .empty,
                        .rateOrEmpty(ratio(f.grossMargin?.minorUnits, f.costedRevenue.minorUnits)),
                    ])
                }
            }
        }
        table = ReportTable(name: "growth", columns: Self.columns, rows: rows)
    }

    private static let columns: [ReportTable.Column] = [
        .init("month", .month), .init("level", .text), .init("key", .text), .init("revenue", .money),
        .init("prior_year_revenue", .money), .init("yoy_growth", .rate),
        .init("prior_month_revenue", .money), .init("mom_growth", .rate),
        .init("quantity", .quantity), .init("order_count", .integer), .init("customer_count", .integer),
        .init("avg_order_value", .money), .init("gross_margin", .money), .init("margin_rate", .rate),
    ]
    private static let empty = ReportTable(name: "growth", columns: columns)
}
