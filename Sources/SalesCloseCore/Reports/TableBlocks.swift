/// A table whose rows are made on demand, a row at a time: the CSV writer makes and formats them
/// a chunk at a time on two threads and writes each chunk before the next is made, so a table of
/// half a million rows never holds all its cells at once.
public struct TableBlocks: Sendable {
    public let name: String
    public let columns: [ReportTable.Column]
    public let rowCount: Int
    private let makeRow: @Sendable (Int) -> [ReportTable.Cell]

    /// `rowCount` rows, row `i` made by `row(i)`, which may be called on several threads at once.
    public init(name: String, columns: [ReportTable.Column], rowCount: Int,
                row: @escaping @Sendable (Int) -> [ReportTable.Cell]) {
        self.name = name; self.columns = columns; self.rowCount = rowCount; self.makeRow = row
    }

    /// One table made beforehand.
    public init(_ table: ReportTable) {
        let rows = table.rows
        self.init(name: table.name, columns: table.columns, rowCount: rows.count) { rows[$0] }
    }

    /// Row `i` (0 ..< `rowCount`).
    public func row(_ i: Int) -> [ReportTable.Cell] { makeRow(i) }

    /// Every row in one table (for the workbook and tests).
    public var table: ReportTable {
        ReportTable(name: name, columns: columns, rows: (0..<rowCount).map(makeRow))
    }
}
