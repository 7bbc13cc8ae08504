import Foundation
import SalesClosePipeline
import SalesCloseTestSupport
import Testing

/// The worked examples of docs/examples close as the documents say.
@Suite struct WorkedExampleTests {
    func actuals(_ fixture: String) throws -> String {
        let out = try TemporaryFolder()
        defer { out.remove() }
        var options = RunOptions()
        options.inputFolder = GoldenRunTests.fixtures + "/\(fixture)/Input"
        options.configFolder = GoldenRunTests.fixtures + "/\(fixture)/Config"
        options.outputFolder = out.path
        _ = options.setPeriod("2026-10")
        let summary = try CloseRun(options: options, log: { _ in }).execute()
        #expect(summary.imported.rejects.isEmpty)
        return try String(contentsOfFile: summary.outputPath + "/actuals_monthly.csv", encoding: .utf8)
    }

    @Test func chineseERPExportInGBK() throws {
        // 770.00 + 672.00 + 360.00; the 作废 line is out.
        #expect(try actuals("chinese-erp-gbk").contains("2026-10,total,total,1802.00,40,3,3,600.67,\n"))
    }

    @Test func erpExportWithUnitPriceAndUnitCost() throws {
        // Revenue 1702.00, cost 773.50 → margin 928.50; the Rejected line is out.
        #expect(try actuals("erp-unit-cost").contains("2026-10,total,total,1702.00,2690,3,3,567.33,928.50\n"))
    }

    @Test func gbkExportIsReportedAsTheOrdersItNearlyIs() throws {
        let text = try inspectionText([GoldenRunTests.fixtures + "/chinese-erp-gbk/Input/销售出库单.csv"])
        #expect(text.contains("# encoding gb18030 (detected)"))
        #expect(text.contains("# dates YYYY年M月D日: \"单据日期\"\n"))
        #expect(text.contains("# matches no table; closest is orders, which lacks amount or unit_price"))
        #expect(text.contains("\n# unit_price or amount = ?   # not found; columns left: \"含税单价\", \"价税合计\""))
    }
}
