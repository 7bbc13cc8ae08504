import Foundation
import SalesCloseConfiguration

/// What `salesclose inspect` finds in one export: how it is encoded and delimited, the header,
/// each column's kind (date pattern, decimal comma, order-level), the table it would be read as
/// and the canonical field each column would become, by alias or by close match.
public struct FileInspection: Sendable {
    public let path: String
    public let encoding: TextEncoding
    public let encodingSource: EncodingSource
    public let delimiter: UInt8
    public let headers: [String]
    public let rowsSampled: Int
    /// Quoted fields seen, and fields holding a line break.
    public let hasQuotes: Bool
    public let hasMultilineFields: Bool
    public let columns: [ColumnProfile]
    /// The table the file is proposed as, nil when it fits none.
    public let table: TableKind?
    /// The closest table and what it still lacks, when the file fits none (`proposals` are then
    /// its fields found so far, for a draft section).
    public let closest: (table: TableKind, missing: [String])?
    public let proposals: [FieldProposal]
    /// Order-level columns: filled on an order's first line only.
    public let firstLineOnly: [String]
    /// Order-level columns: the same value on every line of an order.
    public let repeatedPerOrder: [String]
    public let orderTotals: [String]

    /// Rows read to profile the columns.
    public static let sampleRows = 5000

    public struct ColumnProfile: Sendable {
        public let header: String
        /// Non-empty values in the sample, in order (at most `sampleRows`).
        public let values: [String]
        /// The date pattern every non-empty value fits, if any.
        public let datePattern: DatePattern?
        /// Day-first and month-first both fit every value (no day above 12 seen).
        public let dateAmbiguous: Bool
        public let hasTime: Bool
        public let hasOffset: Bool
        /// Every non-empty value is a number (with `decimalComma` as detected).
        public let isNumber: Bool
        public let decimalComma: Bool

        /// The first five distinct values.
        public var samples: [String] {
            var seen = Set<String>(), out: [String] = []
            for v in values where !seen.contains(v) {
                seen.insert(v); out.append(v)
                if out.count == 5 { break }
            }
            return out
        }
    }

    public struct FieldProposal: Sendable, Equatable {
        public enum Basis: Sendable, Equatable {
            case alias
            /// The header contains an alias or a hint word.
            case closeMatch(String)
            /// The values repeat on consecutive lines, as an order number does.
            case repeatsLikeAnOrderNumber
        }
        public let field: String
        public let column: Int
        public let header: String
        public let basis: Basis
    }

    public static func inspect(path: String) throws -> FileInspection {
        let scan = try FileScan.scan(path: path)
        guard case .read(let encoding, let source, let delimiter) = TextAdmission.decide(scan, encoding: nil, delimiter: nil, table: nil) else {
            if case .unreadable(let line, let column, let reason, _) = TextAdmission.decide(scan, encoding: nil, delimiter: nil, table: nil) {
                throw InspectionError(message: "\(path):\(line):\(column): error: \(reason)")
            }
            throw InspectionError(message: "\(path): error: cannot be read")
        }
        var headers: [String] = []
        var rows: [[String]] = []
        var multiline = false
        try CSVReader().read(path: path, options: .init(delimiter: delimiter, encoding: encoding)) { record in
            let fields = (0..<record.count).map { record.string($0) }
            if headers.isEmpty { headers = fields; return true }
            if fields.contains(where: { $0.contains("\n") }) { multiline = true }
            rows.append(fields)
            return rows.count < sampleRows
        }
        let hasQuotes = scan.prefix.contains(UInt8(ascii: "\""))
        let columns = headers.indices.map { i in ColumnProfile.profile(header: headers[i], values: rows.map { i < $0.count ? $0[i] : "" }) }
        return FileInspection(path: path, encoding: encoding, encodingSource: source, delimiter: delimiter, headers: headers,
                              rows: rows, hasQuotes: hasQuotes, multiline: multiline, columns: columns)
    }

    init(path: String, encoding: TextEncoding, encodingSource: EncodingSource, delimiter: UInt8, headers: [String],
         rows: [[String]], hasQuotes: Bool, multiline: Bool, columns: [ColumnProfile]) {
        self.path = path; self.encoding = encoding; self.encodingSource = encodingSource; self.delimiter = delimiter
        self.headers = headers; rowsSampled = rows.count; self.hasQuotes = hasQuotes; hasMultilineFields = multiline
        self.columns = columns
        let candidates = TableKind.allCases.map { FieldMatcher(table: $0, headers: headers, columns: columns, rows: rows).proposals() }
        // As the import decides (a table that found more required fields than the complete one has
        // is what the file nearly is).
        let complete = candidates.filter { $0.missing.isEmpty }
        let found = { (c: (table: TableKind, proposals: [FieldProposal], missing: [String])) in
            c.table.requiredFields.filter { f in c.proposals.contains { $0.field == f } }.count
        }
        let near = candidates.max { a, b in (found(a), -a.missing.count) < (found(b), -b.missing.count) }!
        if let best = complete.max(by: { ($0.table.requiredFields.count, $0.proposals.count) < ($1.table.requiredFields.count, $1.proposals.count) }),
           near.missing.isEmpty || found(near) <= best.table.requiredFields.count {
            table = best.table; proposals = best.proposals; closest = nil
        } else {
            // Not a table yet: the nearest one's proposals make a draft section to complete.
            table = nil; proposals = near.proposals
            closest = (near.table, near.missing)
        }
        let kind = table ?? closest?.table
        let orderColumn = kind == .orders || kind == .shipments ? proposals.first { $0.field == "order_id" }?.column : nil
        var firstOnly: [String] = [], repeated: [String] = []
        if let orderColumn {
            let groups = FileInspection.orderGroups(rows, orderColumn)
            if !groups.isEmpty {
                for i in headers.indices where i != orderColumn {
                    let pattern = groups.map { g -> (first: Bool, same: Bool) in
                        let values = g.map { i < rows[$0].count ? rows[$0][i] : "" }
                        return (!values[0].isEmpty && values.dropFirst().allSatisfy(\.isEmpty), values.allSatisfy { $0 == values[0] })
                    }
                    if pattern.allSatisfy(\.first) { firstOnly.append(headers[i]) }
                    else if pattern.allSatisfy(\.same), columns[i].values.count == rows.count { repeated.append(headers[i]) }
                }
            }
        }
        firstLineOnly = firstOnly
        repeatedPerOrder = repeated
        let taken = Set(proposals.map(\.column))
        orderTotals = kind == .orders || kind == .shipments
            ? headers.indices.filter { !taken.contains($0) && orderTotalHeaders.contains(normalizedHeader(headers[$0])) }.map { headers[$0] }
            : []
    }

    /// Runs of two or more consecutive rows with the same order number.
    static func orderGroups(_ rows: [[String]], _ column: Int) -> [[Int]] {
        var groups: [[Int]] = [], current: [Int] = []
        for (i, row) in rows.enumerated() {
            let id = column < row.count ? row[column] : ""
            if let last = current.last, (column < rows[last].count ? rows[last][column] : "") == id, !id.isEmpty {
                current.append(i)
            } else {
                if current.count > 1 { groups.append(current) }
                current = [i]
            }
        }
        if current.count > 1 { groups.append(current) }
        return groups
    }
}

public struct InspectionError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension FileInspection.ColumnProfile {
    static let datePatterns = ["YYYY-MM-DD", "DD.MM.YYYY", "MM/DD/YYYY", "YYYY年M月D日"].map { DatePattern($0)! }

    static func profile(header: String, values all: [String]) -> Self {
        let values = all.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        func fits(_ parser: DateParser) -> Bool {
            !values.isEmpty && values.allSatisfy { v in
                var s = v
                return s.withUTF8 { if case .success = parser.parse(UnsafeRawBufferPointer($0)) { return true } else { return false } }
            }
        }
        let fitting = datePatterns.filter { fits(DateParser($0)) }
        let numbers = { (comma: Bool) -> Bool in
            let parser = NumberParser(decimalComma: comma)
            return !values.isEmpty && values.allSatisfy { v in
                var s = v
                return s.withUTF8 { if case .success = parser.parse(UnsafeRawBufferPointer($0), scale: 6, allowPercent: true) { return true } else { return false } }
            }
        }
        let point = numbers(false), comma = numbers(true)
        // Decimal comma: numbers only with it, or written like 12,50 (one or two digits after the comma).
        let commaLike = values.contains { v in
            guard let c = v.lastIndex(of: ","), !v.contains(".") else { return false }
            let tail = v[v.index(after: c)...]
            return (1...2).contains(tail.count) && tail.allSatisfy(\.isNumber)
        }
        let decimalComma = comma && (!point || commaLike)
        return Self(header: header, values: values, datePattern: fitting.first,
                    dateAmbiguous: fitting.contains(datePatterns[1]) && fitting.contains(datePatterns[2]),
                    hasTime: fitting.isEmpty ? false : values.contains { $0.contains(":") },
                    hasOffset: fitting.isEmpty ? false : values.contains { v in
                        v.range(of: #"\d:\d\d(:\d\d)?([.,]\d+)?\s*([+-]\d\d(:?\d\d)?|Z|UTC)$"#, options: .regularExpression) != nil
                    },
                    isNumber: fitting.isEmpty && (point || comma), decimalComma: fitting.isEmpty && decimalComma)
    }
}
