import SalesCloseCore
import Testing
@testable import SalesClosePipeline

@Suite struct DiagnosticSummaryTests {
    @Test func repeatedKindsAreOneLineWithCountAndFirstThreePlacesErrorsFirst() {
        let unknown = (1...5).map { i in
            Diagnostic(.warning, file: "s.csv", line: 10 * i, message: "shipment of unknown order \"SO\(i)\"")
        }
        let reject = Diagnostic(file: "o.csv", line: 7, column: 3, field: "order_date", value: "2026-02-30",
                                reason: "order_date \"2026-02-30\" is not a calendar day")
        let note = Diagnostic(.note, code: "ignored-columns", file: "o.csv", line: 1, message: "ignored column(s) not used by orders: x")
        let lines = DiagnosticSummary(rejects: [reject], findings: unknown + [note]).lines
        #expect(lines == [
            "o.csv:7:3: error: order_date \"2026-02-30\" is not a calendar day",
            "s.csv:10: warning: shipment of unknown order \"SO1\" [shipment of unknown order \"…\"]; 5 like it, first at s.csv:10, s.csv:20, s.csv:30; all in data_quality.csv",
            "o.csv:1: note: ignored column(s) not used by orders: x",
        ])
    }

    @Test func kindElidesQuotedValuesAndNumbers() {
        #expect(Diagnostic.kind(of: "payment from unknown customer \"C99\" on line 12") == "payment from unknown customer \"…\" on line N")
    }
}
