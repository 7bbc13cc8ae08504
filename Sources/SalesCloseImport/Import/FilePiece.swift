/// A part of a table file read on its own, on any core: the whole file, or the records of a byte
/// range that starts at a record boundary (`RecordBoundaries`). The first piece admits the file
/// and reads its header; a later one reads the header again only to map its rows.
struct FilePiece: Sendable {
    /// The bytes of the piece; nil for the whole file.
    var range: Range<Int>?
    /// The number of the piece's first line.
    var firstLine = 1
    /// True for the last piece: the file's closing findings come after it.
    var isLast = true
    /// About how many records the piece holds (from the line numbers its cuts start at), to make
    /// room for its rows at once; 0 when unknown.
    var expectedRecords = 0

    static let whole = FilePiece()

    var isFirst: Bool { (range?.lowerBound ?? 0) == 0 }
}

/// How a piece of a table file ended: what the file's closing findings and the joining of the
/// next piece need.
struct PieceEnd {
    /// The reader of the file's rows as the piece left it (its order being filled down, its
    /// mapping checks); nil when no rows were read as a table (the file was rejected, fits no
    /// table or could not be read).
    var rowReader: TableRowReader?
    /// True when the file had a header.
    var headerSeen: Bool
    /// Bytes not valid in the file's encoding, read as U+FFFD.
    var replacedBytes = 0
    /// True when the piece ended inside a record: its cut was not a record boundary.
    var endedInsideRecord = false
}
