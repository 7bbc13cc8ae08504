import Foundation
import SalesClosePipeline
import SalesCloseTestSupport
import Testing

/// `salesclose inspect`'s proposals, pasted unchanged in place of the shipped `[tables.*]`
/// sections, give the same close as the shipped configuration: the sample, the foreign
/// (classicmodels) export and the Shopify export.
@Suite struct InspectProposalTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The shipped configuration without its `[tables.*]` sections (what inspect proposes).
    static func withoutTables(_ toml: String) -> String {
        var keep = true
        return toml.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            if line.hasPrefix("[") { keep = !line.hasPrefix("[tables.") }
            return keep
        }.joined(separator: "\n")
    }

    func closes(input: String, config: String, period: String?) throws -> [String: String] {
        let out = try TemporaryFolder()
        defer { out.remove() }
        var options = RunOptions()
        options.inputFolder = input
        options.configFolder = config
        options.outputFolder = out.path
        if let period { _ = options.setPeriod(period) }
        let summary = try CloseRun(options: options, log: { _ in }).execute()
        var tables: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: summary.outputPath) where name.hasSuffix(".csv") {
            tables[name] = try String(contentsOfFile: summary.outputPath + "/" + name, encoding: .utf8)
        }
        return tables
    }

    func check(input: String, shippedConfig: String, period: String? = nil) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: input).filter { $0.hasSuffix(".csv") }.sorted()
            .map { input + "/" + $0 }
        let proposal = try inspectionText(files)
        let work = try TemporaryFolder()
        defer { work.remove() }
        let config = try work.subfolder("Config")
        let shipped = try String(contentsOfFile: shippedConfig + "/salesclose.toml", encoding: .utf8)
        try work.write("Config/salesclose.toml", Self.withoutTables(shipped) + "\n" + proposal)
        if let targets = FileManager.default.contents(atPath: shippedConfig + "/targets.csv") {
            try work.write("Config/targets.csv", bytes: Array(targets))
        }
        let expected = try closes(input: input, config: shippedConfig, period: period)
        let actual = try closes(input: input, config: config, period: period)
        #expect(expected.count > 10)
        #expect(Set(actual.keys) == Set(expected.keys))
        for (name, text) in expected { #expect(actual[name] == text, "\(name) differs with the inspected configuration") }
    }

    @Test func sample() throws {
        try check(input: Self.root + "/Input", shippedConfig: Self.root + "/Config")
    }

    @Test func foreignExport() throws {
        // employees.csv is the [[lookups]] master file: inspect names it as matching no table, and the
        // lookup stays as shipped.
        let fixture = GoldenRunTests.fixtures + "/foreign"
        try check(input: fixture + "/Input", shippedConfig: fixture + "/Config")
    }

    @Test func shopifyExport() throws {
        let fixture = GoldenRunTests.fixtures + "/shopify"
        try check(input: fixture + "/Input", shippedConfig: fixture + "/Config", period: "2026-10")
        let proposal = try inspectionText([fixture + "/Input/orders_export_1.csv"])
        #expect(proposal.contains("\norder_id = \"Name\"   # close match: repeats on an order's consecutive lines: \"#1001\", \"#1002\", \"#1003\", \"#1004\", \"#1005\"\n"))
        #expect(proposal.contains("\ncustomer_id = \"Email\"   # close match: the header contains \"email\""))
        #expect(proposal.contains("\nstatus = \"Financial Status\"   # close match: the header contains \"status\""))
        #expect(proposal.contains("\ncancelled_values = [\"voided\"]   # status values seen: paid, voided, partially_paid, refunded\n"))
        #expect(proposal.contains("# warning: \"Subtotal\", \"Total\" look like order totals, not a line amount; not proposed as amount\n"))
        #expect(proposal.contains("# warning: order-level columns filled on an order's first line only: \"Financial Status\""))
        #expect(proposal.contains("# dates YYYY-MM-DD with time and UTC offset (the calendar date as written; set timezone to convert): \"Paid at\", \"Fulfilled at\", \"Created at\", \"Cancelled at\"\n"))
        #expect(!proposal.contains("amount = "))
    }

    @Test func dayFirstSemicolonExportWithDecimalComma() throws {
        let work = try TemporaryFolder()
        defer { work.remove() }
        let path = try work.write("Auftraege.csv", """
            Order No;Date;Customer;Item;Qty;Price;Amount
            A-1;03.10.2026;K1;P1;2;12,50;25,00
            A-2;15.10.2026;K2;P2;1;1.234,56;1.234,56

            """)
        let proposal = try inspectionText([path])
        #expect(proposal.contains("\ndate_format = \"DD.MM.YYYY\"\n"))
        #expect(proposal.contains("# decimal comma: \"Price\", \"Amount\"\n"))
        #expect(proposal.contains("# classified as orders: every required field found by built-in aliases\n"))
        // The `;` delimiter implies the decimal comma: no `decimal` key needed.
        #expect(!proposal.contains("decimal = "))
    }
}
