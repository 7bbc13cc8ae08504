import Foundation
import SalesCloseConfiguration

/// `salesclose inspect`'s output: for each file a commented profile, then one proposed
/// `[tables.X]` section per table, ready to paste into `salesclose.toml` (everything else is a
/// TOML comment). Fields the built-in aliases map are listed as comments (the import maps them
/// anyway, in every file of the table); close matches are written as `field = "header"` keys.
public enum InspectionReport {
    /// Status values that mark a cancelled or voided order in the exports seen so far.
    static let cancellationWords: Set<String> = ["cancelled", "canceled", "voided", "void", "已取消", "取消", "作废", "已作废"]

    public static func render(_ files: [FileInspection]) -> String {
        var out = ""
        for f in files { out += profile(f) + "\n" }
        for table in TableKind.allCases {
            let group = files.filter { $0.table == table }
            if !group.isEmpty { out += section(table, group) + "\n" }
        }
        // Files that nearly are a table: a draft section, with what is missing to map.
        for f in files where f.table == nil && !f.proposals.isEmpty {
            guard let (table, missing) = f.closest else { continue }
            let taken = Set(f.proposals.map(\.column))
            let numbers = f.columns.indices.filter { !taken.contains($0) && f.columns[$0].isNumber }.map { quoted(f.headers[$0]) }
            var draft = "# draft for \(name(f)): complete it, then paste (the file is not read until \(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") mapped)\n"
            draft += section(table, [f]).split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }.joined(separator: "\n")
            for field in missing {
                let candidates = field.contains("amount") || FieldMatcher.numberFields.contains(field) ? numbers : f.headers.indices.filter { !taken.contains($0) }.map { quoted(f.headers[$0]) }
                draft += "\n# \(field == "amount or unit_price" ? "unit_price or amount" : field) = ?   # not found; columns left: \(candidates.joined(separator: ", "))"
            }
            out += draft + "\n\n"
        }
        return out
    }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t") + "\""
    }

    static func name(_ f: FileInspection) -> String { (f.path as NSString).lastPathComponent }

    static func profile(_ f: FileInspection) -> String {
        var lines = ["# ── \(f.path)"]
        let delimiter = f.delimiter == 9 ? "tab" : "\"\(String(UnicodeScalar(f.delimiter)))\""
        let quotes = f.hasMultilineFields ? "quoted fields, some over several lines" : f.hasQuotes ? "quoted fields" : "no quotes"
        lines.append("# encoding \(f.encoding.rawValue) (\(f.encodingSource.rawValue)), delimiter \(delimiter), \(quotes); header on line 1, \(f.headers.count) columns; \(f.rowsSampled) rows read")
        let dated = f.columns.filter { $0.datePattern != nil }
        for (pattern, cols) in Dictionary(grouping: dated, by: { $0.datePattern!.text }).sorted(by: { $0.key < $1.key }) {
            let time = cols.contains(where: \.hasOffset) ? " with time and UTC offset (the calendar date as written; set timezone to convert)"
                : cols.contains(where: \.hasTime) ? " with time" : ""
            lines.append("# dates \(pattern)\(time): \(cols.map { quoted($0.header) }.joined(separator: ", "))")
            if cols.contains(where: \.dateAmbiguous) {
                lines.append("# warning: \(cols.filter(\.dateAmbiguous).map { quoted($0.header) }.joined(separator: ", ")) fit both DD.MM.YYYY and MM/DD/YYYY (no day above 12 seen); check date_format")
            }
        }
        let commas = f.columns.filter(\.decimalComma)
        if !commas.isEmpty { lines.append("# decimal comma: \(commas.map { quoted($0.header) }.joined(separator: ", "))") }
        if let table = f.table {
            let close = f.proposals.filter { $0.basis != .alias }.count
            lines.append("# classified as \(table.rawValue): every required field found" + (close > 0 ? " (\(close) by close match; check them)" : " by built-in aliases"))
        } else if let closest = f.closest {
            lines.append("# matches no table; closest is \(closest.table.rawValue), which lacks \(closest.missing.joined(separator: ", ")); map those in [tables.\(closest.table.rawValue).columns]")
        }
        if !f.orderTotals.isEmpty {
            lines.append("# warning: \(f.orderTotals.map(quoted).joined(separator: ", ")) \(f.orderTotals.count == 1 ? "looks like an order total" : "look like order totals"), not a line amount; not proposed as amount")
        }
        if !f.firstLineOnly.isEmpty {
            lines.append("# warning: order-level columns filled on an order's first line only: \(f.firstLineOnly.map(quoted).joined(separator: ", "))")
            lines.append("#   (mapped order-level fields are taken from the first line; a cancelled status there cancels the order)")
        }
        if !f.repeatedPerOrder.isEmpty {
            lines.append("# note: order-level columns repeated on every line of an order: \(f.repeatedPerOrder.map(quoted).joined(separator: ", "))")
        }
        let ambiguous = f.proposals.filter { p in f.columns[p.column].dateAmbiguous }
        for p in ambiguous { lines.append("# warning: \(p.field) ← \(quoted(p.header)) is ambiguous between day-first and month-first") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func section(_ table: TableKind, _ files: [FileInspection]) -> String {
        var lines = ["[tables.\(table.rawValue)]", "files = [\(files.map { quoted(name($0)) }.joined(separator: ", "))]"]
        // One date pattern for the table's date fields, written when it is not the default.
        let patterns = Set(files.flatMap { f in
            f.proposals.filter { FieldMatcher.dateFields.contains($0.field) }.compactMap { f.columns[$0.column].datePattern?.text }
        })
        if let pattern = patterns.first(where: { DatePattern($0) != .yearFirst }) {
            lines.append("date_format = \(quoted(pattern))")
            if patterns.count > 1 { lines.append("# warning: the files' dates use \(patterns.sorted().joined(separator: " and ")); one date_format per table") }
        }
        let numeric = files.flatMap { f in f.proposals.filter { FieldMatcher.numberFields.contains($0.field) }.map { (f, f.columns[$0.column]) } }
        let commaFiles = Set(numeric.filter { $0.1.decimalComma }.map { $0.0.path })
        if !commaFiles.isEmpty, files.contains(where: { commaFiles.contains($0.path) && $0.delimiter != UInt8(ascii: ";") }) {
            lines.append("decimal = \",\"")
        } else if commaFiles.isEmpty, files.contains(where: { $0.delimiter == UInt8(ascii: ";") }), !numeric.isEmpty {
            lines.append("decimal = \".\"")
        }
        if table == .orders {
            var seen: [String] = [], allValues: [String] = []
            for f in files {
                guard let status = f.proposals.first(where: { $0.field == "status" }) else { continue }
                for v in f.columns[status.column].samples(limit: 20) where !allValues.contains(v) { allValues.append(v) }
                for v in Set(f.columns[status.column].values) where cancellationWords.contains(v.lowercased()) && !seen.contains(v) { seen.append(v) }
            }
            if !seen.isEmpty {
                lines.append("cancelled_values = [\(seen.sorted().map(quoted).joined(separator: ", "))]   # status values seen: \(allValues.joined(separator: ", "))")
            }
        }
        lines.append("[tables.\(table.rawValue).columns]")
        var written: [String: String] = [:]
        for field in table.fields {
            for f in files {
                guard let p = f.proposals.first(where: { $0.field == field }) else { continue }
                let samples = f.columns[p.column].samples.map { quoted(String($0.prefix(40))) }.joined(separator: ", ")
                let from = files.count > 1 ? " in \(name(f))" : ""
                switch p.basis {
                case .alias:
                    lines.append("# \(field) ← \(quoted(p.header)) (built-in alias\(from)): \(samples)")
                case .closeMatch, .repeatsLikeAnOrderNumber:
                    let why = if case .closeMatch(let word) = p.basis { "close match: the header contains \"\(word)\"" } else { "close match: repeats on an order's consecutive lines" }
                    if let earlier = written[field], earlier != p.header {
                        lines.append("# warning: \(field) ← \(quoted(p.header))\(from) (\(why)) differs from \(quoted(earlier)) above; one header per field and table")
                    } else if written[field] == nil {
                        lines.append("\(field) = \(quoted(p.header))   # \(why)\(from): \(samples)")
                        written[field] = p.header
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension FileInspection.ColumnProfile {
    func samples(limit: Int) -> [String] {
        var seen = Set<String>(), out: [String] = []
        for v in values where !seen.contains(v) {
            seen.insert(v); out.append(v)
            if out.count == limit { break }
        }
        return out
    }
}
