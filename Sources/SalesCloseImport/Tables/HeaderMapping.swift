import SalesCloseConfiguration

/// Which column holds each canonical field of a table, decided from a file's header row, and why.
public struct HeaderMapping: Sendable {
    /// Where a field's column came from.
    public enum Origin: String, Sendable {
        /// `[tables.x.columns]` names the header.
        case configuration
        /// A built-in alias (or the field's own name) matched the header.
        case alias
    }

    /// One mapped field, for the mapping report.
    public struct Assignment: Sendable, Equatable {
        public var field: String
        /// 0-based column index.
        public var column: Int
        public var header: String
        public var origin: Origin
    }

    public let table: TableKind
    /// Canonical field → 0-based column index.
    public private(set) var columns: [String: Int] = [:]
    public private(set) var origins: [String: Origin] = [:]
    /// The header row as read.
    public let headers: [String]
    /// Headers that map to no field (ignored, listed once in the log).
    public private(set) var unknownHeaders: [String] = []
    /// Required fields the header lacks (with `amount or unit_price` for orders).
    public private(set) var missingFields: [String] = []
    /// Configured fields whose header the file lacks: field and the configured header.
    public private(set) var missingConfigured: [(field: String, header: String)] = []
    /// Order-level total columns (`Total`, `合计` …) that were not taken as the line amount.
    public private(set) var orderTotalColumns: [String] = []

    /// Maps `headers` for `table`: an explicit `[tables.x.columns]` entry wins over the aliases.
    /// On orders and shipments, an order-level total never becomes `amount` by alias.
    public init(table: TableKind, headers: [String], explicit: [String: String]) {
        self.table = table
        self.headers = headers
        let normalized = headers.map(normalizedHeader)
        var taken = Set<Int>()
        for (field, header) in explicit.sorted(by: { $0.key < $1.key }) {
            if let i = headers.firstIndex(of: header) ?? normalized.firstIndex(of: normalizedHeader(header)) {
                columns[field] = i
                origins[field] = .configuration
                taken.insert(i)
            } else {
                missingConfigured.append((field, header))
            }
        }
        let guardsTotals = table == .orders || table == .shipments
        for field in table.fields where columns[field] == nil && explicit[field] == nil {
            // The field's own name first, then its aliases in order.
            for alias in table.aliases(of: field) {
                if guardsTotals, field == "amount", orderTotalHeaders.contains(alias) { continue }
                if let i = normalized.indices.first(where: { normalized[$0] == alias && !taken.contains($0) }) {
                    columns[field] = i
                    origins[field] = .alias
                    taken.insert(i)
                    break
                }
            }
        }
        if guardsTotals {
            orderTotalColumns = headers.indices.filter { !taken.contains($0) && orderTotalHeaders.contains(normalized[$0]) }
                .map { headers[$0] }
        }
        unknownHeaders = headers.indices.filter { !taken.contains($0) }.map { headers[$0] }
        missingFields = table.requiredFields.filter { columns[$0] == nil }
        if table == .orders, columns["amount"] == nil, columns["unit_price"] == nil {
            missingFields.append("amount or unit_price")
        }
    }

    public var isComplete: Bool { missingFields.isEmpty }

    /// How many of the table's required fields the header has.
    public var requiredFound: Int { table.requiredFields.filter { columns[$0] != nil }.count }

    /// The column of `field`, or -1 when the file does not have it.
    public func column(_ field: String) -> Int { columns[field] ?? -1 }

    /// Every mapped field in the table's field order.
    public var assignments: [Assignment] {
        table.fields.compactMap { field in
            columns[field].map { Assignment(field: field, column: $0, header: headers[$0], origin: origins[field]!) }
        }
    }
}
