import Foundation
import SalesCloseCore
import Testing
@testable import SalesCloseWriters

@Suite struct TableBlocksTests {
    func blocks(rows: Int, perBlock: Int) -> TableBlocks {
        TableBlocks(name: "t", columns: [.init("n", .integer), .init("text", .text)], rowCount: rows, rowsPerBlock: perBlock) {
            [.integer($0), .text("row \($0)")]
        }
    }

    func written(_ blocks: TableBlocks) throws -> String {
        let path = NSTemporaryDirectory() + "table-blocks-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try CSVTableWriter.write(blocks, to: path)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Blocks of any size write the bytes of the whole table, across the writer's two-chunk
    /// threshold too.
    @Test func blocksWriteTheWholeTable() throws {
        let whole = CSVTableWriter.render(blocks(rows: 20_000, perBlock: 20_000).table)
        for perBlock in [1, 7, 8_192, 16_385, 20_000, 50_000] {
            #expect(try written(blocks(rows: 20_000, perBlock: perBlock)) == whole)
        }
        #expect(whole.hasPrefix("n,text\n0,row 0\n1,row 1\n") && whole.hasSuffix("19999,row 19999\n"))
    }

    @Test func anEmptyTableStillHasItsHeader() throws {
        #expect(Array(blocks(rows: 0, perBlock: 10)).count == 1)
        #expect(try written(blocks(rows: 0, perBlock: 10)) == "n,text\n")
    }
}
