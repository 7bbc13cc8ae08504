/// Where a diagnostic points: a file and, as far as known, a line, a column and a record.
///
/// `line` is the 1-based physical line (a record spanning lines is located at its first);
/// `column` is the 1-based field number in a row, or the byte column for a problem with the
/// file's bytes; `record` is the 1-based number of the data record (the header is record 0).
public struct Location: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var record: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil, record: Int? = nil) {
        self.file = file; self.line = line; self.column = column; self.record = record
    }

    /// `file:line:column` (as far as known), the way compilers write it.
    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return place
    }
}
