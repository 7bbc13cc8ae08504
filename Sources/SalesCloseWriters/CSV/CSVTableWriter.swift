import Foundation
import SalesCloseCore

/// Renders a `ReportTable` as CSV: UTF-8, header row, `.` decimal point, ISO dates, money with
/// two decimals, rates as decimals, RFC 4180 quoting. Text that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or CR) is neutralised with a leading `'`.
public enum CSVTableWriter {
    public static func render(_ table: ReportTable) -> String {
        var out = ""
        out.reserveCapacity(64 * (table.rows.count + 1))
        out += table.columns.map { quoted($0.name) }.joined(separator: ",") + "\n"
        for row in table.rows {
            var first = true
            for cell in row {
                if !first { out += "," }
                first = false
                out += format(cell)
            }
            out += "\n"
        }
        return out
    }

    public static func write(_ table: ReportTable, to path: String) throws {
        try Data(render(table).utf8).write(to: URL(fileURLWithPath: path))
    }

    public static func format(_ cell: ReportTable.Cell) -> String {
        switch cell {
        case .text(let s): return quoted(neutralised(s))
        case .money(let m): return m.description
        case .quantity(let q): return q.description
        case .integer(let i): return String(i)
        case .rate(let r), .number(let r): return decimal(r)
        case .day(let d): return d.description
        case .month(let m): return m.description
        case .empty: return ""
        }
    }

    /// Prefixes `'` to text a spreadsheet would read as a formula.
    public static func neutralised(_ s: String) -> String {
        guard let first = s.utf8.first else { return s }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: return "'" + s
        default: return s
        }
    }

    static func quoted(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Up to six decimals, trailing zeros removed: `0.875`, `1`, `-0.5`, `0.333333`.
    static func decimal(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        let scaled = (x * 1_000_000).rounded()
        guard abs(scaled) < 9e18 else { return String(x) }
        let v = Int64(scaled)
        let negative = v < 0
        let m = v.magnitude
        var s = (negative ? "-" : "") + String(m / 1_000_000)
        var frac = m % 1_000_000
        if frac != 0 {
            var digits = 6
            while frac % 10 == 0 { frac /= 10; digits -= 1 }
            var f = String(frac)
            while f.count < digits { f = "0" + f }
            s += "." + f
        }
        return s == "-0" ? "0" : s
    }
}
