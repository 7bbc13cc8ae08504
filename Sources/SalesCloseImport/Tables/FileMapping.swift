import SalesCloseConfiguration

/// The mapping in effect for one input file: the table it was read as, why, and for every mapped
/// canonical field the source header and whether the configuration or a built-in alias chose it.
/// Printed under the file's `read` line, written to `manifest.json` and the workbook.
public struct FileMapping: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// The file name matched a `files` glob of the table.
        case fileGlob(String)
        /// The header has every required field of the table (and no table with more).
        case header
    }

    public var table: TableKind
    public var reason: Reason
    public var fields: [HeaderMapping.Assignment]

    public init(table: TableKind, reason: Reason, fields: [HeaderMapping.Assignment]) {
        self.table = table; self.reason = reason; self.fields = fields
    }

    /// `files = "orders*.csv"` or `header has every required field of orders`.
    public var reasonText: String {
        switch reason {
        case .fileGlob(let glob): "file name matches [tables.\(table.rawValue)] files = \"\(glob)\""
        case .header: "header has every required field of \(table.rawValue)"
        }
    }

    /// `order_id ← "Name" (config), currency ← "Currency" (alias)`.
    public var fieldsText: String {
        fields.map { "\($0.field) ← \"\($0.header)\" (\($0.origin == .configuration ? "config" : "alias"))" }
            .joined(separator: ", ")
    }
}
