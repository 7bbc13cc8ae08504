import SalesCloseCore

extension FlashReport {
    private func figures(_ f: DailyFigures) -> [ReportTable.Cell] {
        [.money(f.revenue), .integer(f.orderCount), .integer(f.customerCount), f.averageOrderValue.map(ReportTable.Cell.money) ?? .empty]
    }
    private static func figureColumns(_ prefix: String) -> [ReportTable.Column] {
        [.init("\(prefix)_revenue", .money), .init("\(prefix)_orders", .integer), .init("\(prefix)_customers", .integer),
         .init("\(prefix)_aov", .money)]
    }

    /// `flash.csv`: one row per level (total, region, salesperson) and key.
    public func table(names: SalesData.Names) -> ReportTable {
        let rows: [[ReportTable.Cell]] = rows.map { r in
            [.day(asOf), .text(r.level.rawValue), .text(r.level.text(of: r.key, names: names)),
             r.monthTarget.map(ReportTable.Cell.money) ?? .empty, r.mtdTarget.map(ReportTable.Cell.money) ?? .empty,
             .money(r.mtd.revenue), .rateOrEmpty(r.achievement), .money(r.runRate), .money(r.projection),
             .rateOrEmpty(r.projectedAchievement), .integer(r.mtd.orderCount), .integer(r.mtd.customerCount)]
                + figures(r.day) + figures(r.sameWeekdayLastWeek) + figures(r.sameWeekdayLastYear)
                + figures(r.weekToDate) + figures(r.weekToDateLastWeek) + [.text(r.spread.rawValue)]
        }
        return ReportTable(name: "flash", columns: [
            .init("as_of", .day), .init("level", .text), .init("key", .text), .init("month_target", .money),
            .init("mtd_target", .money), .init("mtd_actual", .money), .init("mtd_achievement", .rate), .init("run_rate", .money),
            .init("projection", .money), .init("projected_achievement", .rate), .init("mtd_orders", .integer),
            .init("mtd_customers", .integer),
        ] + Self.figureColumns("day") + Self.figureColumns("last_week") + Self.figureColumns("last_year")
          + Self.figureColumns("wtd") + Self.figureColumns("wtd_last_week") + [.init("spread", .text)], rows: rows)
    }

    /// `flash_daily.csv`: every day of the month × level and key: the day's target and actual and
    /// both cumulated (actuals empty after the as-of day).
    public func dailyTable(names: SalesData.Names) -> ReportTable {
        let rows: [[ReportTable.Cell]] = days.map { d in
            [.day(d.day), .text(d.level.rawValue), .text(d.level.text(of: d.key, names: names)),
             d.target.map(ReportTable.Cell.money) ?? .empty, d.cumulativeTarget.map(ReportTable.Cell.money) ?? .empty,
             d.actual.map { .money($0.revenue) } ?? .empty, d.cumulativeActual.map(ReportTable.Cell.money) ?? .empty,
             d.actual.map { .integer($0.orderCount) } ?? .empty, d.actual.map { .integer($0.customerCount) } ?? .empty]
        }
        return ReportTable(name: "flash_daily", columns: [
            .init("day", .day), .init("level", .text), .init("key", .text), .init("target", .money),
            .init("cumulative_target", .money), .init("actual", .money), .init("cumulative_actual", .money),
            .init("orders", .integer), .init("customers", .integer),
        ], rows: rows)
    }

    /// `flash_movers.csv`: the top rises and falls of SKUs, customers and salespeople.
    public func moversTable(data: SalesData) -> ReportTable {
        let rows: [[ReportTable.Cell]] = movers.map { m in
            let name = m.level == .sku ? data.productName(m.key) : m.level == .customer ? data.customerName(m.key) : ""
            return [.text(m.level.rawValue), .text(m.level.text(of: m.key, names: data.names)), .textOrEmpty(name),
                    .money(m.current), .money(m.previous), .money(m.change)]
        }
        return ReportTable(name: "flash_movers", columns: [
            .init("level", .text), .init("key", .text), .init("name", .text), .init("mtd_revenue", .money),
            .init("same_days_last_month", .money), .init("change", .money),
        ], rows: rows)
    }
}
