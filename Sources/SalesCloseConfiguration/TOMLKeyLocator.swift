/// Finds where a key or table is written in a TOML text (TOMLKit gives positions for syntax
/// errors only). Key paths are the table names and keys from the root; the `n`-th table of an
/// array of tables (`[[lookups]]`) is the component `#n`. Handles `[table]` and `[[array]]`
/// headers, dotted and quoted keys, comments and values spanning lines (arrays, multi-line
/// strings); a key inside an inline table is located at the key that holds the inline table.
public struct TOMLKeyLocator: Sendable {
    public struct Position: Equatable, Sendable {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) { self.line = line; self.column = column }
    }

    /// Every table and key path written in the text, at its first appearance.
    private var positions: [[String]: Position] = [:]

    public init(text: String) {
        var current: [String] = []
        var arrayCounts: [[String]: Int] = [:]
        var continuation: Continuation?
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Array(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine)
            if let open = continuation {
                continuation = open.advanced(over: line[...])
                continue
            }
            let start = line.firstIndex { $0 != " " && $0 != "\t" } ?? line.endIndex
            guard start < line.endIndex, line[start] != "#" else { continue }
            let position = Position(line: number + 1, column: start + 1)
            if line[start] == "[" {
                let isArray = start + 1 < line.endIndex && line[start + 1] == "["
                let nameStart = start + (isArray ? 2 : 1)
                guard let (names, _) = Self.dottedKey(line, from: nameStart) else { continue }
                // A header below an array of tables refers to the array's latest element.
                var path: [String] = []
                for name in names {
                    path.append(name)
                    if let n = arrayCounts[path], !(isArray && path.count == names.count) { path.append("#\(n - 1)") }
                }
                if isArray {
                    let n = arrayCounts[path, default: 0]
                    arrayCounts[path] = n + 1
                    record(path, position)
                    path.append("#\(n)")
                }
                record(path, position)
                current = path
                continue
            }
            guard let (names, afterKey) = Self.dottedKey(line, from: start),
                  let equals = line[afterKey...].firstIndex(where: { $0 != " " && $0 != "\t" }), line[equals] == "=" else { continue }
            var path = current
            for name in names {
                path.append(name)
                record(path, position)
            }
            continuation = Continuation(depth: 0, string: nil).advanced(over: line[(equals + 1)...])
        }
    }

    private mutating func record(_ path: [String], _ position: Position) {
        if positions[path] == nil { positions[path] = position }
    }

    /// Where `path` is written, else where its closest written parent is; nil when not even its
    /// first component is in the text.
    public func position(of path: [String]) -> Position? {
        var p = path
        while !p.isEmpty {
            if let found = positions[p] { return found }
            p.removeLast()
        }
        return nil
    }

    /// The names of a (dotted, possibly quoted) key starting at `from`, and the index after it.
    private static func dottedKey(_ line: [Character], from: Int) -> ([String], Int)? {
        var names: [String] = []
        var i = from
        while true {
            while i < line.count, line[i] == " " || line[i] == "\t" { i += 1 }
            guard i < line.count else { return nil }
            var name = ""
            if line[i] == "\"" || line[i] == "'" {
                let quote = line[i]
                i += 1
                while i < line.count, line[i] != quote {
                    if quote == "\"", line[i] == "\\", i + 1 < line.count { i += 1 }
                    name.append(line[i]); i += 1
                }
                guard i < line.count else { return nil }
                i += 1
            } else {
                while i < line.count, line[i].isLetter || line[i].isNumber || line[i] == "_" || line[i] == "-" {
                    name.append(line[i]); i += 1
                }
                guard !name.isEmpty else { return nil }
            }
            names.append(name)
            while i < line.count, line[i] == " " || line[i] == "\t" { i += 1 }
            guard i < line.count, line[i] == "." else { return (names, i) }
            i += 1
        }
    }

    /// An unfinished value: open brackets and braces, or an open multi-line string.
    private struct Continuation {
        var depth: Int
        /// The delimiter of the open multi-line string (`"""` or `'''`).
        var string: String?

        /// The state after `text`, or nil when the value is complete.
        func advanced(over text: ArraySlice<Character>) -> Continuation? {
            var state = self
            var i = text.startIndex
            func starts(_ s: String, at j: Int) -> Bool {
                let chars = Array(s)
                return j + chars.count <= text.endIndex && Array(text[j..<(j + chars.count)]) == chars
            }
            while i < text.endIndex {
                let c = text[i]
                if let delimiter = state.string {
                    if delimiter == "\"\"\"", c == "\\" { i += 2; continue }
                    if starts(delimiter, at: i) { state.string = nil; i += 3 } else { i += 1 }
                    continue
                }
                if starts("\"\"\"", at: i) || starts("'''", at: i) { state.string = String(text[i..<(i + 3)]); i += 3; continue }
                switch c {
                case "#": i = text.endIndex; continue
                case "\"", "'":
                    i += 1
                    while i < text.endIndex, text[i] != c {
                        if c == "\"", text[i] == "\\" { i += 1 }
                        i += 1
                    }
                case "[", "{": state.depth += 1
                case "]", "}": state.depth -= 1
                default: break
                }
                i += 1
            }
            return state.depth > 0 || state.string != nil ? state : nil
        }
    }
}
