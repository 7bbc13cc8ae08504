import SalesCloseConfiguration
import SalesCloseCore

/// What happened to one input file, for the manifest and the data-quality sheet.
/// `rowsRead = accepted + rejected`; `accepted = counted + superseded`. A file rejected as a
/// whole (role `rejected`) has every row it holds counted as rejected.
public struct InputFileReport: Sendable {
    public enum Role: String, Sendable { case table, lookup, targets, skipped, rejected }
    public var path: String
    public var role: Role
    /// The table the file was read as (`orders`, …), or nil.
    public var table: TableKind?
    public var sha256: String
    public var bytes: Int
    public var encoding: TextEncoding
    public var encodingSource = EncodingSource.detected
    public var delimiter: UInt8
    public var rowsRead = 0
    public var accepted = 0
    public var rejected = 0
    /// Accepted rows later replaced by a row with the same key (they count in no figure).
    public var superseded = 0
    /// Of `superseded`: rows whose replacement was identical.
    public var exactDuplicates = 0
    /// Rows of this file that replaced an earlier row.
    public var replacements = 0
    public var unknownColumns: [String] = []
    /// Order lines whose empty order-level fields (customer, order date, status …) were taken
    /// from the order's earlier line in this file.
    public var filledFromOrderLine = 0
    /// The table, why, and each field's source column (nil unless the file was read as a table).
    public var mapping: FileMapping?
    /// The header row as read (empty when the file has none or could not be read).
    public var header: [String] = []

    public var counted: Int { accepted - superseded }
}

/// A row or file that could not be read: a line of `rejects.csv`. An error diagnostic like any
/// other, so it is located, printed and counted the same way.
public typealias Reject = Diagnostic

extension Diagnostic {
    /// A reject of the row (or file) at `file:line:column`.
    public init(file: String, line: Int, column: Int, field: String, value: String, reason: String,
                code: String = "rejected-row") {
        self.init(.error, code: code, file: file, line: line, column: column, field: field, value: value, message: reason)
    }

    /// Why the row or file was rejected.
    public var reason: String { message }
}

/// Everything the import produced.
public struct ImportResult: Sendable {
    public var data: SalesData
    public var files: [InputFileReport]
    public var rejects: RejectLog
    /// Warnings and notes: skipped files, unknown columns, unmatched references.
    public var findings: [Finding]
    public var targets: [TargetRow]
    /// The capacity figure of each unit (`[targets.blend] capacity_file`), by the unit's text.
    public var capacity: [String: Double] = [:]
    /// The path of every file by `SourceRef.file`.
    public var filePaths: [String] { files.map(\.path) }
}
