import Foundation
import SalesCloseConfiguration
import SalesCloseCore
import SalesCloseTestSupport
import Testing
@testable import SalesCloseImport

/// Exports in the shapes real systems write: order totals beside line values, order-level fields
/// on the first line only, configured columns that the file does not have.
@Suite struct OrderExportShapeTests {
    func importFiles(_ files: [(String, String)], config: Configuration) throws -> ImportResult {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let input = try folder.subfolder("Input")
        for (name, text) in files { try folder.write("Input/" + name, text) }
        return try Importer(configuration: config).run(inputFolder: input, configFolder: try folder.subfolder("Config"))
    }

    static let shopifyHeader = ["Name", "Email", "Financial Status", "Subtotal", "Shipping", "Taxes", "Total",
                                "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem sku", "Billing Name"]

    @Test func orderTotalsNeverBecomeTheLineAmountByAlias() {
        let m = HeaderMapping(table: .orders, headers: Self.shopifyHeader,
                              explicit: ["quantity": "Lineitem quantity", "unit_price": "Lineitem price"])
        #expect(m.columns["amount"] == nil)
        #expect(m.orderTotalColumns == ["Subtotal", "Total"])
        #expect(m.origins["quantity"] == .configuration)
        // Chinese ERP headers: 合计 and 金额合计 are order totals, 金额 is the line amount.
        let erp = HeaderMapping(table: .orders, headers: ["单号", "日期", "客户编号", "货号", "数量", "单价", "合计", "金额合计"], explicit: [:])
        #expect(erp.columns["amount"] == nil)
        #expect(erp.orderTotalColumns == ["合计", "金额合计"])
        let line = HeaderMapping(table: .orders, headers: ["单号", "日期", "客户编号", "货号", "数量", "金额", "订单金额"], explicit: [:])
        #expect(line.columns["amount"] == 5)
        #expect(line.origins["amount"] == .alias)
        // Mapped explicitly, a total is used: the configuration decides.
        let explicit = HeaderMapping(table: .orders, headers: Self.shopifyHeader, explicit: ["amount": "Total"])
        #expect(explicit.columns["amount"] == 6)
        #expect(explicit.orderTotalColumns == ["Subtotal"])
        #expect(explicit.assignments.first { $0.field == "amount" } == .init(field: "amount", column: 6, header: "Total", origin: .configuration))
    }

    @Test func groupedExportFillsOrderLevelFieldsFromTheOrdersFirstLine() throws {
        // A Chinese ERP "grouped" export in GBK spelling: the order's header fields on its first line.
        let text = """
        单号,下单日期,客户编号,客户名称,大区,业务员,状态,货号,数量,单价,合计
        SO-1,2026-10-03,C001,华东贸易,华东,王芳,已审核,P-100,2,15.50,43.00
        SO-1,,,,,,,P-200,1,12.00,
        SO-2,2026-10-04,C002,北方商行,华北,李强,作废,P-100,3,15.50,46.50
        SO-2,,,,,,,P-300,1,0.00,
        SO-3,2026-10-05,C001,华东贸易,华东,王芳,,P-200,5,12.00,60.00

        """
        var config = Configuration()
        config[.orders].files = ["*.csv"]
        let result = try importFiles([("销售订单.csv", text)], config: config)
        #expect(result.rejects.isEmpty)
        #expect(result.files[0].filledFromOrderLine == 2)
        let lines = result.data.orderLines
        let names = result.data.names
        #expect(lines.map { names.customers[$0.customer] } == ["C001", "C001", "C002", "C002", "C001"])
        #expect(lines.map { names.regions[$0.region] } == ["华东", "华东", "华北", "华北", "华东"])
        #expect(lines.map { names.salespeople[$0.salesperson] } == ["王芳", "王芳", "李强", "李强", "王芳"])
        #expect(lines.map(\.orderDate.description) == ["2026-10-03", "2026-10-03", "2026-10-04", "2026-10-04", "2026-10-05"])
        // 作废 (voided) on SO-2's first line cancels its second line too.
        #expect(lines.map(\.isCancelled) == [false, false, true, true, false])
        // 合计 is an order total: amounts are quantity × price.
        #expect(lines.map(\.amount.minorUnits) == [3100, 1200, 4650, 0, 6000])
        #expect(result.findings.contains { $0.message == "\"合计\" looks like an order total, not a line amount; not used as amount (map amount in [tables.orders.columns] if it is)" })
    }

    @Test func anUnconfiguredShopifyExportIsNamedAsTheOrdersItNearlyIs() throws {
        let text = Self.shopifyHeader.joined(separator: ",") + "\n#1,a@x.org,paid,10,0,0,10,2026-10-01 10:00:00 +0200,1,Tee,10.00,T1,A\n"
        let result = try importFiles([("orders_export_1.csv", text)], config: Configuration())
        let finding = try #require(result.findings.first)
        #expect(finding.message.hasPrefix("file not read: matches no table; closest is orders, which lacks order_id, customer_id; headers found: \"Name\""))
    }

    @Test func aLineOfAnotherOrderIsNotFilled() throws {
        let text = "order_id,order_date,customer_id,sku,quantity,unit_price\nA,2026-10-01,C1,P1,1,1.00\nB,,,P1,1,1.00\n"
        var config = Configuration()
        config[.orders].files = ["orders.csv"]
        let result = try importFiles([("orders.csv", text)], config: config)
        #expect(result.files[0].filledFromOrderLine == 0)
        #expect(result.rejects.map(\.reason) == ["order_date is empty"])
    }

    @Test func aConfiguredColumnTheFileLacksIsAWarningNamingFileAndColumn() throws {
        var config = Configuration()
        config[.orders].files = ["orders_export*.csv"]
        config[.orders].columns = ["order_id": "Name", "order_date": "Created at", "customer_id": "Email",
                                   "sku": "Lineitem sku", "quantity": "Lineitem quantity", "unit_price": "Lineitem price",
                                   "region": "Shipping Province"]
        let text = Self.shopifyHeader.joined(separator: ",") + "\n#1,a@x.org,paid,10,0,0,10,2026-10-01 10:00:00 +0200,1,Tee,10.00,T1,A\n"
        let result = try importFiles([("orders_export_1.csv", text)], config: config)
        let warning = try #require(result.findings.first { $0.severity == .warning })
        #expect(warning.description.hasSuffix("/Input/orders_export_1.csv:1: warning: configured column \"Shipping Province\" for region ([tables.orders.columns]) is not in the header; region is read as empty"))
        #expect(result.data.orderLines.count == 1)
    }

    @Test func anAmountWithTaxMappedAsTheLineAmountIsAWarning() throws {
        // An ERP export whose 价税合计 (amount incl. 13 % VAT) was mapped as the amount.
        let text = """
        单号,日期,客户编号,货号,数量,单价,价税合计
        SO-1,2026-10-03,C001,P-100,2,10.00,22.60
        SO-2,2026-10-04,C002,P-100,1,10.00,11.30
        SO-3,2026-10-05,C001,P-200,5,4.00,22.60
        SO-4,2026-10-06,C003,P-200,3,4.00,13.56

        """
        var config = Configuration()
        config[.orders].files = ["*.csv"]
        config[.orders].columns = ["amount": "价税合计"]
        let result = try importFiles([("erp.csv", text)], config: config)
        let warning = try #require(result.findings.first { $0.code == "amount-disagrees-with-price" })
        #expect(warning.description.hasSuffix("/Input/erp.csv:2: warning: amount disagrees with quantity × unit_price on 4 of 4 lines (line 2: 2 × 10.00 = 20.00, amount 22.60; line 3: 1 × 10.00 = 10.00, amount 11.30; line 4: 5 × 4.00 = 20.00, amount 22.60); check which column is mapped to amount"))
    }

    @Test func aFewRoundedOrCorrectedLinesAreNoWarning() throws {
        var text = "order_id,order_date,customer_id,sku,quantity,unit_price,discount,amount\n"
        for i in 1...40 { text += "SO-\(i),2026-10-03,C1,P1,3,3.33,,9.99\n" }
        text += "SO-41,2026-10-03,C1,P1,3,3.335,,10.01\n"        // rounding: 10.005 → 10.01
        text += "SO-42,2026-10-03,C1,P1,2,10.00,5%,19.00\n"     // the discount applied
        text += "SO-43,2026-10-03,C1,P1,1,10.00,,9.00\n"        // one line corrected by hand
        var config = Configuration()
        config[.orders].files = ["orders.csv"]
        let result = try importFiles([("orders.csv", text)], config: config)
        #expect(!result.findings.contains { $0.code == "amount-disagrees-with-price" })
        #expect(result.rejects.isEmpty)
    }

    @Test func totalMappedAsTheAmountOfAShopifyExportIsCaughtTwice() throws {
        var config = Configuration()
        config[.orders].files = ["orders_export*.csv"]
        config[.orders].columns = ["order_id": "Name", "customer_id": "Email", "amount": "Total"]
        let shopify = try String(contentsOfFile: Self.shopifyFixture, encoding: .utf8)
        let result = try importFiles([("orders_export_1.csv", shopify)], config: config)
        let messages = result.findings.filter { $0.severity == .warning }.map(\.message)
        #expect(messages == [
            "amount disagrees with quantity × unit_price on 5 of 6 lines (line 2: 2 × 25.00 = 50.00, amount 67.40; line 4: 3 × 18.00 = 54.00, amount 85.90; line 6: 1 × 49.90 = 49.90, amount 74.90); check which column is mapped to amount",
            "line amounts do not add up to \"Subtotal\" on 5 of 6 orders (line 2: order #1001: lines 79.90, Subtotal 62.50; line 4: order #1002: lines 110.90, Subtotal 79.00; line 6: order #1003: lines 99.90, Subtotal 74.90); check the amount mapping (a total with shipping or taxes differs by design)",
        ])
    }

    static let shopifyFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SalesCloseEndToEndTests/Fixtures/shopify/Input/orders_export_1.csv").path
}
