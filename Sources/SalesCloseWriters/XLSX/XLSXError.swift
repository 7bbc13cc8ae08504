/// A failed libxlsxwriter call: which operation, where, and libxlsxwriter's own message.
public struct XLSXError: Error, Equatable, CustomStringConvertible {
    /// The raw `lxw_error` code (0 never appears here); `nil` for errors raised by the Swift side.
    public var code: Int?
    /// libxlsxwriter's message for the code (`lxw_strerror`), or the Swift side's explanation.
    public var message: String
    /// The operation that failed, e.g. `worksheet_write_string`.
    public var operation: String
    /// Sheet, row and column (0-based) when the failure concerns a cell or a sheet.
    public var sheet: String?
    public var row: Int?
    public var column: Int?

    public init(code: Int?, message: String, operation: String,
                sheet: String? = nil, row: Int? = nil, column: Int? = nil) {
        self.code = code; self.message = message; self.operation = operation
        self.sheet = sheet; self.row = row; self.column = column
    }

    public var description: String {
        var place = ""
        if let sheet { place += " sheet '\(sheet)'" }
        if let row { place += " row \(row + 1)" }
        if let column { place += " column \(column + 1)" }
        return "xlsx: \(operation) failed\(place): \(message)" + (code.map { " (lxw_error \($0))" } ?? "")
    }
}
