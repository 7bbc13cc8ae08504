import SalesCloseCore

/// Typed access to the fields of one record, failing with the column and the reason.
struct RowParser {
    let numbers: NumberParser
    let dates: DateParser
    let headerCount: Int

    func problem(_ r: CSVRecord, _ column: Int, _ field: String, _ reason: String) -> RowProblem {
        RowProblem(column: column + 1, field: field, value: r.string(column), reason: reason)
    }

    /// Rejects a row whose field count differs from the header's (extra empty fields are allowed:
    /// spreadsheets pad rows), since shifted columns would put values under the wrong fields.
    func checkWidth(_ r: CSVRecord) throws(RowProblem) {
        if r.count == headerCount { return }
        if r.count > headerCount {
            for i in headerCount..<r.count where r[i].count > 0 {
                throw RowProblem(column: i + 1, field: "", value: r.string(i),
                                 reason: "row has \(r.count) fields but the header has \(headerCount)")
            }
            return
        }
        throw RowProblem(column: r.count + 1, field: "", value: "",
                         reason: "row has \(r.count) fields but the header has \(headerCount)")
    }

    func isEmpty(_ r: CSVRecord, _ column: Int) -> Bool {
        guard column >= 0 else { return true }
        var lo = 0, hi = r[column].count
        trimSpaces(r[column], &lo, &hi)
        return lo == hi
    }

    func id(_ r: CSVRecord, _ column: Int, _ field: String, _ interner: inout ByteInterner) throws(RowProblem) -> NameID {
        guard column >= 0, !isEmpty(r, column) else { throw problem(r, max(column, 0), field, "\(field) is empty") }
        return interner.intern(r[column])
    }

    func optionalID(_ r: CSVRecord, _ column: Int, _ interner: inout ByteInterner) -> NameID {
        guard column >= 0, !isEmpty(r, column) else { return noName }
        return interner.intern(r[column])
    }

    func date(_ r: CSVRecord, _ column: Int, _ field: String) throws(RowProblem) -> Day {
        switch dates.parse(r[column]) {
        case .success(let d): return d
        case .failure(.empty): throw problem(r, column, field, "\(field) is empty")
        case .failure(.noSuchDay): throw problem(r, column, field, "\(field) \"\(r.string(column))\" is not a calendar day")
        case .failure(.notADate):
            throw problem(r, column, field, "\(field) \"\(r.string(column))\" is not a date in the format \(dates.pattern)")
        }
    }

    func optionalDate(_ r: CSVRecord, _ column: Int, _ field: String) throws(RowProblem) -> Day? {
        guard column >= 0, !isEmpty(r, column) else { return nil }
        return try date(r, column, field)
    }

    /// The value × 10^scale; `allowPercent` reads a trailing `%`.
    func number(_ r: CSVRecord, _ column: Int, _ field: String, scale: Int, allowPercent: Bool = false) throws(RowProblem) -> Int64 {
        switch numbers.parse(r[column], scale: scale, allowPercent: allowPercent) {
        case .success(let v): return v
        case .failure(.empty): throw problem(r, column, field, "\(field) is empty")
        case .failure(.tooLarge): throw problem(r, column, field, "\(field) \"\(r.string(column))\" is too large")
        case .failure(.notANumber): throw problem(r, column, field, "\(field) \"\(r.string(column))\" is not a number")
        }
    }

    func optionalNumber(_ r: CSVRecord, _ column: Int, _ field: String, scale: Int, allowPercent: Bool = false) throws(RowProblem) -> Int64? {
        guard column >= 0, !isEmpty(r, column) else { return nil }
        return try number(r, column, field, scale: scale, allowPercent: allowPercent)
    }
}
