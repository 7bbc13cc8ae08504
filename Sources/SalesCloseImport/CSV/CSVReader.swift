import CLibCSV
import Glibc
import SalesCloseCore

/// Streams a CSV file (memory-mapped) through libcsv in 1 MiB chunks (its plain lines split without it,
/// `PlainLine`) and hands each record to a callback,
/// with the line it starts on. The only file in the project that calls `csv_*`. A file that cannot
/// be opened or parsed at all throws a `Diagnostic`.
///
/// libcsv's silent defaults are switched off: no trimming of spaces around unquoted fields and
/// every newline reported (so blank lines and CR LF pairs can be counted). Lines are counted here
/// because libcsv does not.
///
/// A quote that is never closed swallows the rest of the file into one field. The record where
/// it opened is reported as an `UnreadableRecord` (its start line and field) and reading starts
/// again on the next physical line, so the records before and after it are still delivered.
public final class CSVReader {
    public struct Options: Sendable {
        public var delimiter: UInt8 = UInt8(ascii: ",")
        public var encoding: TextEncoding = .utf8
        public var dialect = CSVDialect()
        public var chunkSize = 1 << 20
        /// The bytes to read: a piece of the file that starts at a record boundary (nil: all of it).
        public var range: Range<Int>?
        /// The number of the piece's first line (1 for the whole file).
        public var firstLine = 1
        /// Whether plain lines are split without libcsv (`PlainLine`); off only to compare the two.
        public var splitsPlainLines = true
        /// Told after each chunk how many bytes it held and how many lines it ended (progress).
        public var onChunk: (@Sendable (_ bytes: Int, _ lines: Int) -> Void)?
        public init(delimiter: UInt8 = UInt8(ascii: ","), encoding: TextEncoding = .utf8, dialect: CSVDialect = CSVDialect()) {
            self.delimiter = delimiter; self.encoding = encoding; self.dialect = dialect
        }
    }

    /// A record that could not be read: a quoted field opened in it is never closed.
    public struct UnreadableRecord: Sendable, Equatable {
        /// Physical line where the record starts (1-based).
        public var line: Int
        /// 1-based number of the field whose opening quote is never closed.
        public var column: Int
        /// The first bytes of the record as text, for the reject's value.
        public var start: String
        public var reason: String
    }

    /// Reading restarts after an unclosed quote at most this often per file; the rest of the
    /// file after the last restart is one unreadable record.
    static let maximumRestarts = 100

    private let record = RecordBuffer()
    private var handler: (CSVRecord) -> Bool = { _ in true }
    private var line = 1
    private var recordLine = 1
    private var lastTerminatorWasCR = false
    private var stopped = false
    /// Bytes of the last file that could not be decoded and were replaced by U+FFFD.
    public private(set) var replacedBytes = 0
    /// True when the piece read last ends inside a record (a quoted field is open at its end), so
    /// that it did not end at a record boundary: the record was not delivered nor reported.
    public private(set) var endedInsideRecord = false

    public init() {}

    /// Reads `path`, calling `onRecord` for every non-blank record until it returns false, and
    /// `onUnreadable` for every record left open by a quote that is never closed, in file order;
    /// reading goes on after it on the next line unless `onUnreadable` returns false.
    public func read(path: String, options: Options, onUnreadable: (UnreadableRecord) -> Bool = { _ in true },
                     onRecord: @escaping (CSVRecord) -> Bool) throws {
        let file = try MappedFile(path: path)
        handler = onRecord
        defer { handler = { _ in true } }
        stopped = false
        endedInsideRecord = false
        var unreadable: [UnreadableRecord] = []
        var resumeLine = options.firstLine
        var replaced = 0
        while true {
            let open = try parse(file, path: path, options: options, resumeLine: resumeLine)
            replaced = max(replaced, decoderReplacedBytes)
            guard var open else { break }
            unreadable.append(open)
            if unreadable.count > CSVReader.maximumRestarts {
                open.reason += "; after \(CSVReader.maximumRestarts) such records the rest of the file is not read"
                _ = onUnreadable(open)
                break
            }
            if !onUnreadable(open) || stopped { break }
            resumeLine = open.line + 1
        }
        replacedBytes = replaced
    }

    private var decoderReplacedBytes = 0

    /// One pass over the file (or its piece) from physical line `resumeLine`; returns the record
    /// left open by a quote that is never closed, if any.
    private func parse(_ file: MappedFile, path: String, options: Options, resumeLine: Int) throws -> UnreadableRecord? {
        let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
        defer { csv_free(parser); parser.deallocate() }
        guard csv_init(parser, UInt8(CSV_REPALL_NL)) == 0 else {
            throw Diagnostic(.error, code: "cannot-open", file: path, message: "libcsv could not initialise")
        }
        csv_set_delim(parser, options.delimiter)
        csv_set_space_func(parser) { _ in 0 }

        line = resumeLine; recordLine = line; lastTerminatorWasCR = false
        record.reset()

        let context = Unmanaged.passUnretained(self).toOpaque()
        let decoder = try options.encoding.makeDecoder()
        var skipper = LineSkipper(remaining: resumeLine - options.firstLine)
        var dialect = options.dialect.isStandard ? nil : DialectFilter(dialect: options.dialect, delimiter: options.delimiter)
        let all = file.bytes
        let range = options.range?.clamped(to: 0..<all.count) ?? 0..<all.count
        var offset = range.lowerBound == 0 ? options.encoding.byteOrderMarkLength(all) : range.lowerBound
        func libcsv(_ rfc: UnsafeRawBufferPointer) throws {
            guard rfc.count > 0 else { return }
            if csv_parse(parser, rfc.baseAddress, rfc.count, fieldCallback, recordCallback, context) != rfc.count {
                throw Diagnostic(.error, code: "malformed", file: path, line: line, message: String(cString: csv_strerror(csv_error(parser))))
            }
        }
        // Plain lines (`PlainLine`) are split here while libcsv is between records (ROW_NOT_BEGUN
        // = 0 in libcsv.c); libcsv reads the others a line at a time, and a record over several
        // lines to its end.
        let splitsPlainLines = options.splitsPlainLines && ![0, 10, 13, 34].contains(options.delimiter)
        var spans: [Int] = [], doubledQuotes: UInt64 = 0
        func parse(_ rfc: UnsafeRawBufferPointer) throws {
            guard splitsPlainLines, let base = rfc.baseAddress else { try libcsv(rfc); return }
            var i = 0
            while i < rfc.count && !stopped {
                while parser.pointee.pstate == 0, i < rfc.count, !stopped,
                      let next = PlainLine.read(base, from: i, count: rfc.count, delimiter: options.delimiter, spans: &spans,
                                                doubledQuotes: &doubledQuotes) {
                    endPlainRecord(base, &spans, doubledQuotes: doubledQuotes)
                    i = next
                }
                guard i < rfc.count, !stopped else { return }
                let lineEnd = memchr(base + i, 10, rfc.count - i).map { base.distance(to: UnsafeRawPointer($0)) + 1 } ?? rfc.count
                try libcsv(UnsafeRawBufferPointer(rebasing: rfc[i..<lineEnd]))
                i = lineEnd
            }
        }
        func feed(_ utf8: UnsafeRawBufferPointer) throws {
            let rest = skipper.skip(utf8)
            guard rest.count > 0 else { return }
            if dialect != nil { try dialect!.filter(rest, parse) } else { try parse(rest) }
        }
        while !stopped && offset < range.upperBound {
            let end = min(offset + options.chunkSize, range.upperBound)
            let bytes = UnsafeRawBufferPointer(rebasing: all[offset..<end])
            file.release(upTo: offset)
            offset = end
            let linesBefore = line
            try decoder.decode(bytes, feed)
            options.onChunk?(bytes.count, line - linesBefore)
        }
        try decoder.finish(feed)
        if dialect != nil { try dialect!.finish(parse) }
        decoderReplacedBytes = decoder.replacedBytes
        if range.upperBound < all.count && parser.pointee.pstate != 0 {
            // A piece that ends inside a record (ROW_NOT_BEGUN = 0 in libcsv.c).
            endedInsideRecord = !stopped
            return nil
        }
        // libcsv's own check needs CSV_STRICT, which would also stop on a stray quote mid-file;
        // an open quoted field at the end is detected from the parser state instead
        // (FIELD_BEGUN = 2 in libcsv.c).
        if !stopped && parser.pointee.pstate == 2 && parser.pointee.quoted != 0 {
            let startLine = record.count == 0 ? line : recordLine
            let column = record.count + 1
            let start = record.withRecord(line: startLine, endLine: line) { r in
                (0..<r.count).map { r.string($0) }.joined(separator: String(UnicodeScalar(options.delimiter)))
            }
            return UnreadableRecord(line: startLine, column: column, start: String(start.prefix(80)),
                                    reason: "unterminated quoted field: the quote opened in field \(column) of line \(startLine) is never closed")
        }
        csv_fini(parser, fieldCallback, recordCallback, context)
        return nil
    }

    /// A record of a plain line: its fields (`spans` from `base`), as libcsv would have given them,
    /// read where they are in the file; copied into the record buffer only when a field holds
    /// doubled quotes (bit k of `doubledQuotes` for field k), each then read as one.
    private func endPlainRecord(_ base: UnsafeRawPointer, _ spans: inout [Int], doubledQuotes: UInt64) {
        guard !spans.isEmpty else { endRecord(10); return }   // a blank line
        if doubledQuotes != 0 {
            recordLine = line
            var k = 0
            while k < spans.count {
                if doubledQuotes & (1 << UInt64(k / 2)) != 0 { record.appendUndoublingQuotes(base + spans[k], spans[k + 1]) }
                else { record.append(base + spans[k], spans[k + 1]) }
                k += 2
            }
            endRecord(10)
            return
        }
        let origin = spans[0]
        var k = 0
        while k < spans.count { spans[k] -= origin; k += 2 }
        recordLine = line
        if !stopped {
            let keepGoing = spans.withUnsafeBufferPointer { spans in
                handler(CSVRecord(base: base + origin, spans: spans.baseAddress!, count: spans.count / 2, line: line, endLine: line))
            }
            if !keepGoing { stopped = true }
        }
        line += 1
        lastTerminatorWasCR = false
    }

    fileprivate func addField(_ data: UnsafeRawPointer?, _ length: Int) {
        if record.count == 0 { recordLine = line }
        record.append(data, length)
        guard let data, length > 0,
              memchr(data, 10, length) != nil || memchr(data, 13, length) != nil else { return }
        // Newlines inside a quoted field advance the line count (CR LF counts once).
        let bytes = data.assumingMemoryBound(to: UInt8.self)
        var i = 0
        while i < length {
            let b = bytes[i]
            if b == 10 { line += 1 } else if b == 13, i + 1 >= length || bytes[i + 1] != 10 { line += 1 }
            i += 1
        }
    }

    fileprivate func endRecord(_ terminator: Int32) {
        if record.count > 0 {
            if !stopped {
                let keepGoing = record.withRecord(line: recordLine, endLine: line) { handler($0) }
                if !keepGoing { stopped = true }
            }
            record.reset()
            line += 1
            lastTerminatorWasCR = terminator == 13
        } else {
            // An empty row: a blank line, or the LF of a CR LF pair already counted.
            if !(terminator == 10 && lastTerminatorWasCR) { line += 1 }
            lastTerminatorWasCR = terminator == 13
        }
    }
}

// The reader outlives every callback (it is alive in `read`), so no retain is needed per field.
private func fieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    Unmanaged<CSVReader>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.addField(data, length) }
}

private func recordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    Unmanaged<CSVReader>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.endRecord(terminator) }
}

/// The bytes of the record being assembled: libcsv's field pointers are only valid during its
/// callback, so fields are copied into one growing buffer.
private final class RecordBuffer {
    private var bytes = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 16)
    private var byteCapacity = 4096
    private var used = 0
    private var spans = UnsafeMutablePointer<Int>.allocate(capacity: 128)
    private var spanCapacity = 64
    private(set) var count = 0

    deinit { bytes.deallocate(); spans.deallocate() }

    func reset() { used = 0; count = 0 }

    func append(_ data: UnsafeRawPointer?, _ length: Int) {
        if used + length > byteCapacity {
            let newCapacity = max(byteCapacity * 2, used + length)
            let grown = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
            grown.copyMemory(from: bytes, byteCount: used)
            bytes.deallocate()
            bytes = grown; byteCapacity = newCapacity
        }
        if count == spanCapacity {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: spanCapacity * 4)
            grown.update(from: spans, count: spanCapacity * 2)
            spans.deallocate()
            spans = grown; spanCapacity *= 2
        }
        if let data, length > 0 { (bytes + used).copyMemory(from: data, byteCount: length) }
        spans[2 * count] = used
        spans[2 * count + 1] = length
        used += length
        count += 1
    }

    /// `append`, each pair of quotes in `data` kept as one quote.
    func appendUndoublingQuotes(_ data: UnsafeRawPointer, _ length: Int) {
        let start = used
        append(data, length)
        var from = start, to = start
        let end = start + length
        while from < end {
            let b = bytes.load(fromByteOffset: from, as: UInt8.self)
            bytes.storeBytes(of: b, toByteOffset: to, as: UInt8.self)
            from += b == 34 ? 2 : 1
            to += 1
        }
        spans[2 * (count - 1) + 1] = to - start
        used = to
    }

    func withRecord<R>(line: Int, endLine: Int, _ body: (CSVRecord) -> R) -> R {
        body(CSVRecord(base: UnsafeRawPointer(bytes), spans: UnsafePointer(spans), count: count, line: line, endLine: endLine))
    }
}

/// Drops the first `remaining` physical lines of a decoded stream (CR LF, CR and LF each end one
/// line), counting the same way as the reader, so a restart begins exactly on the next line.
private struct LineSkipper {
    var remaining: Int
    private var afterCR = false
    init(remaining: Int) { self.remaining = remaining }

    mutating func skip(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard remaining > 0 || afterCR else { return bytes }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if afterCR {
                afterCR = false
                if b == 10 { i += 1; continue }
            }
            if remaining == 0 { break }
            if b == 10 { remaining -= 1 } else if b == 13 { remaining -= 1; afterCR = true }
            i += 1
        }
        return UnsafeRawBufferPointer(rebasing: bytes[i...])
    }
}
