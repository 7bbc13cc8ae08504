import Foundation

/// Reading settings of one input table (`[tables.orders]` …).
public struct TableSettings: Sendable, Equatable {
    /// File-name globs; a matching file is this table whatever its header says.
    public var files: [String] = []
    /// Canonical field → source column header (`[tables.x.columns]`). Wins over the built-in aliases.
    public var columns: [String: String] = [:]
    /// nil = detected from the header line.
    public var delimiter: Delimiter?
    /// nil = decimal comma when the delimiter is `;`, else decimal point.
    public var decimal: DecimalMark?
    public var dateFormat: DatePattern = .yearFirst
    /// The zone timestamps with a UTC offset are converted to before their date is taken;
    /// nil = the calendar date as written.
    public var timeZone: TimeZone?
    /// nil = detected (byte-order mark, UTF-8, else GB18030 or Windows-1252 by plausibility).
    public var encoding: InputEncoding?
    /// `escape = "\\"`: inside a quoted field, `\"` is a quote (a non-RFC 4180 dialect; nil = none).
    public var escape: UInt8?
    /// `comment = "#"`: lines starting with this byte are skipped (nil = none).
    public var comment: UInt8?
    /// `quote_padding = true`: spaces outside the quotes of a field are dropped.
    public var quotePadding = false
    /// Status values that mark a cancelled line (compared case-insensitively; orders only).
    public var cancelledValues: [String] = ["cancelled", "canceled", "已取消", "取消", "作废"]
    public init() {}

    /// The keys of `[tables.<kind>]` besides the `columns` sub-table.
    static func keys(_ kind: TableKind) -> [SettingKey<TableSettings>] {
        var keys: [SettingKey<TableSettings>] = [
            SettingKey("files", \.files, .array(of: .string, single: true)),
            SettingKey("delimiter", \.delimiter, .delimiter, auto: "auto"),
            SettingKey("decimal", \.decimal, .choice(DecimalMark.self), auto: "auto"),
            SettingKey("date_format", \.dateFormat, .datePattern),
            SettingKey("timezone", \.timeZone, .timeZone, unsetComment: "none: the calendar date as written"),
            SettingKey("encoding", \.encoding, .encoding, auto: "auto"),
            SettingKey("escape", \.escape, .asciiCharacter, auto: ""),
            SettingKey("comment", \.comment, .asciiCharacter, auto: ""),
            SettingKey("quote_padding", \.quotePadding, .boolean),
        ]
        if kind == .orders { keys.append(SettingKey("cancelled_values", \.cancelledValues, .array(of: .string, single: true))) }
        return keys
    }
}

extension ValueCodec where T == Delimiter {
    /// `","`, `";"`, `"\t"` or `"tab"`.
    static var delimiter: ValueCodec<Delimiter> {
        ValueCodec(read: { v in
            guard let s = v.string else { throw ValueProblem(message: "expected a string, \(found(v))") }
            if s == "tab" { return .tab }
            guard let d = Delimiter(rawValue: s) else {
                throw ValueProblem(message: "expected \",\", \";\", \"\\t\" or \"auto\", \(found(v))")
            }
            return d
        }, literal: { tomlString($0.rawValue) }, shown: { $0 == .tab ? "tab" : $0.rawValue })
    }
}

extension ValueCodec where T == UInt8 {
    /// One ASCII character other than a quote or a space (`"\\"`, `"#"`).
    static var asciiCharacter: ValueCodec<UInt8> {
        ValueCodec(read: { v in
            guard let s = v.string else { throw ValueProblem(message: "expected a string, \(found(v))") }
            guard s.utf8.count == 1, let b = s.utf8.first, b > 32, b < 127, b != 34 else {
                throw ValueProblem(message: "expected one ASCII character other than a quote or space, \(found(v))")
            }
            return b
        }, literal: { tomlString(String(UnicodeScalar($0))) }, shown: { String(UnicodeScalar($0)) })
    }
}

extension ValueCodec where T == InputEncoding {
    static var encoding: ValueCodec<InputEncoding> {
        ValueCodec(read: { v in
            guard let s = v.string else { throw ValueProblem(message: "expected a string, \(found(v))") }
            guard let e = InputEncoding(spelling: s) else {
                throw ValueProblem(message: "expected \(InputEncoding.spellings), \(found(v))")
            }
            return e
        }, literal: { tomlString($0.rawValue) }, shown: { $0.rawValue })
    }
}

extension ValueCodec where T == TimeZone {
    /// An IANA zone name such as `Asia/Shanghai` or `Europe/Berlin`.
    static var timeZone: ValueCodec<TimeZone> {
        ValueCodec(read: { v in
            guard let s = v.string else { throw ValueProblem(message: "expected a string, \(found(v))") }
            guard let zone = TimeZone(identifier: s) else {
                throw ValueProblem(message: "\(tomlString(s)) is not a time zone; use an IANA name such as \"Asia/Shanghai\" or \"Europe/Berlin\"")
            }
            return zone
        }, literal: { tomlString($0.identifier) }, shown: { $0.identifier })
    }
}

extension ValueCodec where T == DatePattern {
    static var datePattern: ValueCodec<DatePattern> {
        ValueCodec(read: { v in
            guard let s = v.string else { throw ValueProblem(message: "expected a string, \(found(v))") }
            guard let p = DatePattern(s) else {
                throw ValueProblem(message: "\(tomlString(s)) needs one YYYY, one MM (or M) and one DD (or D)")
            }
            return p
        }, literal: { tomlString($0.text) }, shown: { $0.text })
    }
}
