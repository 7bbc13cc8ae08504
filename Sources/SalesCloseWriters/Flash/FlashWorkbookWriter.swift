import SalesCloseConfiguration
import SalesCloseCore

/// `flash-<as-of>.xlsx`, the one-page daily flash (营业日报) in the configured language: on the
/// left the month-to-date figures and the tables by region and salesperson (the `top` largest by
/// MTD revenue), on the right the day against the same weekday last week and last year, week to
/// date, and the top movers. Printed landscape on one A4 page.
public func writeFlashWorkbook(_ flash: FlashReport, data: SalesData, to path: String, language: Language,
                               top: Int = 12) throws {
    let t = { (key: String, args: [String]) in Translations.text(key, language, arguments: args) }
    let names = data.names
    let options = XLSXWorkbook.Options(createdAt: Int64(flash.asOf.daysSinceEpoch) * 86_400,
                                       title: t("flash_title", [flash.asOf.description]), author: "SalesClose")
    try XLSXWorkbook.write(to: path, options: options) { workbook in
        let styles = try CellStyles(workbook)
        let ws = try workbook.addWorksheet(named: t("flash_sheet", []))
        ws.hideGridlines()
        try ws.setPrintLayout(repeatRows: nil, footer: nil, fitOnePage: true)

        /// A caption, a header and rows at (row, column); returns the row after it.
        func table(_ row: Int, _ column: Int, _ caption: String, _ columns: [ReportTable.Column], _ rows: [[ReportTable.Cell]]) throws -> Int {
            try ws.writeString(row, column, caption, styles.caption)
            for (i, c) in columns.enumerated() {
                try ws.writeString(row + 1, column + i, Translations.columnHeader(c.name, language),
                                   c.kind == .text ? styles.header : styles.numericHeader)
            }
            for (r, cells) in rows.enumerated() {
                for (i, cell) in cells.enumerated() { try styles.write(cell, to: ws, row: row + 2 + r, column: column + i) }
            }
            return row + 3 + rows.count
        }
        let total = flash.rows.first { $0.level == .total }
        let month = "\(flash.month.firstDay) … \(flash.asOf)"
        try ws.writeString(0, 0, t("flash_title", [flash.asOf.description]), styles.title)
        try ws.writeString(1, 0, t("flash_subtitle", [month, t("spread." + flash.spread.rawValue, [])]), styles.subtitle)

        // Left: the month to date.
        var left = 3
        if let total {
            let money = { (m: Money?) in m.map(ReportTable.Cell.money) ?? .empty }
            left = try table(left, 0, t("flash_mtd", []), [.init("measure", .text), .init("value", .money)], [
                [.text(t("mtd_actual", [])), .money(total.mtd.revenue)],
                [.text(t("mtd_target", [])), money(total.mtdTarget)],
                [.text(t("mtd_achievement", [])), .rateOrEmpty(total.achievement)],
                [.text(t("month_target", [])), money(total.monthTarget)],
                [.text(t("month_end_projection", [])), .money(total.projection)],
                [.text(t("projected_achievement", [])), .rateOrEmpty(total.projectedAchievement)],
                [.text(t("run_rate", [])), .money(total.runRate)],
            ])
        }
        let levelColumns: [ReportTable.Column] = [
            .init("key", .text), .init("month_target", .money), .init("mtd_target", .money), .init("mtd_actual", .money),
            .init("mtd_achievement", .rate), .init("month_end_projection", .money), .init("projected_achievement", .rate),
            .init("day_revenue", .money),
        ]
        for level in [ActualsLevel.region, .salesperson] {
            let rows = flash.rows.filter { $0.level == level }.sorted { $0.mtd.revenue > $1.mtd.revenue }.prefix(top)
            guard !rows.isEmpty else { continue }
            left = try table(left, 0, t("flash_by_level", [Translations.text("level." + level.rawValue, language)]), levelColumns,
                             rows.map { r in
                                 [.text(level.text(of: r.key, names: names)), r.monthTarget.map(ReportTable.Cell.money) ?? .empty,
                                  r.mtdTarget.map(ReportTable.Cell.money) ?? .empty, .money(r.mtd.revenue), .rateOrEmpty(r.achievement),
                                  .money(r.projection), .rateOrEmpty(r.projectedAchievement), .money(r.day.revenue)]
                             })
        }

        // Right: the day, the week, the movers.
        let right = 9
        var row = 3
        if let total {
            func line(_ key: String, _ f: (DailyFigures) -> ReportTable.Cell) -> [ReportTable.Cell] {
                [.text(t(key, [])), f(total.day), f(total.sameWeekdayLastWeek), f(total.sameWeekdayLastYear)]
            }
            row = try table(row, right, t("flash_day", [flash.asOf.description]),
                            [.init("measure", .text), .init("day", .money), .init("same_weekday_last_week", .money),
                             .init("same_weekday_last_year", .money)], [
                                line("revenue") { .money($0.revenue) }, line("order_count") { .integer($0.orderCount) },
                                line("customer_count") { .integer($0.customerCount) },
                                line("avg_order_value") { $0.averageOrderValue.map(ReportTable.Cell.money) ?? .empty },
                            ])
            row = try table(row, right, t("flash_week", []),
                            [.init("measure", .text), .init("week_to_date", .money), .init("same_days_last_week", .money)], [
                                [.text(t("revenue", [])), .money(total.weekToDate.revenue), .money(total.weekToDateLastWeek.revenue)],
                                [.text(t("order_count", [])), .integer(total.weekToDate.orderCount), .integer(total.weekToDateLastWeek.orderCount)],
                            ])
        }
        let movers = flash.movers
        row = try table(row, right, t("flash_movers", []),
                        [.init("level", .text), .init("key", .text), .init("mtd_revenue", .money),
                         .init("same_days_last_month", .money), .init("change", .money)],
                        movers.map { m in
                            let name = m.level == .sku ? data.productName(m.key) : m.level == .customer ? data.customerName(m.key) : ""
                            let key = m.level.text(of: m.key, names: names)
                            return [.text(Translations.text("level." + m.level.rawValue, language)),
                                    .text(name.isEmpty ? key : "\(key) \(name)"), .money(m.current), .money(m.previous), .money(m.change)]
                        })
        var noteRow = max(left, row)
        for r in flash.rows where r.spread != flash.spread {
            try ws.writeString(noteRow, 0, t("flash_fallback", [Translations.text("level." + r.level.rawValue, language),
                                                                r.level.text(of: r.key, names: names)]), styles.note)
            noteRow += 1
        }
        // Wide enough for every header on one line in either language: the two blocks share rows,
        // so a taller header row on one side would open a gap in the other.
        for (column, width) in [24, 13, 13, 13, 16, 24, 22, 11, 2, 12, 32, 22, 23, 23].enumerated() {
            try ws.setColumn(column, column, width: Double(width))
        }
    }
}
