import SalesCloseConfiguration

/// How the header of a new export differs from the one it replaces: columns added and removed
/// (a renamed column is one of each), compared as header names are matched (case, spaces, `_`,
/// `-` and full-width forms aside). Order alone is no drift: columns are found by name.
struct SchemaDrift: CustomStringConvertible {
    let added: [String]
    let removed: [String]

    /// nil when both headers have the same columns.
    init?(old: [String], new: [String]) {
        let oldKeys = Set(old.map(normalizedHeader)), newKeys = Set(new.map(normalizedHeader))
        added = new.filter { !oldKeys.contains(normalizedHeader($0)) }
        removed = old.filter { !newKeys.contains(normalizedHeader($0)) }
        if added.isEmpty && removed.isEmpty { return nil }
    }

    var description: String {
        var parts: [String] = []
        if !added.isEmpty { parts.append("added \(added.map { "\"\($0)\"" }.joined(separator: ", "))") }
        if !removed.isEmpty { parts.append("removed \(removed.map { "\"\($0)\"" }.joined(separator: ", "))") }
        return parts.joined(separator: "; ")
    }
}
