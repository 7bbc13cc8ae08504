import Foundation
import SalesCloseCore

/// The rejected rows and files of an import, in the order they were found.
///
/// The first `keptInMemory` are held as values; the rest are written to a temporary file that is
/// unlinked as soon as it is open (nothing is left behind, even by a killed run) and read back
/// when asked for. A file of millions of bad rows (a wrong `date_format` rejects every row) then
/// costs 8 bytes a row for its offset, not a diagnostic each, and `rejects.csv` still lists
/// every one of them.
public struct RejectLog: RandomAccessCollection, ExpressibleByArrayLiteral, Equatable, Sendable {
    public static let keptInMemory = 10_000

    private var kept: [Reject] = []
    private var spill: RejectSpill?

    public init() {}
    public init(arrayLiteral elements: Reject...) { for r in elements { append(r) } }

    public var startIndex: Int { 0 }
    public var endIndex: Int { kept.count + (spill?.count ?? 0) }

    public subscript(position: Int) -> Reject {
        position < kept.count ? kept[position] : spill!.reject(at: position - kept.count)
    }

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
            guard let spill = log.spill, position < log.endIndex else { return nil }
            if reader == nil { reader = spill.reader() }
            return reader!.next()
        }
    }

    mutating func append(_ reject: Reject) {
        if kept.count < Self.keptInMemory && spill == nil { kept.append(reject); return }
        if spill == nil { spill = RejectSpill() }
        spill!.append(reject)
    }

    /// Writes out what the spill still buffers; the log is read-only from here on.
    func finish() { spill?.flush() }

    public static func == (a: RejectLog, b: RejectLog) -> Bool { a.count == b.count && a.elementsEqual(b) }
}

/// The spilled rejects: records appended to an unlinked temporary file, with each record's offset.
/// Written by the import alone (one thread); after `flush`, only read with `pread`, which shares
/// no file position, so readers on any thread are safe.
final class RejectSpill: @unchecked Sendable {
    private let descriptor: Int32
    private var offsets: [Int64] = []
    private var buffer: [UInt8] = []
    private var written: Int64 = 0
    private static let flushSize = 1 << 20

    init() {
        var template = Array((NSTemporaryDirectory() + "/salesclose-rejects.XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        precondition(descriptor >= 0, "cannot create a temporary file for rejected rows: \(String(cString: strerror(errno)))")
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    deinit { close(descriptor) }

    var count: Int { offsets.count }

    func append(_ r: Reject) {
        offsets.append(written + Int64(buffer.count))
        buffer.append(r.severity == .error ? 0 : r.severity == .warning ? 1 : 2)
        for text in [r.code, r.message, r.location.file, r.field ?? "", r.value ?? ""] { put(text) }
        put(r.field != nil ? 1 : 0)
        put(r.value != nil ? 1 : 0)
        for number in [r.location.line, r.location.column, r.location.record] { put(Int64(number ?? -1)) }
        if buffer.count >= Self.flushSize { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        let n = buffer.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(written)) }
        precondition(n == buffer.count, "cannot write rejected rows to the temporary file: \(String(cString: strerror(errno)))")
        written += Int64(n)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The `i`th spilled reject (one `pread`).
    func reject(at i: Int) -> Reject {
        flush()
        let start = offsets[i], end = i + 1 < offsets.count ? offsets[i + 1] : written
        var bytes = [UInt8](repeating: 0, count: Int(end - start))
        read(into: &bytes, at: start)
        var cursor = 0
        return Self.decode(bytes, &cursor)
    }

    func reader() -> Reader { flush(); return Reader(spill: self) }

    /// Decodes the records in order, a megabyte at a time.
    struct Reader {
        let spill: RejectSpill
        var record = 0
        var block: [UInt8] = []
        var blockStart: Int64 = 0
        var cursor = 0

        mutating func next() -> Reject? {
            guard record < spill.offsets.count else { return nil }
            let start = spill.offsets[record]
            let end = record + 1 < spill.offsets.count ? spill.offsets[record + 1] : spill.written
            if start < blockStart || end > blockStart + Int64(block.count) {
                blockStart = start
                block = [UInt8](repeating: 0, count: Int(max(end - start, min(Int64(RejectSpill.flushSize), spill.written - start))))
                spill.read(into: &block, at: start)
            }
            cursor = Int(start - blockStart)
            record += 1
            return RejectSpill.decode(block, &cursor)
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
