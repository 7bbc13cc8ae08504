import Testing
@testable import SalesCloseConfiguration

@Suite struct TOMLKeyLocatorTests {
    typealias P = TOMLKeyLocator.Position

    @Test func headersKeysAndDottedKeys() {
        let text = """
        # comment = not a key
        language = "en"
        tables.orders.files = ["o.csv"]

        [abc]
          metric = "revenue"   # trailing
        "quoted key" = 1
        [tables.payments.columns]
        customer_id = "Kunde"
        """
        let l = TOMLKeyLocator(text: text)
        #expect(l.position(of: ["language"]) == P(line: 2, column: 1))
        #expect(l.position(of: ["tables", "orders", "files"]) == P(line: 3, column: 1))
        #expect(l.position(of: ["abc"]) == P(line: 5, column: 1))
        #expect(l.position(of: ["abc", "metric"]) == P(line: 6, column: 3))
        #expect(l.position(of: ["abc", "quoted key"]) == P(line: 7, column: 1))
        #expect(l.position(of: ["tables", "payments", "columns", "customer_id"]) == P(line: 9, column: 1))
        // Not written: its closest written parent.
        #expect(l.position(of: ["abc", "a"]) == P(line: 5, column: 1))
        #expect(l.position(of: ["receivables"]) == nil)
    }

    @Test func valuesOverSeveralLinesAreNotTakenForKeys() {
        let text = """
        [forecast]
        levels = [
          "total",
          "region", # x = 1
        ]
        note = \"\"\"
        horizon = 3
        \"\"\"
        horizon = 12
        """
        let l = TOMLKeyLocator(text: text)
        #expect(l.position(of: ["forecast", "horizon"]) == P(line: 9, column: 1))
        #expect(l.position(of: ["forecast", "x"]) == P(line: 1, column: 1))
    }

    @Test func arraysOfTablesAreCountedAndInlineTablesFallBackToTheirKey() {
        let text = """
        [[lookups]]
        file = "a.csv"
        [[lookups]]
        file = "b.csv"
        [tables.orders]
        columns = { sku = "Artikel" }
        """
        let l = TOMLKeyLocator(text: text)
        #expect(l.position(of: ["lookups", "#0", "file"]) == P(line: 2, column: 1))
        #expect(l.position(of: ["lookups", "#1", "file"]) == P(line: 4, column: 1))
        #expect(l.position(of: ["lookups", "#1"]) == P(line: 3, column: 1))
        #expect(l.position(of: ["tables", "orders", "columns", "sku"]) == P(line: 6, column: 1))
    }
}
