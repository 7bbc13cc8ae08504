import SalesCloseTestSupport
import Foundation
import SalesCloseConfiguration
import SalesCloseCore
import SalesCloseWriters

/// A realistic close pack for July 2026, built from a fixed pseudo-random sequence, with the
/// awkward values the writer must keep intact: IDs with leading zeros, 18-digit IDs, Chinese
/// names, and customer names that look like formulas.
enum XLSXSamplePack {
    typealias Cell = ReportTable.Cell
    static let period = Month(year: 2026, month: 7)

    struct Random {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static func money(_ v: Double) -> Cell { .money(Money(minorUnits: Int64((v * 100).rounded()))) }

    static let regions = ["华东", "华南", "North", "West"]
    static let injection = "=HYPERLINK(\"http://x\",\"y\")"

    static var achievement: ReportTable {
        var t = ReportTable(name: "achievement", columns: [
            .init("period_type", .text), .init("period", .text), .init("level", .text), .init("key", .text),
            .init("target", .money), .init("actual", .money), .init("achievement_rate", .rate), .init("gap", .money),
            .init("prior_year_actual", .money), .init("yoy_growth", .rate), .init("prior_period_actual", .money),
            .init("mom_growth", .rate), .init("rank", .integer),
        ])
        let rates = [0.72, 0.93, 1.08, 0.81]
        var total = (0.0, 0.0)
        var rows: [[Cell]] = []
        for (i, r) in regions.enumerated() {
            let target = 1_200_000.0 + Double(i) * 150_000
            let actual = (target * rates[i]).rounded()
            total.0 += target; total.1 += actual
            rows.append([.text("month"), .text("2026-07"), .text("region"), .text(r), money(target), money(actual),
                         .rate(actual / target), money(target - actual), money(actual * 0.9), .rate(1 / 0.9 - 1),
                         money(actual * 1.05), .rate(1 / 1.05 - 1), .integer(0)])
        }
        let ranked = rows.indices.sorted { rates[$0] > rates[$1] }
        for (rank, i) in ranked.enumerated() { rows[i][12] = .integer(rank + 1) }
        t.rows.append([.text("month"), .text("2026-07"), .text("total"), .text("total"), money(total.0), money(total.1),
                       .rate(total.1 / total.0), money(total.0 - total.1), money(total.1 * 0.9), .rate(1 / 0.9 - 1),
                       .empty, .empty, .empty])
        t.rows += rows
        // A salesperson without a target: achievement is empty, not 0.
        t.rows.append([.text("month"), .text("2026-07"), .text("salesperson"), .text("E0042"), .empty, money(88_000),
                       .empty, .empty, .empty, .empty, money(80_000), .rate(0.1), .empty])
        return t
    }

    static var monthly: ReportTable {
        var t = ReportTable(name: "actuals_monthly", columns: [
            .init("month", .month), .init("level", .text), .init("key", .text), .init("revenue", .money),
            .init("quantity", .quantity), .init("order_count", .integer), .init("customer_count", .integer),
            .init("avg_order_value", .money), .init("gross_margin", .money),
        ])
        var rnd = Random(state: 7)
        for m in period.advanced(by: -23)...period {
            let season = 1 + 0.25 * sin(Double(m.month) / 12 * 2 * .pi)
            let revenue = (4_200_000 + Double(period.distance(to: m)) * -25_000) * season * (0.9 + 0.2 * rnd.next())
            let orders = Int(revenue / 3_100)
            t.rows.append([.month(m), .text("total"), .text("total"), money(revenue),
                           .quantity(Quantity(thousandths: Int64(revenue / 12) * 1000 + (m.month == 2 ? 500 : 0))),
                           .integer(orders), .integer(orders / 3), money(revenue / Double(orders)), money(revenue * 0.31)])
        }
        return t
    }

    static var productsABC: ReportTable {
        abc(name: "abc_products", count: 40, seed: 11) { i in "00\(1000 + i * 7)" } name: { i in
            ["不锈钢保温杯 500ml", "Ceramic mug", "竹制砧板", "LED desk lamp", "收纳箱 大号"][i % 5] + " #\(i + 1)"
        }
    }

    static var customersABC: ReportTable {
        abc(name: "abc_customers", count: 25, seed: 13) { i in i == 0 ? "123456789012345678" : "C\(String(format: "%05d", i))" } name: { i in
            i == 1 ? injection : ["上海恒通贸易有限公司", "Acme Retail GmbH", "深圳市华南电子", "Nordic Home AB"][i % 4]
        }
    }

    static func abc(name: String, count: Int, seed: UInt64, key: (Int) -> String, name itemName: (Int) -> String) -> ReportTable {
        var t = ReportTable(name: name, columns: [
            .init("key", .text), .init("name", .text), .init("metric", .money), .init("share", .rate),
            .init("cumulative_share", .rate), .init("rank", .integer), .init("abc_class", .text), .init("cv", .number),
            .init("xyz_class", .text),
        ])
        var rnd = Random(state: seed)
        let metrics = (0..<count).map { i in 2_000_000 / pow(Double(i + 1), 1.1) * (0.9 + 0.2 * rnd.next()) }.sorted(by: >)
        let total = metrics.reduce(0, +)
        var cumulative = 0.0
        for (i, m) in metrics.enumerated() {
            let before = cumulative
            cumulative += m / total
            let abc = before < 0.8 ? "A" : before < 0.95 ? "B" : "C"
            let cv = 0.2 + 1.2 * rnd.next()
            t.rows.append([.text(key(i)), .text(itemName(i)), money(m), .rate(m / total), .rate(cumulative),
                           .integer(i + 1), .text(abc), .number(cv), .text(cv <= 0.5 ? "X" : cv <= 1 ? "Y" : "Z")])
        }
        return t
    }

    static func matrix(_ t: ReportTable) -> ReportTable {
        var m = ReportTable(name: "abc_xyz_matrix", columns: [.init("abc_class", .text), .init("x", .integer),
                                                                  .init("y", .integer), .init("z", .integer)])
        for abc in ["A", "B", "C"] {
            var row: [Cell] = [.text(abc)]
            for xyz in ["X", "Y", "Z"] {
                row.append(.integer(t.rows.filter { $0[6] == .text(abc) && $0[8] == .text(xyz) }.count))
            }
            m.rows.append(row)
        }
        return m
    }

    static var backlog: ReportTable {
        var t = ReportTable(name: "backlog", columns: [
            .init("month_end", .day), .init("level", .text), .init("key", .text), .init("opening", .money),
            .init("new_orders", .money), .init("shipped", .money), .init("cancelled", .money), .init("closing", .money),
            .init("book_to_bill", .number),
        ])
        var rnd = Random(state: 17)
        var opening = 1_800_000.0
        for m in period.advanced(by: -11)...period {
            let new = 4_000_000 * (0.85 + 0.3 * rnd.next()), shipped = 3_950_000 * (0.85 + 0.3 * rnd.next())
            let cancelled = 40_000 * rnd.next()
            let closing = opening + new - shipped - cancelled
            t.rows.append([.day(m.lastDay), .text("total"), .text("total"), money(opening), money(new), money(shipped),
                           money(cancelled), money(closing), .number(new / shipped)])
            opening = closing
        }
        return t
    }

    static var delivery: ReportTable {
        var t = ReportTable(name: "delivery", columns: [
            .init("month", .month), .init("level", .text), .init("key", .text), .init("lines_shipped", .integer),
            .init("on_time", .integer), .init("late", .integer), .init("on_time_rate", .rate), .init("avg_days_late", .number),
        ])
        var rnd = Random(state: 19)
        for m in period.advanced(by: -11)...period {
            let lines = 1200 + Int(400 * rnd.next()), late = Int(Double(lines) * 0.15 * rnd.next())
            t.rows.append([.month(m), .text("total"), .text("total"), .integer(lines), .integer(lines - late), .integer(late),
                           .rate(Double(lines - late) / Double(lines)), .number(3 + 4 * rnd.next())])
        }
        return t
    }

    static var receivables: ReportTable {
        var t = ReportTable(name: "receivables", columns: [
            .init("customer_id", .text), .init("customer_name", .text), .init("shipped_value", .money), .init("paid", .money),
            .init("balance", .money), .init("b0_30", .money), .init("b31_60", .money), .init("b61_90", .money),
            .init("b90_plus", .money), .init("credit_limit", .money), .init("over_limit", .money),
        ])
        var rnd = Random(state: 23)
        let abc = customersABC
        for (i, row) in abc.rows.prefix(15).enumerated() {
            let shipped = 600_000 / Double(i + 1)
            let buckets = [0.5, 0.25, 0.15, 0.1].map { shipped * 0.4 * $0 * (0.5 + rnd.next()) }
            let balance = buckets.reduce(0, +)
            let limit = 150_000.0
            t.rows.append([row[0], row[1], money(shipped), money(shipped - balance), money(balance)] + buckets.map(money)
                          + [money(limit), money(max(0, balance - limit))])
        }
        return t
    }

    static var forecast: ReportTable {
        var t = ReportTable(name: "forecast", columns: [
            .init("level", .text), .init("key", .text), .init("month", .month), .init("forecast", .money),
            .init("lo80", .money), .init("hi80", .money), .init("lo95", .money), .init("hi95", .money),
            .init("model", .text), .init("backtest_wape", .rate),
        ])
        for h in 1...12 {
            let f = 4_300_000.0 * (1 + 0.25 * sin(Double(period.advanced(by: h).month) / 12 * 2 * .pi))
            let w = 0.06 * sqrt(Double(h)) * f
            t.rows.append([.text("total"), .text("total"), .month(period.advanced(by: h)), money(f), money(f - w),
                           money(f + w), money(f - 1.5 * w), money(f + 1.5 * w), .text("ETS(A,Ad,A)"), .rate(0.084)])
        }
        return t
    }

    static var inputFiles: ReportTable {
        ReportTable(name: "input_files", columns: [
            .init("file", .text), .init("table", .text), .init("rows_read", .integer), .init("rows_accepted", .integer),
            .init("rows_rejected", .integer), .init("rows_duplicate", .integer),
        ], rows: [
            [.text("orders_2026-06.csv"), .text("orders"), .integer(182_311), .integer(182_250), .integer(61), .integer(0)],
            [.text("orders_2026-07.csv"), .text("orders"), .integer(190_004), .integer(189_990), .integer(14), .integer(41_377)],
            [.text("发货明细_7月.csv"), .text("shipments"), .integer(150_220), .integer(150_220), .integer(0), .integer(0)],
            [.text("payments.csv"), .text("payments"), .integer(20_450), .integer(20_441), .integer(9), .integer(3)],
        ])
    }

    static var settings: ReportTable {
        ReportTable(name: "settings", columns: [.init("setting", .text), .init("value", .text)], rows: [
            [.text("period"), .text("2026-07")], [.text("targets.allocation"), .text("prior_year")],
            [.text("abc.window_months"), .text("12")], [.text("abc.a / abc.b"), .text("0.80 / 0.95")],
            [.text("achievement colours"), .text("0.80 / 1.00")], [.text("language"), .text("zh-CN")],
        ])
    }

    static func trend() -> ReportTable {
        var t = ReportTable(name: "revenue_trend", columns: [.init("month", .month), .init("actual", .money),
                                                             .init("forecast", .money), .init("lo80", .money), .init("hi80", .money)])
        for row in monthly.rows { t.rows.append([row[0], row[3], .empty, .empty, .empty]) }
        // The forecast starts from the last actual so the two lines join.
        t.rows[t.rows.count - 1][2] = t.rows[t.rows.count - 1][1]
        for row in forecast.rows.prefix(6) { t.rows.append([row[2], .empty, row[3], row[4], row[5]]) }
        return t
    }

    static func regionChart() -> ReportTable {
        var t = ReportTable(name: "region_actual_target", columns: [.init("region", .text), .init("target", .money), .init("actual", .money)])
        for row in achievement.rows where row[2] == .text("region") { t.rows.append([row[3], row[4], row[5]]) }
        return t
    }

    static func pareto() -> ReportTable {
        var t = ReportTable(name: "pareto", columns: [.init("sku", .text), .init("share", .rate), .init("cumulative_share", .rate)])
        for row in productsABC.rows.prefix(20) { t.rows.append([row[0], row[3], row[4]]) }
        return t
    }

    static func pack(_ language: Language, forecastAvailable: Bool = true) -> ClosePack {
        let products = productsABC, customers = customersABC
        let kpis: [KPI] = [
            KPI("revenue", money(4_612_345.67), comparisons: [.init("target", money(5_150_000)), .init("prior_year", money(4_150_000))]),
            KPI("achievement_rate", .rate(0.8956), comparisons: [.init("ytd", .rate(0.9412))], colourAsAchievement: true),
            KPI("yoy_growth", .rate(0.1114), comparisons: [.init("prior_year", money(4_150_000))]),
            KPI("mom_growth", .rate(-0.0321), comparisons: [.init("prior_month", money(4_765_000))]),
            KPI("gross_margin", money(1_429_827.16), comparisons: [.init("gross_margin_rate", .rate(0.31))]),
            KPI("backlog_closing", money(2_034_112.5), comparisons: [.init("book_to_bill", .number(1.04))]),
            KPI("on_time_rate", .rate(0.914), comparisons: [.init("avg_days_late", .number(4.2))]),
            KPI("receivables_balance", money(1_180_400), comparisons: [.init("overdue_90_plus", money(96_300))]),
            KPI("projected_year_end_achievement", .rate(1.012), comparisons: [.init("annual_target", money(58_000_000))],
                colourAsAchievement: true),
        ]
        let sheets = [
            ClosePackSheet(titleKey: "achievement", table: achievement, achievementColumns: ["achievement_rate"]),
            ClosePackSheet(titleKey: "growth", table: monthly,
                           charts: [ChartSpec(.column, titleKey: "revenue_trend_24m", category: "month", values: ["revenue"])]),
            ClosePackSheet(titleKey: "products_abc", table: products, sideTables: [matrix(products)],
                           notes: [Translations.text("abc_window_note", language, "2025-08", "2026-07",
                                                     Translations.text("revenue", language), "80 %", "95 %"),
                                   Translations.text("xyz_note", language, "0.5", "1.0")]),
            ClosePackSheet(titleKey: "customers_abc", table: customers, sideTables: [matrix(customers)]),
            ClosePackSheet(titleKey: "backlog", table: backlog,
                           charts: [ChartSpec(.column, titleKey: "backlog_trend", category: "month_end", values: ["closing"])]),
            ClosePackSheet(titleKey: "delivery", table: delivery,
                           charts: [ChartSpec(.line, titleKey: "on_time_trend", category: "month", values: ["on_time_rate"])]),
            ClosePackSheet(titleKey: "receivables", table: receivables,
                           charts: [ChartSpec(.stackedBar, titleKey: "receivables_aging", category: "customer_name",
                                              values: ["b0_30", "b31_60", "b61_90", "b90_plus"], maxRows: 10)]),
            forecastAvailable
                ? ClosePackSheet(titleKey: "forecast", table: forecast,
                                 charts: [ChartSpec(.line, titleKey: "forecast_chart", category: "month",
                                                    values: ["forecast", "lo80", "hi80", "lo95", "hi95"],
                                                    looks: ["lo80": .band, "hi80": .band, "lo95": .band, "hi95": .band])])
                : .unavailable("forecast"),
            ClosePackSheet(titleKey: "data_quality", table: inputFiles, sideTables: [settings]),
        ]
        return ClosePack(period: period, language: language, kpis: kpis, summaryCharts: [
            ChartSpec(.column, titleKey: "actual_vs_target_by_region", source: .table(regionChart()), category: "region",
                      values: ["target", "actual"]),
            ChartSpec(.line, titleKey: "revenue_trend_24m", source: .table(trend()), category: "month",
                      values: ["actual", "forecast", "lo80", "hi80"], looks: ["forecast": .dashed, "lo80": .band, "hi80": .band]),
            ChartSpec(.pareto, titleKey: "product_pareto", source: .table(pareto()), category: "sku",
                      values: ["share", "cumulative_share"]),
        ], sheets: sheets)
    }
}
