import Foundation
import SalesCloseCore
import SalesCloseImport
import SalesClosePipeline
import SalesCloseTestSupport
import Testing

/// A Shopify orders export (the issue-9 acceptance case): one row per line item, order-level
/// fields on the first line only, `2026-09-03 10:15:00 +0200` timestamps, multi-line quoted
/// notes, one voided order. Mapped with quantity and unit price and no amount.
@Suite struct ShopifyExportTests {
    static let fixture = GoldenRunTests.fixtures + "/shopify"

    func close(config: String = fixture + "/Config", period: String = "2026-10",
               into output: String) throws -> CloseRun.Summary {
        var options = RunOptions()
        options.inputFolder = Self.fixture + "/Input"
        options.configFolder = config
        options.outputFolder = output
        let periodIsAMonth = options.setPeriod(period)
        #expect(periodIsAMonth)
        return try CloseRun(options: options, log: { _ in }).execute()
    }

    @Test func theMappingInEffectIsOnStderrInTheManifestAndInTheWorkbook() throws {
        let out = try TemporaryFolder()
        defer { out.remove() }
        var options = RunOptions()
        options.inputFolder = Self.fixture + "/Input"
        options.configFolder = Self.fixture + "/Config"
        options.outputFolder = out.path
        _ = options.setPeriod("2026-10")
        var log: [String] = []
        let summary = try CloseRun(options: options, log: { log.append($0) }).execute()
        let file = Self.fixture + "/Input/orders_export_1.csv"
        let read = try #require(log.firstIndex { $0.hasPrefix("read \(file): orders, 11 rows") })
        #expect(log[read + 1] == "  as orders: file name matches [tables.orders] files = \"orders_export*.csv\"")
        #expect(log[read + 2] == "  order_id ← \"Name\" (config), order_date ← \"Created at\" (config), customer_id ← \"Email\" (config), "
                + "sku ← \"Lineitem sku\" (config), quantity ← \"Lineitem quantity\" (config), customer_name ← \"Billing Name\" (config), "
                + "product_name ← \"Lineitem name\" (config), unit_price ← \"Lineitem price\" (config), currency ← \"Currency\" (alias), "
                + "status ← \"Financial Status\" (config)")
        #expect(log.contains("\(file):1: note: \"Subtotal\", \"Total\" look like order totals, not a line amount; not used as amount (map amount in [tables.orders.columns] if it is)"))

        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary.outputPath + "/manifest.json"))) as! [String: Any]
        let input = (manifest["inputs"] as! [[String: Any]])[0]
        let mapping = input["mapping"] as! [String: Any]
        #expect(mapping["table"] as? String == "orders")
        #expect(mapping["reason"] as? String == "file name matches [tables.orders] files = \"orders_export*.csv\"")
        let fields = (mapping["fields"] as! [[String: Any]]).map { "\($0["field"]!)=\($0["header"]!)@\($0["column"]!)/\($0["source"]!)" }
        #expect(fields.first == "order_id=Name@1/configuration")
        #expect(fields.contains("currency=Currency@8/alias"))
        #expect(fields.count == 10)

        let pack = try XLSXReadBack(path: summary.outputPath + "/close-2026-10.xlsx")
        let cells = pack.cells("Data quality").values.map(\.value)
        #expect(cells.contains("file name matches [tables.orders] files = \"orders_export*.csv\""))
        #expect(cells.contains { $0.hasPrefix("order_id ← \"Name\" (config), order_date ← \"Created at\" (config)") })
    }

    @Test func revenueIsQuantityTimesPriceOfEveryLineAndTheVoidedOrderIsOut() throws {
        let out = try TemporaryFolder()
        defer { out.remove() }
        let summary = try close(into: out.path)
        let file = try #require(summary.imported.files.first)
        // Every line accepted; the later lines of five orders took their order's fields.
        #expect((file.rowsRead, file.accepted, file.rejected, file.filledFromOrderLine) == (11, 11, 0, 5))
        #expect(summary.imported.rejects.isEmpty)
        let lines = summary.imported.data.orderLines
        // Hand-checked, Σ quantity × price: #1001 2 × 25.00 + 12.50 = 62.50; #1002 3 × 18.00 + 25.00
        // = 79.00; #1004 25.00 + 4 × 3.75 = 40.00; #1005 2 × 49.90 = 99.80; #1006 18.00 + 18.00 = 36.00.
        let counted = lines.filter { !$0.isCancelled }
        #expect(counted.reduce(Money.zero) { $0 + $1.amount } == Money(minorUnits: 31_730))
        // The voided order #1003: "voided" on its first line only, both lines excluded.
        let names = summary.imported.data.names
        let voided = lines.filter(\.isCancelled)
        #expect(voided.count == 2)
        #expect(Set(voided.map { names.orders[$0.order] }) == ["#1003"])
        // Total (67.40, 85.90 …, on first lines only) is never a line amount.
        #expect(!lines.contains { $0.amount == Money(minorUnits: 6_740) || $0.amount == Money(minorUnits: 8_590) })
        // Calendar dates as written: #1002 was created 2026-09-30 23:30 -0400.
        let actuals = try String(contentsOfFile: summary.outputPath + "/actuals_monthly.csv", encoding: .utf8)
        #expect(actuals.contains("2026-09,total,total,141.50,"))
        #expect(actuals.contains("2026-10,total,total,175.80,"))
        // The customer name of a later line comes from the order's first line.
        #expect(actuals.contains(",customer,anna.berger@example.com,"))
        let manifest = try String(contentsOfFile: summary.outputPath + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"filled_from_order_line\" : 5"))
    }

    @Test func aConfiguredTimeZoneMovesTheLateOrderIntoTheNextMonth() throws {
        let work = try TemporaryFolder()
        defer { work.remove() }
        var toml = try String(contentsOfFile: Self.fixture + "/Config/salesclose.toml", encoding: .utf8)
        toml = toml.replacingOccurrences(of: "cancelled_values = [\"voided\"]\n",
                                         with: "cancelled_values = [\"voided\"]\ntimezone = \"Asia/Shanghai\"\n")
        try work.write("Config/salesclose.toml", toml)
        let summary = try close(config: work.path + "/Config", into: work.path + "/Output")
        // 2026-09-30 23:30 -0400 is 2026-10-01 11:30 in Shanghai.
        let actuals = try String(contentsOfFile: summary.outputPath + "/actuals_monthly.csv", encoding: .utf8)
        #expect(actuals.contains("2026-09,total,total,62.50,"))
        #expect(actuals.contains("2026-10,total,total,254.80,"))
    }
}
