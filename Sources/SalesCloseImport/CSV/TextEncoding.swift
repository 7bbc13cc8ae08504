import Glibc

/// The character encoding of an input file. Everything is decoded to UTF-8 before parsing.
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "utf-8"
    /// GB18030, a superset of GBK and GB2312 (Excel's "CSV" on Chinese Windows).
    case gb18030 = "gb18030"

    /// Accepts the spellings users write in configuration.
    public init?(configValue: String) {
        switch configValue.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
        }
    }

    func makeDecoder() throws -> ChunkDecoder {
        switch self {
        case .utf8: return ChunkDecoder(converter: nil)
        case .gb18030: return ChunkDecoder(converter: try IconvConverter(from: "GB18030"))
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

    init(from encoding: String) throws {
        let h = iconv_open("UTF-8", encoding)
        guard let h, Int(bitPattern: h) != -1 else {
            throw CSVReader.ReadError.cannotOpen(path: encoding, reason: "iconv cannot convert from \(encoding)")
        }
        handle = h
        output = .allocate(capacity: 1)
    }

    deinit { iconv_close(handle); output.deallocate() }

    func convert(_ input: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var bytes = pending
        pending.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: input)
        let needed = bytes.count * 2 + 16
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
                if errno == EINVAL {            // incomplete sequence at the end: keep for next chunk
                    pending.append(contentsOf: UnsafeRawBufferPointer(start: inPtr, count: inLeft))
                    break
                }
                // EILSEQ: replace one byte with U+FFFD and go on.
                invalidBytes += 1
                for b: UInt8 in [0xEF, 0xBF, 0xBD] { outPtr!.pointee = CChar(bitPattern: b); outPtr! += 1 }
                outLeft -= 3
                inPtr! += 1; inLeft -= 1
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
