import PropertyBased
import SalesCloseTestSupport
import Testing
@testable import SalesCloseImport

/// Random RFC 4180 files (quotes, commas, CR LF and LF inside fields, blank lines, CJK text,
/// mixed line ends, with or without a final newline) read back field for field, each record
/// with the line it starts on.
@Suite struct CSVRoundTripTests {
    static let tokens = ["a", "Bc", "12.5", "上海", ",", "\"", "\r\n", "\n", " ", "x y", "NA", "="]

    /// Fields of one record from one random number: three fields of zero to three tokens each.
    static func record(_ seed: Int) -> [String] {
        var n = seed
        return (0..<3).map { _ in
            let count = n % 4
            n /= 4
            var field = ""
            for _ in 0..<count {
                field += tokens[n % tokens.count]
                n /= tokens.count
            }
            return field
        }
    }

    static func encode(_ field: String, forceQuotes: Bool) -> String {
        let special = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard special || forceQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Lines a text spans beyond its first: CR LF, LF and a lone CR each end one line.
    static func newlines(_ text: String) -> Int {
        text.unicodeScalars.reduce(into: (count: 0, lastCR: false)) { state, s in
            if s == "\n" { if !state.lastCR { state.count += 1 }; state.lastCR = false }
            else if s == "\r" { state.count += 1; state.lastCR = true }
            else { state.lastCR = false }
        }.count
    }

    @Test func randomFilesReadBackExactly() async throws {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int(Int32.max)).array(of: 1...40)) { seeds in
            var text = ""
            var expected: [(line: Int, fields: [String])] = []
            var line = 1
            for (i, seed) in seeds.enumerated() {
                if seed % 11 == 0 { text += "\n"; line += 1 }                  // a blank line
                let fields = Self.record(seed)
                let body = fields.enumerated().map { Self.encode($1, forceQuotes: (seed >> ($0 + 20)) & 1 == 1) }
                    .joined(separator: ",")
                expected.append((line, fields))
                line += Self.newlines(body)
                let last = i == seeds.count - 1
                if !(last && seed % 3 == 0) {                                    // sometimes no final newline
                    text += body + (seed % 2 == 0 ? "\r\n" : "\n")
                    line += 1
                } else {
                    text += body
                }
            }
            let folder = try! TemporaryFolder()
            defer { folder.remove() }
            let path = try! folder.write("r.csv", text)
            var got: [(line: Int, fields: [String])] = []
            try! CSVReader().read(path: path, options: .init()) { r in
                got.append((r.line, (0..<r.count).map { r.string($0) })); return true
            }
            #expect(got.map(\.fields) == expected.map(\.fields))
            #expect(got.map(\.line) == expected.map(\.line))
        }
    }
}
