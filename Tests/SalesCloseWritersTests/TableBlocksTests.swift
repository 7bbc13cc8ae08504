import Foundation
import SalesCloseCore
import Testing
@testable import SalesCloseWriters

@Suite struct TableBlocksTests {
    func rows(_ count: Int) -> TableBlocks {
        TableBlocks(name: "t", columns: [.init("n", .integer), .init("text", .text)], rowCount: count) {
            [.integer($0), .text("row \($0)")]
        }
    }

    func written(_ table: TableBlocks) throws -> String {
        let path = NSTemporaryDirectory() + "table-blocks-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try CSVTableWriter.write(table, to: path)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Rows made by the formatting threads write the bytes of the whole table, below, at and
    /// across the writer's chunks (one, two at once, several pairs) and the parts of a chunk.
    @Test func rowsMadeWhileWritingWriteTheWholeTable() throws {
        for count in [1, 8_191, 8_192, 8_193, 10_241, 16_385, 40_000] {
            let whole = CSVTableWriter.render(rows(count).table)
            #expect(try written(rows(count)) == whole)
        }
        let whole = CSVTableWriter.render(rows(20_000).table)
        #expect(whole.hasPrefix("n,text\n0,row 0\n1,row 1\n") && whole.hasSuffix("19999,row 19999\n"))
    }

    @Test func anEmptyTableStillHasItsHeader() throws {
        #expect(try written(rows(0)) == "n,text\n")
    }
}
