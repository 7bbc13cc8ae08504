import SalesCloseTestSupport
import Foundation
import Testing
import SalesCloseConfiguration
import SalesCloseCore
@testable import SalesCloseWriters

@Suite struct XLSXWorkbookTests {
    @Test func sheetNamesAreMadeValid() {
        #expect(SheetNames.sanitized("Q3: North/South [draft]?") == "Q3_ North_South _draft__")
        #expect(SheetNames.sanitized("华东：目标／实绩［草稿］") == "华东_目标_实绩_草稿_")
        #expect(SheetNames.sanitized("'quoted'") == "quoted")
        #expect(SheetNames.sanitized("") == "Sheet")
        #expect(SheetNames.sanitized("History") == "History_")
        let long = String(repeating: "销", count: 40)
        #expect(SheetNames.sanitized(long).unicodeScalars.count == 31)
        var names = SheetNames()
        #expect(names.unique("Growth") == "Growth")
        #expect(names.unique("growth") == "growth (2)")
        #expect(names.unique("GROWTH") == "GROWTH (3)")
        let a = names.unique(String(repeating: "x", count: 40))
        let b = names.unique(String(repeating: "x", count: 40))
        #expect(a.count == 31 && b.count == 31 && b.hasSuffix(" (2)"))
    }

    @Test func sanitizedNamesAreAcceptedByLibxlsxwriter() throws {
        let path = XLSXClosePackTests.temporaryPath("names.xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var names = SheetNames()
        try XLSXWorkbook.write(to: path, options: .init(createdAt: 0)) { wb in
            for raw in ["a/b", "华东：目标", "x*y?", "'a'", String(repeating: "长", count: 35), "A/B"] {
                _ = try wb.addWorksheet(named: names.unique(raw))
            }
        }
        #expect(try XLSXReadBack(path: path).sheets.count == 6)
    }

    @Test func libxlsxwriterErrorsBecomeSwiftErrorsWithTheirMessage() throws {
        let path = XLSXClosePackTests.temporaryPath("errors.xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: XLSXError.self) {
            try XLSXWorkbook.write(to: path, options: .init(createdAt: 0)) { wb in
                _ = try wb.addWorksheet(named: String(repeating: "x", count: 32))
            }
        }
        #expect(error?.message == "Worksheet name exceeds Excel's limit of 31 characters.")
        #expect(error?.operation == "workbook_validate_sheet_name")

        // Constant-memory mode refuses a row written above the current one.
        let outOfOrder = #expect(throws: XLSXError.self) {
            try XLSXWorkbook.write(to: path, options: .init(constantMemory: true, createdAt: 0)) { wb in
                let ws = try wb.addWorksheet(named: "S")
                try ws.writeNumber(5, 0, 1)
                try ws.writeNumber(2, 0, 1)
            }
        }
        #expect(outOfOrder?.row == 2)
        #expect(outOfOrder?.description.contains("sheet 'S' row 3 column 1") == true)

        // A file that cannot be created fails at close, with libxlsxwriter's message.
        let unwritable = #expect(throws: XLSXError.self) {
            try XLSXWorkbook.write(to: "/nonexistent-dir/x.xlsx", options: .init(createdAt: 0)) { wb in
                _ = try wb.addWorksheet(named: "S")
            }
        }
        #expect(unwritable?.operation == "workbook_close")
        #expect(unwritable?.message.isEmpty == false)
    }

    @Test func displayWidthCountsCJKDouble() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("华东") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.ofGroupedNumber(1_234_567.89, decimals: 2) == 12)
        #expect(DisplayWidth.ofGroupedNumber(-5, decimals: 0) == 2)
        #expect(columnLetters(0) == "A" && columnLetters(25) == "Z" && columnLetters(26) == "AA" && columnLetters(701) == "ZZ")
    }

    @Test func everyOutputColumnHasBothLanguages() {
        let columns = """
            period_type period level key target actual achievement_rate gap prior_year_actual yoy_growth \
            prior_period_actual mom_growth rank month revenue quantity order_count customer_count avg_order_value \
            gross_margin name metric share cumulative_share abc_class cv xyz_class month_end opening new_orders \
            shipped cancelled closing book_to_bill lines_shipped on_time late on_time_rate avg_days_late customer_id \
            customer_name shipped_value paid balance b0_30 b31_60 b61_90 b90_plus credit_limit over_limit forecast \
            lo80 hi80 lo95 hi95 model backtest_wape file line column value reason \
            a_threshold b_threshold collections_in_period days_overdue late_partially_shipped line_no \
            margin_rate max_days_late measure median_order_value metric_name no_xyz on_time_rule open_quantity \
            open_value order_id ordered_quantity orders_shipped plan prior_month_revenue prior_year_revenue \
            promised_date shipped_quantity subject total trend_slope unapplied_credit window_end window_start \
            x_threshold y_threshold dso
            """.split(separator: " ").map(String.init)
        let sheets = ["summary", "achievement", "growth", "products_abc", "customers_abc", "backlog", "delivery",
                      "receivables", "forecast", "data_quality"]
        for key in columns + sheets {
            #expect(Translations.has(key) || Translations.has("column." + key), "\(key)")
            #expect(Translations.columnHeader(key, .chinese) != Translations.columnHeader(key, .english) || key.count <= 3,
                    "\(key) has no Chinese label")
        }
        #expect(Translations.text("no_such_key", .chinese) == "no_such_key")
        #expect(Translations.text("not_available_yet", .english, "x") == "Not available yet: x")
        #expect(Language(code: "zh-CN") == .chinese && Language(code: "en") == .english && Language(code: "fr") == nil)
    }
}
