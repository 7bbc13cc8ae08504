/// One thing a run has to say about its inputs or results: a rejected row or file, a warning,
/// a note. Every step reports this one shape (the importer's rejects and findings, the core's
/// target and order-to-cash observations once located), so the front end prints them all alike
/// (compiler-style), groups them by `code`, and `--strict` applies to every error and warning.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// The kind of diagnostic, e.g. `unterminated-quote`; diagnostics of one code are grouped.
    /// Without an explicit code, the message with its quoted values and numbers elided.
    public var code: String
    public var message: String
    public var location: Location
    /// The canonical field or source column concerned, if any.
    public var field: String?
    /// The offending value as read, if any.
    public var value: String?

    public init(_ severity: Severity, code: String? = nil, at location: Location, field: String? = nil,
                value: String? = nil, message: String) {
        self.severity = severity; self.location = location; self.message = message
        self.field = field.flatMap { $0.isEmpty ? nil : $0 }; self.value = value
        self.code = code ?? Diagnostic.kind(of: message)
    }

    public init(_ severity: Severity, code: String? = nil, file: String, line: Int? = nil, column: Int? = nil,
                field: String? = nil, value: String? = nil, message: String) {
        self.init(severity, code: code, at: Location(file: file, line: line, column: column), field: field,
                  value: value, message: message)
    }

    public var file: String {
        get { location.file }
        set { location.file = newValue }
    }
    public var line: Int? {
        get { location.line }
        set { location.line = newValue }
    }
    public var column: Int? {
        get { location.column }
        set { location.column = newValue }
    }

    /// `file:line:column: severity: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// A message with its quoted values and numbers elided: `shipment of unknown order "S1"` →
    /// `shipment of unknown order "…"`, so repeated findings of one kind group together.
    public static func kind(of message: String) -> String {
        var out = ""
        var inQuote = false
        var lastWasDigit = false
        for c in message {
            if c == "\"" {
                if !inQuote { out += "\"…\"" }
                inQuote.toggle()
                continue
            }
            if inQuote { continue }
            if c.isNumber {
                if !lastWasDigit { out += "N" }
                lastWasDigit = true
                continue
            }
            lastWasDigit = false
            out.append(c)
        }
        return out
    }
}

/// The name the import and the core used before there was one diagnostic shape.
public typealias Finding = Diagnostic
