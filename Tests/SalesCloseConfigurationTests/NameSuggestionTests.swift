import Testing
@testable import SalesCloseConfiguration

@Suite struct NameSuggestionTests {
    @Test func editDistanceCountsASwapOnce() {
        #expect(editDistance("langauge", "language") == 1)
        #expect(editDistance("windows_months", "window_months") == 1)
        #expect(editDistance("date_fromat", "date_format") == 1)
        #expect(editDistance("abc", "abc") == 0)
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("kitten", "sitting") == 3)
    }

    @Test func suggestsOnlyCloseNames() {
        #expect(closestName(to: "abcc", among: ["abc", "targets", "forecast"]) == "abc")
        #expect(closestName(to: "windows_months", among: ["window_months", "metric", "a", "b"]) == "window_months")
        #expect(closestName(to: "colour", among: ["window_months", "metric"]) == nil)
    }
}
