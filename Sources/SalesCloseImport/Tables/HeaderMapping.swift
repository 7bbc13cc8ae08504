import SalesCloseConfiguration
/// Which column holds each canonical field of a table, decided from a file's header row.
public struct HeaderMapping: Sendable {
    public let table: TableKind
    /// Canonical field → 0-based column index.
    public private(set) var columns: [String: Int] = [:]
    /// Headers that map to no field (ignored, listed once in the log).
    public private(set) var unknownHeaders: [String] = []
    /// Required fields the header lacks (with `amount or unit_price` for orders).
    public private(set) var missingFields: [String] = []

    /// Maps `headers` for `table`: an explicit `[tables.x.columns]` entry wins over the aliases.
    public init(table: TableKind, headers: [String], explicit: [String: String]) {
        self.table = table
        let normalized = headers.map(normalizedHeader)
        var taken = Set<Int>()
        for (field, header) in explicit.sorted(by: { $0.key < $1.key }) {
            let wanted = normalizedHeader(header)
            if let i = headers.firstIndex(of: header) ?? normalized.firstIndex(of: wanted) {
                columns[field] = i
                taken.insert(i)
            }
        }
        for field in table.fields where columns[field] == nil && explicit[field] == nil {
            let aliases = table.aliases(of: field)
            // The field's own name first, then its aliases in order.
            for alias in aliases {
                if let i = normalized.indices.first(where: { normalized[$0] == alias && !taken.contains($0) }) {
                    columns[field] = i
                    taken.insert(i)
                    break
                }
            }
        }
        unknownHeaders = headers.indices.filter { !taken.contains($0) }.map { headers[$0] }
        missingFields = table.requiredFields.filter { columns[$0] == nil }
        if table == .orders, columns["amount"] == nil, columns["unit_price"] == nil {
            missingFields.append("amount or unit_price")
        }
    }

    public var isComplete: Bool { missingFields.isEmpty }

    /// The column of `field`, or -1 when the file does not have it.
    public func column(_ field: String) -> Int { columns[field] ?? -1 }
}
