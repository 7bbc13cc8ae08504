/// How the fields of a CSV file are separated (`delimiter`).
public enum Delimiter: String, Sendable, CaseIterable {
    case comma = ","
    case semicolon = ";"
    case tab = "\t"

    public var byte: UInt8 { UInt8(rawValue.utf8.first!) }
}

/// The decimal separator of numbers (`decimal`).
public enum DecimalMark: String, Sendable, CaseIterable {
    case point = "."
    case comma = ","
}

/// The character encoding of an input file (`encoding`); unset = detected.
public enum InputEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    /// UTF-16 little-endian (Excel's "Unicode text").
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// GB18030, a superset of GBK and GB2312 (Excel's "CSV" on Chinese Windows).
    case gb18030
    /// Windows-1252, the superset of Latin-1 (ISO 8859-1) that Western Windows writes.
    case windows1252 = "windows-1252"

    /// Accepts the spellings people write: `utf8`, `UTF-8`, `gbk`, `cp936`, `latin-1`, `cp1252` …
    public init?(spelling: String) {
        switch spelling.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8", "utf-8-sig": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "utf16", "unicode": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        case "windows-1252", "cp1252", "latin-1", "latin1", "iso-8859-1", "iso8859-1": self = .windows1252
        default: return nil
        }
    }

    /// The spellings accepted by `encoding = "…"`, for messages.
    public static let spellings = "auto, utf-8, utf-16le, utf-16be, gb18030 (gbk) or windows-1252 (latin-1)"
}
