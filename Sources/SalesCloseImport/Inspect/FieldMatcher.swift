import SalesCloseConfiguration

/// Proposes a column for every canonical field of one table: the built-in aliases first (as the
/// import maps), then close matches for fields still missing — a header that contains an alias
/// or a hint word (`Lineitem SKU`, `salesRepEmployeeNumber`, `Email`), and for the order number
/// a column whose values repeat on consecutive lines. Close matches are only proposed for text
/// and date fields whose values fit; numbers (amount, discount, cost) are proposed by alias only,
/// so a `Discount Amount` never becomes a discount rate.
struct FieldMatcher {
    let table: TableKind
    let headers: [String]
    let columns: [FileInspection.ColumnProfile]
    let rows: [[String]]

    /// Fields a close match may propose, with hint words besides their aliases.
    static let closeMatchable: [String: [String]] = [
        "order_id": ["order"], "order_date": ["created", "date"], "customer_id": ["email", "customer", "client", "buyer", "客户"],
        "customer_name": ["billing name", "customer"], "sku": ["sku", "article", "artikel"], "quantity": ["quantity", "qty"],
        "region": ["region", "province", "state"], "salesperson": ["salesrep", "sales rep", "seller", "owner"],
        "status": ["status", "state"], "promised_date": ["promised", "required"], "ship_date": ["ship", "delivered"],
        "payment_date": ["paid", "payment date"], "payment_id": ["receipt", "check", "cheque"], "shipment_id": ["shipment", "delivery"],
        "category": ["category", "product line", "product type"],
    ]
    static let dateFields: Set<String> = ["order_date", "promised_date", "ship_date", "payment_date"]
    static let numberFields: Set<String> = ["quantity", "unit_price", "discount", "amount", "cost", "unit_cost", "credit_limit", "payment_terms_days"]

    /// The proposals and the required fields still missing. Close matches only complete a table of
    /// which the aliases found at least half the required fields (so a staff list with an `email`
    /// column is not taken for customers).
    func proposals() -> (table: TableKind, proposals: [FileInspection.FieldProposal], missing: [String]) {
        let mapping = HeaderMapping(table: table, headers: headers, explicit: [:])
        let byAlias = table.requiredFields.filter { mapping.columns[$0] != nil }.count
        guard byAlias * 2 >= table.requiredFields.count, byAlias > 0 else {
            return (table, [], table.requiredFields.filter { mapping.columns[$0] == nil })
        }
        var proposals = mapping.assignments.map { FileInspection.FieldProposal(field: $0.field, column: $0.column, header: $0.header, basis: .alias) }
        var taken = Set(proposals.map(\.column))
        func fits(_ field: String, _ column: Int) -> Bool {
            let c = columns[column]
            if c.values.isEmpty { return false }
            if Self.dateFields.contains(field) { return c.datePattern != nil }
            if Self.numberFields.contains(field) { return c.isNumber }
            return c.datePattern == nil
        }
        for field in table.fields where mapping.columns[field] == nil {
            guard let hints = Self.closeMatchable[field] else { continue }
            let words = (Self.rawAliases(table, field) + hints).map(Self.words).filter { !$0.isEmpty }
            if field == "order_id", table == .orders || table == .shipments,
               let i = headers.indices.first(where: { !taken.contains($0) && fits(field, $0) && repeatsOnConsecutiveLines($0) && !columns[$0].values.contains(where: { $0.contains("@") }) }) {
                proposals.append(.init(field: field, column: i, header: headers[i], basis: .repeatsLikeAnOrderNumber))
                taken.insert(i)
                continue
            }
            for word in words {
                if let i = headers.indices.first(where: { !taken.contains($0) && Self.contains(Self.words(headers[$0]), word) && fits(field, $0) }) {
                    proposals.append(.init(field: field, column: i, header: headers[i], basis: .closeMatch(word.joined(separator: " "))))
                    taken.insert(i)
                    break
                }
            }
        }
        let mapped = Set(proposals.map(\.field))
        var missing = table.requiredFields.filter { !mapped.contains($0) }
        if table == .orders, !mapped.contains("amount"), !mapped.contains("unit_price") { missing.append("amount or unit_price") }
        let order = Dictionary(uniqueKeysWithValues: table.fields.enumerated().map { ($1, $0) })
        return (table, proposals.sorted { order[$0.field]! < order[$1.field]! }, missing)
    }

    /// The field's name and aliases as written (`sales rep`, `客户编号`).
    static func rawAliases(_ table: TableKind, _ field: String) -> [String] {
        [field.replacingOccurrences(of: "_", with: " ")] + table.aliases(of: field).filter { $0.count >= 4 }
    }

    /// The words of a header: split at spaces, `_`, `-`, `.` and lower-to-upper case changes
    /// (`salesRepEmployeeNumber` → sales rep employee number); a run of CJK characters is a word of
    /// its own and matches as a substring.
    static func words(_ text: String) -> [String] {
        var words: [String] = [], current = ""
        var previousLower = false
        for ch in text {
            if !(ch.isLetter || ch.isNumber) {
                if !current.isEmpty { words.append(current) }
                current = ""; previousLower = false
                continue
            }
            if ch.isUppercase && previousLower, !current.isEmpty { words.append(current); current = "" }
            current += ch.lowercased()
            previousLower = ch.isLowercase || ch.isNumber
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Whether `phrase` occurs as consecutive whole words of `header` (CJK: as a substring).
    static func contains(_ header: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, header.count >= phrase.count else {
            return phrase.count == 1 && header.contains { isCJK($0) && $0.contains(phrase[0]) }
        }
        if phrase.count == 1, isCJK(phrase[0]) { return header.contains { $0.contains(phrase[0]) } }
        return (0...(header.count - phrase.count)).contains { Array(header[$0..<($0 + phrase.count)]) == phrase }
    }

    static func isCJK(_ s: String) -> Bool { s.unicodeScalars.contains { $0.value >= 0x3400 && $0.value <= 0x9FFF } }

    /// At least one value is on two consecutive lines, and values are not all the same.
    func repeatsOnConsecutiveLines(_ column: Int) -> Bool {
        let values = rows.map { column < $0.count ? $0[column] : "" }
        guard Set(values).count > 1 else { return false }
        return zip(values, values.dropFirst()).contains { $0 == $1 && !$0.isEmpty }
    }
}
