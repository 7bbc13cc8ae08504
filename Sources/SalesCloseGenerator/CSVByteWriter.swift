import Glibc
import SalesCloseCore

/// Writes CSV rows into a large reusable byte buffer and flushes it to a file every few MB.
/// Fields are appended as raw bytes; text fields are quoted per RFC 4180 when needed.
final class CSVByteWriter {
    enum Encoding { case utf8, utf8WithBOM, gb18030 }

    enum LineEnding { case lf, crlf }

    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    static let flushThreshold = 8 << 20

    /// The bytes of the current, not yet flushed, part of the file.
    var buffer: [UInt8] = []
    private(set) var bytesWritten = 0
    private(set) var rowsWritten = 0
    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    private let encoding: Encoding
    private let lineEnding: LineEnding

    init(path: String, encoding: Encoding = .utf8, lineEnding: LineEnding = .lf) throws {
        guard let file = fopen(path, "wb") else {
            throw WriteError(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        self.file = file
        self.path = path
        self.encoding = encoding
        self.lineEnding = lineEnding
        buffer.reserveCapacity(Self.flushThreshold + (64 << 10))
        if encoding == .utf8WithBOM { buffer += [0xEF, 0xBB, 0xBF] }
    }

    deinit { fclose(file) }

    /// Writes a header row (not counted in `rowsWritten`).
    func header(_ names: [String]) {
        for (i, name) in names.enumerated() {
            if i > 0 { comma() }
            text(name)
        }
        appendLineEnding()
    }

    @inline(__always) func comma() { buffer.append(UInt8(ascii: ",")) }

    @inline(__always) func raw(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    /// A text field, quoted when it contains a comma, a double quote, CR or LF.
    func text(_ value: String) { buffer.append(contentsOf: Self.field(value)) }

    @inline(__always) func int(_ value: Int) { buffer.appendDecimal(value) }

    /// Money or any fixed-point value given in hundredths, written with two decimals.
    @inline(__always) func hundredths(_ value: Int) { buffer.appendFixed(Int64(value), scale: 2) }

    /// Ends a row; flushes when the buffer holds more than `flushThreshold` bytes.
    func endRow() {
        appendLineEnding()
        rowsWritten += 1
        if buffer.count >= Self.flushThreshold && encoding != .gb18030 { flush() }
    }

    /// Flushes everything and closes the file; returns the file's size in bytes.
    func finish() throws -> Int {
        if encoding == .gb18030 { buffer = try GB18030.encode(utf8: buffer) }
        flush()
        guard fflush(file) == 0, ferror(file) == 0 else {
            throw WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        return bytesWritten
    }

    private func appendLineEnding() {
        if lineEnding == .crlf { buffer.append(13) }
        buffer.append(10)
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        bytesWritten += buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The bytes of one CSV field, quoted (with inner quotes doubled) when RFC 4180 requires it.
    static func field(_ value: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendCSVField(value)
        return bytes
    }
}
