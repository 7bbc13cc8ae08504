import Foundation
import SalesCloseConfiguration
import SalesCloseCore
import SalesCloseTestSupport
import Testing
@testable import SalesCloseImport

/// The import corpus: one folder per awkward input under `Corpus/<case>/`, holding `input.csv`
/// (any bytes; `@@REPEAT n c@@` in it stands for n copies of the character c, so a 10 MB field
/// is generated rather than committed), an optional `salesclose.toml`, and `expected.txt`: the
/// exact result — every file's accounting, every row read, every reject and finding with its
/// place. `RECORD_CORPUS=1 swift test --filter CorpusTests` re-records the expectations and fails,
/// so no new expectation goes in unreviewed.
@Suite struct CorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus").path

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func corpusHasTheCasesTheIssueNames() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases) func corpusCase(_ name: String) throws {
        let folder = "\(Self.corpus)/\(name)"
        let work = try TemporaryFolder("corpus")
        defer { work.remove() }
        let input = try work.subfolder("Input"), config = try work.subfolder("Config")
        try work.write("Input/input.csv", bytes: Self.expand(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/input.csv")))))
        if let toml = FileManager.default.contents(atPath: folder + "/salesclose.toml") {
            try work.write("Config/salesclose.toml", bytes: Array(toml))
        }
        let result = try Importer(configuration: Configuration.load(config)).run(inputFolder: input, configFolder: config)
        let actual = Self.render(result).replacingOccurrences(of: input + "/", with: "")
        let expectedPath = folder + "/expected.txt"
        if ProcessInfo.processInfo.environment["RECORD_CORPUS"] != nil {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(expectedPath); review it and run again without RECORD_CORPUS")
            return
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(actual == expected, "\(name): the import differs from expected.txt")
    }

    /// Expands `@@REPEAT n c@@` into n copies of the byte c.
    static func expand(_ bytes: [UInt8]) -> [UInt8] {
        let marker = Array("@@REPEAT ".utf8)
        guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: marker) }) else { return bytes }
        let rest = bytes[(start + marker.count)...]
        guard let space = rest.firstIndex(of: 32), let count = Int(String(decoding: rest[..<space], as: UTF8.self)),
              bytes[(space + 2)...].starts(with: Array("@@".utf8)) else { return bytes }
        return Array(bytes[..<start]) + [UInt8](repeating: bytes[space + 1], count: count) + expand(Array(bytes[(space + 4)...]))
    }

    /// Text with every character that is easy to misread spelt out: spaces other than U+0020,
    /// control characters, quotes and backslashes; long runs of one character are counted.
    static func quoted(_ s: String) -> String {
        var out = "\""
        var run: (Character, Int)?
        func flush() {
            guard let (c, n) = run else { return }
            out += n >= 16 ? "[\(n) × \(visible(c))]" : String(repeating: visible(c), count: n)
            run = nil
        }
        for c in s {
            if let (r, n) = run, r == c { run = (r, n + 1); continue }
            flush()
            run = (c, 1)
        }
        flush()
        return out + "\""
    }

    static func visible(_ c: Character) -> String {
        switch c {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\r\n": return "\\r\\n"
        case "\t": return "\\t"
        default:
            let v = c.unicodeScalars.first!.value
            if c.unicodeScalars.count == 1, v < 0x20 || v == 0x7F || v == 0xA0 || v == 0x3000 || v == 0xFEFF || (0x2000...0x200B).contains(v) {
                return "\\u{\(String(v, radix: 16, uppercase: true))}"
            }
            return String(c)
        }
    }

    static func render(_ result: ImportResult) -> String {
        var out: [String] = []
        for f in result.files {
            out.append("file \(f.path): role \(f.role.rawValue), table \(f.table?.rawValue ?? "-"), encoding \(f.encoding.rawValue) (\(f.encodingSource.rawValue)), delimiter \(quoted(String(UnicodeScalar(f.delimiter)))), read \(f.rowsRead), accepted \(f.accepted), rejected \(f.rejected), duplicate \(f.superseded)")
        }
        let d = result.data
        func name(_ id: NameID, _ table: NameTable) -> String { id == noName ? "-" : quoted(table[id]) }
        for l in d.orderLines {
            let customerName = d.customers[Int(l.customer)].name.map(quoted) ?? "-"
            let productName = d.products[Int(l.sku)].name.map(quoted) ?? "-"
            out.append("order line \(l.source.line): order \(name(l.order, d.names.orders)) line \(name(l.lineNo, d.names.lineNumbers)) date \(l.orderDate) customer \(name(l.customer, d.names.customers)) \(customerName) sku \(name(l.sku, d.names.skus)) \(productName) quantity \(l.quantity) amount \(l.amount) region \(name(l.region, d.names.regions))\(l.isCancelled ? " cancelled" : "")")
        }
        for s in d.shipments {
            out.append("shipment \(s.source.line): order \(name(s.order, d.names.orders)) date \(s.shipDate) quantity \(s.quantity)")
        }
        for p in d.payments {
            out.append("payment \(p.source.line): customer \(name(p.customer, d.names.customers)) date \(p.paymentDate) amount \(p.amount)")
        }
        for r in result.rejects {
            out.append("reject \(r.location): \(r.reason) [\(r.code), field \(r.field ?? "-"), value \(quoted(r.value ?? ""))]")
        }
        for f in result.findings { out.append("finding \(f.description)") }
        return out.joined(separator: "\n") + "\n"
    }
}
