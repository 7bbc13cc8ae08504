import Testing
@testable import SalesCloseImport

@Suite struct FieldMatcherTests {
    @Test func headersSplitIntoWords() {
        #expect(FieldMatcher.words("salesRepEmployeeNumber") == ["sales", "rep", "employee", "number"])
        #expect(FieldMatcher.words("Lineitem compare at price") == ["lineitem", "compare", "at", "price"])
        #expect(FieldMatcher.words("order_line-no.2") == ["order", "line", "no", "2"])
        #expect(FieldMatcher.words("客户编号") == ["客户编号"])
    }

    @Test func phrasesMatchWholeWordsOnly() {
        #expect(FieldMatcher.contains(["sales", "rep", "employee", "number"], ["sales", "rep"]))
        // "compare at" holds the letters of "area" but not the word.
        #expect(!FieldMatcher.contains(["lineitem", "compare", "at", "price"], ["area"]))
        #expect(FieldMatcher.contains(["financial", "status"], ["status"]))
        #expect(!FieldMatcher.contains(["fulfillment", "status"], ["state"]))
        #expect(FieldMatcher.contains(["主要客户编号"], ["客户编号"]))
    }
}
