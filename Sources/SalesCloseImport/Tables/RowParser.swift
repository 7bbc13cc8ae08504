import Glibc
import SalesCloseCore

/// Typed access to the fields of one record, failing with the column and the reason.
struct RowParser {
    let numbers: NumberParser
    let dates: DateParser
    let headerCount: Int
    /// The file's delimiter, to spot a quoted field that swallowed whole records.
    var delimiter = UInt8(ascii: ",")

    func problem(_ r: CSVRecord, _ column: Int, _ field: String, _ reason: String) -> RowProblem {
        RowProblem(column: column + 1, field: field, value: r.string(column), reason: reason)
    }

    /// Rejects a row whose field count differs from the header's (extra empty fields are allowed:
    /// spreadsheets pad rows), since shifted columns would put values under the wrong fields.
    func checkWidth(_ r: CSVRecord) throws(RowProblem) {
        if r.endLine > r.line { try checkSwallowedRecords(r) }
        if r.count == headerCount { return }
        var reason = "row has \(r.count) fields but the header has \(headerCount)"
        if r.endLine > r.line { reason += " (the record runs from line \(r.line) to line \(r.endLine): a quote in it may be unbalanced)" }
        if r.count > headerCount {
            for i in headerCount..<r.count where r[i].count > 0 {
                throw RowProblem(column: i + 1, field: "", value: r.string(i), reason: reason, code: "row-width")
            }
            return
        }
        throw RowProblem(column: r.count + 1, field: "", value: "", reason: reason, code: "row-width")
    }

    /// Rejects a record with a NUL byte in a field: no export writes one in text, and it would
    /// cut names short in the workbook.
    func checkNUL(_ r: CSVRecord) throws(RowProblem) {
        // One scan of the record's bytes (its fields, and what lies between them); fields only when found.
        guard r.count > 0, memchr(r.base, 0, r.byteCount) != nil else { return }
        for i in 0..<r.count {
            let field = r[i]
            guard let base = field.baseAddress, let at = memchr(base, 0, field.count) else { continue }
            throw RowProblem(column: i + 1, field: "", value: r.string(i).split(separator: "\0", omittingEmptySubsequences: false).joined(separator: "\\0"),
                             reason: "field \(i + 1) holds a NUL byte at its character \(base.distance(to: UnsafeRawPointer(at)) + 1)",
                             code: "nul-byte")
        }
    }

    /// Rejects a record one of whose quoted fields spans lines and holds as many delimiters as
    /// a whole record: a quote not closed where it should be has pulled the next record into it,
    /// and the fields after it would be read from that record.
    private func checkSwallowedRecords(_ r: CSVRecord) throws(RowProblem) {
        let limit = max(headerCount - 1, 3)
        for i in 0..<r.count {
            let field = r[i]
            guard let base = field.baseAddress, memchr(base, 10, field.count) != nil || memchr(base, 13, field.count) != nil else { continue }
            let delimiters = field.reduce(0) { $0 + ($1 == delimiter ? 1 : 0) }
            if delimiters >= limit {
                throw RowProblem(column: i + 1, field: "", value: String(r.string(i).prefix(80)), reason:
                    "quoted field \(i + 1) runs from line \(r.line) to line \(r.endLine) and holds \(delimiters) delimiters, as many as a whole record: the quote opened on line \(r.line) is probably not closed where it should be",
                    code: "swallowed-record")
            }
        }
    }

    /// A text or id field is empty only when it holds no bytes at all: a value of one space, or
    /// of NBSP or ideographic spaces, is a value and kept as written.
    func isEmpty(_ r: CSVRecord, _ column: Int) -> Bool {
        column < 0 || r[column].count == 0
    }

    /// A number or date field is blank when it holds nothing but ASCII spaces and tabs.
    func isBlank(_ r: CSVRecord, _ column: Int) -> Bool {
        guard column >= 0 else { return true }
        var lo = 0, hi = r[column].count
        trimSpaces(r[column], &lo, &hi)
        return lo == hi
    }

    /// A required key: kept as written, but one made only of spaces is rejected like an empty one
    /// (it would make every such row one customer, order or product called " ").
    func id(_ r: CSVRecord, _ column: Int, _ field: String, _ interner: inout ByteInterner) throws(RowProblem) -> NameID {
        guard column >= 0, !isEmpty(r, column) else { throw problem(r, max(column, 0), field, "\(field) is empty") }
        guard !isBlank(r, column) else { throw problem(r, column, field, "\(field) holds only spaces") }
        return interner.intern(r[column])
    }

    func optionalID(_ r: CSVRecord, _ column: Int, _ interner: inout ByteInterner) -> NameID {
        guard column >= 0, !isEmpty(r, column) else { return noName }
        return interner.intern(r[column])
    }

    /// `optionalID`, trying the id the value usually has first.
    func optionalID(_ r: CSVRecord, _ column: Int, _ interner: inout ByteInterner, expecting expected: NameID) -> NameID {
        guard column >= 0, !isEmpty(r, column) else { return noName }
        return interner.intern(r[column], expecting: expected)
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
        guard column >= 0, !isBlank(r, column) else { return nil }
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
        guard column >= 0, !isBlank(r, column) else { return nil }
        return try number(r, column, field, scale: scale, allowPercent: allowPercent)
    }
}
