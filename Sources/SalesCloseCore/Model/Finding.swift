/// A problem found in the inputs or configuration, with the place it was found.
/// Printed like a compiler diagnostic: `Input/orders.csv:12:5: error: amount "1.2x" is not a number`.
public struct Finding: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The canonical field or source column concerned, if any.
    public var field: String?
    /// The offending value as read, if any.
    public var value: String?
    public var message: String

    public init(_ severity: Severity, file: String, line: Int? = nil, column: Int? = nil,
                field: String? = nil, value: String? = nil, message: String) {
        self.severity = severity; self.file = file; self.line = line; self.column = column
        self.field = field; self.value = value; self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(severity.rawValue): \(message)"
    }
}
