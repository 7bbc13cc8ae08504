import Foundation
import SalesCloseCore

/// The rejected rows and files of an import, in the order they were found.
///
/// The first `keptInMemory` are held as values; the rest are written to a temporary file that is
/// unlinked as soon as it is open (nothing is left behind, even by a killed run) and read back,
/// in order, when the log is read. A file of millions of bad rows (a wrong `date_format` rejects
/// every row) then costs no memory for its rejects, and `rejects.csv` still lists every one.
public struct RejectLog: Sequence, ExpressibleByArrayLiteral, Equatable, Sendable {
    public static let keptInMemory = 1_000

    private var kept: [Reject] = []
    private var spill: RejectSpill?
    /// The spilled records this log holds (a copy of the log that appends goes on writing to the
    /// same file; a copy taken before sees only its own records).
    private var spilled = 0

    public init() {}
    public init(arrayLiteral elements: Reject...) { for r in elements { append(r) } }

    public var count: Int { kept.count + spilled }
    public var isEmpty: Bool { count == 0 }
    public var first: Reject? { kept.first }
    public var underestimatedCount: Int { count }

    /// Reads the spilled part sequentially, a large block at a time.
    public func makeIterator() -> Iterator { Iterator(log: self) }

    public struct Iterator: IteratorProtocol {
        let log: RejectLog
        var position = 0
        var reader: RejectSpill.Reader?

        init(log: RejectLog) { self.log = log }

        public mutating func next() -> Reject? {
            defer { position += 1 }
            if position < log.kept.count { return log.kept[position] }
            guard let spill = log.spill, position < log.count else { return nil }
            if reader == nil { reader = spill.reader() }
            return reader!.next()
        }
    }

    mutating func append(_ reject: Reject) {
        if kept.count < Self.keptInMemory && spill == nil { kept.append(reject); return }
        if spill == nil { spill = RejectSpill() }
        spill!.append(reject)
        spilled += 1
    }

    /// Writes out what the spill still buffers; the log is read-only from here on.
    func finish() { spill?.flush() }

    public static func == (a: RejectLog, b: RejectLog) -> Bool { a.count == b.count && a.elementsEqual(b) }
}

/// The spilled rejects: records appended to an unlinked temporary file, each led by its length.
/// Written by the import alone (one thread); after `flush`, only read with `pread`, which shares
/// no file position, so readers on any thread are safe.
final class RejectSpill: @unchecked Sendable {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var written: Int64 = 0
    private static let flushSize = 1 << 20
    private static let lengthSize = 4

    init() {
        var template = Array((NSTemporaryDirectory() + "/salesclose-rejects.XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        precondition(descriptor >= 0, "cannot create a temporary file for rejected rows: \(String(cString: strerror(errno)))")
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    deinit { close(descriptor) }

    func append(_ r: Reject) {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.lengthSize))
        buffer.append(r.severity == .error ? 0 : r.severity == .warning ? 1 : 2)
        for text in [r.code, r.message, r.location.file, r.field ?? "", r.value ?? ""] { put(text) }
        put(r.field != nil ? 1 : 0)
        put(r.value != nil ? 1 : 0)
        for number in [r.location.line, r.location.column, r.location.record] { put(Int64(number ?? -1)) }
        let length = UInt32(buffer.count - start - Self.lengthSize)
        withUnsafeBytes(of: length.littleEndian) { for k in 0..<Self.lengthSize { buffer[start + k] = $0[k] } }
        if buffer.count >= Self.flushSize { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        let n = buffer.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(written)) }
        precondition(n == buffer.count, "cannot write rejected rows to the temporary file: \(String(cString: strerror(errno)))")
        written += Int64(n)
        buffer.removeAll(keepingCapacity: true)
    }

    func reader() -> Reader { flush(); return Reader(spill: self) }

    /// Decodes the records in order, a megabyte at a time.
    struct Reader {
        let spill: RejectSpill
        var block: [UInt8] = []
        var blockStart: Int64 = 0
        /// The file offset of the next record.
        var offset: Int64 = 0

        mutating func next() -> Reject? {
            guard offset < spill.written else { return nil }
            if !holds(RejectSpill.lengthSize) { load(RejectSpill.lengthSize) }
            var cursor = Int(offset - blockStart)
            var length = 0
            for k in 0..<RejectSpill.lengthSize { length |= Int(block[cursor + k]) << (8 * k) }
            let record = RejectSpill.lengthSize + length
            if !holds(record) { load(record); cursor = 0 }
            cursor += RejectSpill.lengthSize
            offset += Int64(record)
            return RejectSpill.decode(block, &cursor)
        }

        /// Whether the block holds the `count` bytes at `offset`.
        private func holds(_ count: Int) -> Bool {
            offset >= blockStart && offset + Int64(count) <= blockStart + Int64(block.count)
        }

        /// Reads a block from `offset` on, at least `count` bytes long.
        private mutating func load(_ count: Int) {
            blockStart = offset
            block = [UInt8](repeating: 0, count: Int(min(Int64(max(count, RejectSpill.flushSize)), spill.written - offset)))
            spill.read(into: &block, at: offset)
        }
    }

    private func read(into bytes: inout [UInt8], at offset: Int64) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, $0.count - done, off_t(offset) + off_t(done)) }
            precondition(n > 0, "cannot read rejected rows back from the temporary file: \(String(cString: strerror(errno)))")
            done += n
        }
    }

    private func put(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            put(Int64(utf8.count))
            buffer.append(contentsOf: utf8)
        }
    }

    private func put(_ number: Int64) {
        withUnsafeBytes(of: number.littleEndian) { buffer.append(contentsOf: $0) }
    }

    private static func decode(_ bytes: [UInt8], _ cursor: inout Int) -> Reject {
        func number() -> Int64 {
            var v: Int64 = 0
            for k in 0..<8 { v |= Int64(bytes[cursor + k]) << (8 * k) }
            cursor += 8
            return v
        }
        func text() -> String {
            let n = Int(number())
            defer { cursor += n }
            return String(decoding: bytes[cursor..<(cursor + n)], as: UTF8.self)
        }
        let severity: Diagnostic.Severity = bytes[cursor] == 0 ? .error : bytes[cursor] == 1 ? .warning : .note
        cursor += 1
        let code = text(), message = text(), file = text(), field = text(), value = text()
        let hasField = number() == 1, hasValue = number() == 1
        func optional(_ v: Int64) -> Int? { v < 0 ? nil : Int(v) }
        let line = optional(number()), column = optional(number()), record = optional(number())
        return Reject(severity, code: code, at: Location(file: file, line: line, column: column, record: record),
                      field: hasField ? field : nil, value: hasValue ? value : nil, message: message)
    }
}
