import Foundation
import SalesCloseCore

/// Renders a `ReportTable` as CSV: UTF-8, header row, `.` decimal point, ISO dates, money with
/// two decimals, rates as decimals, RFC 4180 quoting. Text that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or CR) is neutralised with a leading `'`.
/// Cells are formatted straight into one byte buffer (no `String` per field).
public enum CSVTableWriter {
    public static func render(_ table: ReportTable) -> String {
        String(decoding: bytes(table), as: UTF8.self)
    }

    public static func write(_ table: ReportTable, to path: String) throws {
        try write(CollectionOfOne(table), to: path)
    }

    /// Writes blocks of one table (the same columns) as one CSV file: the header of the first,
    /// then every block's rows, each block written before the next is asked for. Rows are
    /// formatted a chunk at a time, two chunks at once on two threads, and written as they are
    /// done, so no file-sized buffer is held.
    public static func write(_ blocks: some Sequence<ReportTable>, to path: String) throws {
        let file = try created(path)
        defer { try? file.close() }
        var first = true
        for block in blocks {
            if first { try file.write(contentsOf: header(block.columns)) }
            first = false
            for chunks in stride(from: 0, to: block.rows.count, by: 2 * rowsPerChunk) {
                for chunk in formattedChunks(block.rows, from: chunks) { try file.write(contentsOf: chunk) }
            }
        }
    }

    /// Writes a table made a row at a time as one CSV file: each of the two threads that format a
    /// chunk also makes its rows, so making them (names looked up, figures derived) is spread too.
    public static func write(_ table: TableBlocks, to path: String) throws {
        let file = try created(path)
        defer { try? file.close() }
        try file.write(contentsOf: header(table.columns))
        for chunks in stride(from: 0, to: table.rowCount, by: 2 * rowsPerChunk) {
            for chunk in formattedChunks(count: table.rowCount, from: chunks, { bytes(($0).lazy.map(table.row)) }) {
                try file.write(contentsOf: chunk)
            }
        }
    }

    /// A new empty file at `path`, open for writing.
    private static func created(_ path: String) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let file = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        return file
    }

    static let rowsPerChunk = 8_192

    /// The CSV bytes of the two chunks of `rows` starting at `start`, formatted on two threads
    /// when there are two.
    private static func formattedChunks(_ rows: [[ReportTable.Cell]], from start: Int) -> [[UInt8]] {
        formattedChunks(count: rows.count, from: start) { bytes(rows[$0]) }
    }

    /// `format` of the two chunks of rows `0 ..< count` starting at `start`, on two threads when
    /// there are two. Each chunk is formatted in `partsPerChunk` parts, taken by whichever thread
    /// is free, so that a thread done with cheaper rows does not wait for the other.
    private static func formattedChunks(count: Int, from start: Int,
                                        _ format: @Sendable (Range<Int>) -> [UInt8]) -> [[UInt8]] {
        let end = min(start + 2 * rowsPerChunk, count)
        guard end - start > rowsPerChunk else { return [format(start..<end)] }
        let partRows = rowsPerChunk / partsPerChunk
        let parts = (end - start + partRows - 1) / partRows
        // Each iteration writes only its own slot.
        nonisolated(unsafe) let out = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: parts)
        defer { out.deinitialize().deallocate() }
        DispatchQueue.concurrentPerform(iterations: parts) { i in
            out.initializeElement(at: i, to: format((start + i * partRows)..<min(start + (i + 1) * partRows, end)))
        }
        return Array(out)
    }

    static let partsPerChunk = 4

    public static func format(_ cell: ReportTable.Cell) -> String {
        var out: [UInt8] = []
        append(cell, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func bytes(_ table: ReportTable) -> [UInt8] {
        header(table.columns) + bytes(table.rows[...])
    }

    private static func header(_ columns: [ReportTable.Column]) -> [UInt8] {
        var out: [UInt8] = []
        for (i, column) in columns.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.appendCSVField(column.name)
        }
        out.append(10)
        return out
    }

    private static func bytes(_ rows: some Collection<[ReportTable.Cell]>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * rows.count)
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                append(cell, to: &out)
            }
            out.append(10)
        }
        return out
    }

    static func append(_ cell: ReportTable.Cell, to out: inout [UInt8]) {
        switch cell {
        case .text(let s): out.appendCSVField(neutralised(s))
        case .money(let m): out.appendFixed(m.minorUnits, scale: 2)
        case .quantity(let q): out.appendFixedTrimmed(q.thousandths, scale: 3)
        case .integer(let i): out.appendDecimal(i)
        case .rate(let r), .number(let r): appendDecimal(r, to: &out)
        case .day(let d): out.appendDay(d)
        case .month(let m): out.appendMonth(m)
        case .empty: break
        }
    }

    /// Prefixes `'` to text a spreadsheet would read as a formula.
    public static func neutralised(_ s: String) -> String {
        guard let first = s.utf8.first else { return s }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: return "'" + s
        default: return s
        }
    }

    /// Up to six decimals, trailing zeros removed: `0.875`, `1`, `-0.5`, `0.333333`.
    static func appendDecimal(_ x: Double, to out: inout [UInt8]) {
        guard x.isFinite else { return }
        let scaled = (x * 1_000_000).rounded()
        guard abs(scaled) < 9e18 else { out.append(contentsOf: String(x).utf8); return }
        out.appendFixedTrimmed(Int64(scaled), scale: 6)
    }
}
