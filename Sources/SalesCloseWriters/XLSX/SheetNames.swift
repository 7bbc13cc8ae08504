/// Makes sheet names valid and unique for Excel: at most 31 characters, none of `[ ] : * ? / \`
/// (nor their full-width forms `［ ］ ： ＊ ？ ／ ＼`), no apostrophe at either end, not the reserved
/// name `History`, and unique ignoring case (a clash gets ` (2)`, ` (3)` …, shortened to fit).
public struct SheetNames: Sendable {
    public static let maxLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\",
                                            "［", "］", "：", "＊", "？", "／", "＼"]

    private var used: Set<String> = []

    public init() {}

    /// A valid form of `name` (not yet checked for uniqueness).
    public static func sanitized(_ name: String) -> String {
        var s = String(name.map { forbidden.contains($0) || $0.isNewline || $0 == "\t" ? "_" : $0 })
        s = s.trimmingApostrophes()
        s = truncated(s, to: maxLength).trimmingApostrophes()
        if s.allSatisfy({ $0 == " " }) { s = "Sheet" }
        if s.lowercased() == "history" { s = "History_" }
        return s
    }

    /// A valid name for `name` that no earlier call returned (ignoring case).
    public mutating func unique(_ name: String) -> String {
        let base = SheetNames.sanitized(name)
        var candidate = base
        var n = 2
        while used.contains(candidate.lowercased()) {
            let suffix = " (\(n))"
            candidate = SheetNames.truncated(base, to: SheetNames.maxLength - suffix.count).trimmingApostrophes() + suffix
            n += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    /// The first `length` characters, counted as Excel and libxlsxwriter count them (code points).
    static func truncated(_ s: String, to length: Int) -> String {
        guard s.unicodeScalars.count > length else { return s }
        // Cut on a character boundary so no combining mark or surrogate is split off.
        var out = ""
        var count = 0
        for ch in s {
            let c = ch.unicodeScalars.count
            if count + c > length { break }
            out.append(ch); count += c
        }
        return out
    }
}

extension String {
    fileprivate func trimmingApostrophes() -> String {
        var s = Substring(self)
        while s.first == "'" { s.removeFirst() }
        while s.last == "'" { s.removeLast() }
        return String(s)
    }
}
