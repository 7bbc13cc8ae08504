import SalesCloseCore

/// Why one row could not be read: a diagnostic whose file and line the importer fills in (the
/// parser knows only the column). Becomes a line of `rejects.csv`.
public typealias RowProblem = Diagnostic

extension Diagnostic {
    /// A problem with field `column` (1-based) of the row being read.
    init(column: Int, field: String, value: String, reason: String, code: String? = nil) {
        self.init(.error, code: code, at: Location(file: "", column: column), field: field, value: value, message: reason)
    }
}
