import Foundation

/// `manifest.json`: what a run read and wrote, so a reader can check that every input row is
/// accounted for (`rows_read = accepted + rejected`, `accepted = counted + superseded`) and
/// that the outputs are the ones this run produced.
public struct Manifest: Encodable {
    public struct Input: Encodable {
        public var path: String
        public var role: String
        public var table: String?
        public var sha256: String
        public var bytes: Int
        public var encoding: String
        /// `configured`, `byte-order mark` or `detected`.
        public var encodingSource: String
        public var delimiter: String
        public var rowsRead: Int
        public var accepted: Int
        public var rejected: Int
        /// Accepted rows later replaced by a row with the same key (exact duplicates included).
        public var duplicate: Int
        public var exactDuplicates: Int
        public var replacements: Int
        /// Rows that count in the figures: accepted − duplicate.
        public var counted: Int
        /// Order lines whose empty order-level fields were taken from the order's earlier line (orders only).
        public var filledFromOrderLine: Int?
        /// The mapping in effect, for a file read as a table.
        public var mapping: Mapping?
        public init(path: String, role: String, table: String?, sha256: String, bytes: Int, encoding: String,
                    encodingSource: String = "detected", delimiter: String, rowsRead: Int, accepted: Int, rejected: Int, duplicate: Int,
                    exactDuplicates: Int, replacements: Int, counted: Int) {
            self.path = path; self.role = role; self.table = table; self.sha256 = sha256; self.bytes = bytes
            self.encoding = encoding; self.encodingSource = encodingSource; self.delimiter = delimiter; self.rowsRead = rowsRead; self.accepted = accepted
            self.rejected = rejected; self.duplicate = duplicate; self.exactDuplicates = exactDuplicates
            self.replacements = replacements; self.counted = counted
        }
    }
    /// Why a file was read as its table and which header became which canonical field.
    public struct Mapping: Encodable {
        public struct Field: Encodable {
            public var field: String
            public var header: String
            /// 1-based column number.
            public var column: Int
            /// `configuration` or `alias`.
            public var source: String
            public init(field: String, header: String, column: Int, source: String) {
                self.field = field; self.header = header; self.column = column; self.source = source
            }
        }
        public var table: String
        public var reason: String
        public var fields: [Field]
        public init(table: String, reason: String, fields: [Field]) { self.table = table; self.reason = reason; self.fields = fields }
    }
    public struct Output: Encodable {
        public var path: String
        public var sha256: String
        public var bytes: Int
    }

    public var tool = "salesclose"
    public var toolVersion: String
    public var runTime: String
    public var command: String
    /// `closed`, or `failed` for the diagnostics of a run that could not close.
    public var status = "closed"
    /// Why the run failed (the error it ended with), for a failed run.
    public var failure: String?
    /// The close period ("" when a failed run never got as far as knowing it).
    public var period: String
    public var configDigest: String
    public var inputs: [Input]
    public var outputs: [Output] = []
    public var totals: [String: Int]

    public init(toolVersion: String, runTime: String, command: String, period: String, configDigest: String,
                inputs: [Input], totals: [String: Int]) {
        self.toolVersion = toolVersion; self.runTime = runTime; self.command = command; self.period = period
        self.configDigest = configDigest; self.inputs = inputs; self.totals = totals
    }

    /// Records the digest of every file in `folder` (sorted by name) as an output. The files are
    /// hashed two at a time (a close at 10M lines writes ~220 MB).
    public mutating func addOutputs(in folder: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().filter { $0 != "manifest.json" }
        let paths = names.map { (folder as NSString).appendingPathComponent($0) }
        let digests = Digests(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in digests.set(i, Result { try sha256Hex(ofFile: paths[i]) }) }
        for (i, name) in names.enumerated() {
            let size = (try FileManager.default.attributesOfItem(atPath: paths[i])[.size] as? Int) ?? 0
            outputs.append(Output(path: name, sha256: try digests.get(i), bytes: size))
        }
    }

    /// The digests of `addOutputs`, each set once by the thread that made it.
    private final class Digests: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<String, any Error>?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ result: Result<String, any Error>) { lock.lock(); results[i] = result; lock.unlock() }
        func get(_ i: Int) throws -> String { try results[i]!.get() }
    }

    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }
}
