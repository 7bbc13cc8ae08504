/// A table rendered a block of rows at a time, on demand: the CSV writer writes each block before
/// the next is made, so a table of half a million rows never holds all its cells at once. The
/// first block carries the header even when there are no rows.
public struct TableBlocks: Sequence, Sendable {
    public let name: String
    public let columns: [ReportTable.Column]
    public let rowCount: Int
    private let rowsPerBlock: Int
    private let row: @Sendable (Int) -> [ReportTable.Cell]

    /// `rowCount` rows, row `i` made by `row(i)`, in blocks of `rowsPerBlock`.
    public init(name: String, columns: [ReportTable.Column], rowCount: Int, rowsPerBlock: Int = 32_768,
                row: @escaping @Sendable (Int) -> [ReportTable.Cell]) {
        self.name = name; self.columns = columns; self.rowCount = rowCount
        self.rowsPerBlock = Swift.max(1, rowsPerBlock); self.row = row
    }

    /// One table as a single block.
    public init(_ table: ReportTable) {
        let rows = table.rows
        self.init(name: table.name, columns: table.columns, rowCount: rows.count, rowsPerBlock: rows.count) { rows[$0] }
    }

    /// Every row in one table (for the workbook and tests).
    public var table: ReportTable {
        ReportTable(name: name, columns: columns, rows: (0..<rowCount).map(row))
    }

    public func makeIterator() -> AnyIterator<ReportTable> {
        var start = 0, first = true
        return AnyIterator {
            guard start < rowCount || first else { return nil }
            first = false
            let end = Swift.min(start + rowsPerBlock, rowCount)
            defer { start = end }
            return ReportTable(name: name, columns: columns, rows: (start..<end).map(row))
        }
    }
}
