/// A data-quality observation of the order-to-cash calculations about one input row.
///
/// The core knows rows by `SourceRef` only; the pipeline turns an issue into a `Finding` once it
/// knows the path of the row's file.
public struct DataQualityIssue: Sendable, Equatable {
    public var source: SourceRef
    /// The canonical field concerned, e.g. `order_id`.
    public var field: String?
    /// The offending value as text, if any.
    public var value: String?
    public var message: String

    public init(source: SourceRef, field: String? = nil, value: String? = nil, message: String) {
        self.source = source; self.field = field; self.value = value; self.message = message
    }

    /// The issue as a warning located at `file` (the path of `source.file`) and the row's line.
    public func finding(file: String, severity: Finding.Severity = .warning) -> Finding {
        Finding(severity, file: file, line: Int(source.line), field: field, value: value, message: message)
    }
}
