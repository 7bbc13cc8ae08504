import SalesCloseCore
import Testing
@testable import SalesCloseWriters

@Suite struct CSVTableWriterTests {
    @Test func formatsEveryKindOfCell() {
        let table = ReportTable(name: "t", columns: [
            .init("text", .text), .init("money", .money), .init("qty", .quantity), .init("n", .integer),
            .init("rate", .rate), .init("day", .day), .init("month", .month), .init("none", .rate),
        ], rows: [[
            .text("上海\"东方\", 一部 "), .money(Money(minorUnits: -5)), .quantity(Quantity(thousandths: 1500)), .integer(42),
            .rate(0.875), .day(Day(year: 2024, month: 2, day: 29)!), .month(Month(year: 2026, month: 7)), .empty,
        ]])
        #expect(CSVTableWriter.render(table) ==
            "text,money,qty,n,rate,day,month,none\n\"上海\"\"东方\"\", 一部 \",-0.05,1.5,42,0.875,2024-02-29,2026-07,\n")
    }

    @Test func textThatASpreadsheetWouldRunIsNeutralised() {
        for (input, output) in [("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
                                ("+1+2", "'+1+2"), ("-3", "'-3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
                                ("\rx", "\"'\rx\""), ("a=b", "a=b")] {
            #expect(CSVTableWriter.format(.text(input)) == output)
        }
    }

    @Test func ratesHaveAtMostSixDecimalsAndNoTrailingZeros() {
        #expect(CSVTableWriter.format(.rate(1)) == "1")
        #expect(CSVTableWriter.format(.rate(1.0 / 3)) == "0.333333")
        #expect(CSVTableWriter.format(.rate(-0.5)) == "-0.5")
        #expect(CSVTableWriter.format(.rate(-0.0000001)) == "0")
        #expect(CSVTableWriter.format(.rate(.infinity)) == "")
    }
}
