import Glibc
import SalesCloseConfiguration
import SalesCloseCore

/// The character encoding of an input file. Everything is decoded to UTF-8 before parsing.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "utf-8"
    /// UTF-16 little-endian (Excel's "Unicode text"); recognised by its byte-order mark FF FE.
    case utf16LE = "utf-16le"
    /// UTF-16 big-endian; recognised by its byte-order mark FE FF.
    case utf16BE = "utf-16be"
    /// GB18030, a superset of GBK and GB2312 (Excel's "CSV" on Chinese Windows).
    case gb18030 = "gb18030"
    /// Windows-1252, the superset of Latin-1 (ISO 8859-1) that Western Windows writes.
    case windows1252 = "windows-1252"

    /// The encoding a table's `encoding` setting names.
    public init(_ setting: InputEncoding) {
        switch setting {
        case .utf8: self = .utf8
        case .utf16LE: self = .utf16LE
        case .utf16BE: self = .utf16BE
        case .gb18030: self = .gb18030
        case .windows1252: self = .windows1252
        }
    }

    /// Length of this encoding's byte-order mark at the start of `bytes` (0 when there is none).
    func byteOrderMarkLength(_ bytes: UnsafeRawBufferPointer) -> Int {
        func starts(_ mark: [UInt8]) -> Bool { bytes.count >= mark.count && zip(bytes, mark).allSatisfy { $0 == $1 } }
        switch self {
        case .utf8: return starts([0xEF, 0xBB, 0xBF]) ? 3 : 0
        case .utf16LE: return starts([0xFF, 0xFE]) ? 2 : 0
        case .utf16BE: return starts([0xFE, 0xFF]) ? 2 : 0
        case .gb18030, .windows1252: return 0
        }
    }

    func makeDecoder() throws -> ChunkDecoder {
        switch self {
        case .utf8: return ChunkDecoder(converter: nil)
        case .utf16LE: return ChunkDecoder(converter: try IconvConverter(from: "UTF-16LE", unit: 2))
        case .utf16BE: return ChunkDecoder(converter: try IconvConverter(from: "UTF-16BE", unit: 2))
        case .gb18030: return ChunkDecoder(converter: try IconvConverter(from: "GB18030"))
        case .windows1252: return ChunkDecoder(converter: try IconvConverter(from: "CP1252"))
        }
    }
}

/// Decodes a stream of chunks to UTF-8, carrying incomplete multi-byte sequences across chunks.
struct ChunkDecoder {
    let converter: IconvConverter?

    func decode(_ input: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let converter else { return try body(input) }
        try converter.convert(input, body)
    }

    func finish(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try converter?.finish(body)
    }

    /// Bytes replaced by U+FFFD so far (always 0 for UTF-8, which is validated beforehand).
    var replacedBytes: Int { converter?.invalidBytes ?? 0 }
}

/// A Glibc iconv conversion to UTF-8. Invalid bytes become U+FFFD and are counted.
final class IconvConverter {
    private let handle: iconv_t
    private var pending: [UInt8] = []
    private var output: UnsafeMutablePointer<CChar>
    private var outputCapacity = 0
    private(set) var invalidBytes = 0
    /// Bytes per code unit (2 for UTF-16): an invalid unit is skipped whole, keeping alignment.
    private let unit: Int

    init(from encoding: String, unit: Int = 1) throws {
        self.unit = unit
        let h = iconv_open("UTF-8", encoding)
        guard let h, Int(bitPattern: h) != -1 else {
            throw Diagnostic(.error, code: "cannot-open", file: encoding, message: "iconv cannot convert from \(encoding)")
        }
        handle = h
        output = .allocate(capacity: 1)
    }

    deinit { iconv_close(handle); output.deallocate() }

    func convert(_ input: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var bytes = pending
        pending.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: input)
        // At most 4 UTF-8 bytes per input byte (a U+FFFD for one invalid byte takes 3).
        let needed = bytes.count * 4 + 16
        if needed > outputCapacity {
            output.deallocate()
            output = .allocate(capacity: needed)
            outputCapacity = needed
        }
        var produced = 0
        bytes.withUnsafeMutableBufferPointer { buffer in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(buffer.baseAddress!)
                .assumingMemoryBound(to: CChar.self)
            var inLeft = buffer.count
            var outPtr: UnsafeMutablePointer<CChar>? = output
            var outLeft = outputCapacity
            while inLeft > 0 {
                if iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft) != -1 { break }
                // EINVAL: an incomplete sequence at the end, kept for the next chunk. (E2BIG cannot
                // happen with the capacity above; were it to, the rest is converted next time.)
                if errno == EINVAL || errno == E2BIG {
                    pending.append(contentsOf: UnsafeRawBufferPointer(start: inPtr, count: inLeft))
                    break
                }
                // EILSEQ: replace one code unit with U+FFFD and go on.
                let skipped = min(unit, inLeft)
                invalidBytes += skipped
                for b: UInt8 in [0xEF, 0xBF, 0xBD] { outPtr!.pointee = CChar(bitPattern: b); outPtr! += 1 }
                outLeft -= 3
                inPtr! += skipped; inLeft -= skipped
            }
            produced = outputCapacity - outLeft
        }
        try body(UnsafeRawBufferPointer(start: output, count: produced))
    }

    func finish(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard !pending.isEmpty else { return }
        invalidBytes += pending.count
        pending.removeAll()
        try [UInt8]([0xEF, 0xBF, 0xBD]).withUnsafeBytes { try body($0) }
    }
}
