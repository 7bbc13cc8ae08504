import Crypto
import Glibc

/// What a first pass over an input file learns: its SHA-256, whether it is valid UTF-8 (and
/// where it stops being so), its byte-order mark, signs of binary data, the evidence for telling
/// GB18030 from Windows-1252, and its first line (to detect the delimiter).
public struct FileScan: Sendable {
    /// Empty when the scan was made without the digest (`digest(path:)` makes it on its own).
    public var sha256: String
    public var byteCount: Int
    public var isValidUTF8: Bool
    /// Offset of the first byte that is not part of valid UTF-8 (nil when the file is valid).
    public var firstNonUTF8Offset: Int?
    /// The encoding a byte-order mark at the start names (UTF-8, UTF-16 LE or BE), if any.
    public var byteOrderMark: TextEncoding?
    /// The header line's bytes (BOM stripped, without the line end), at most 64 KiB.
    public var firstLine: [UInt8]
    /// Signs that the file is not text at all (an image or workbook renamed `.csv`).
    public var binary: BinaryEvidence
    /// How the non-UTF-8 bytes read as GB18030 and as Windows-1252 (zero for UTF-8 files).
    public var evidence: EncodingEvidence
    /// The first 64 KiB, for locating a byte by line and column in messages.
    public var prefix: [UInt8]

    /// Scans `path`; without `digest`, its SHA-256 is left out (for a file large enough that the
    /// digest is worth making beside the reading: it is the one part that cannot be split).
    public static func scan(path: String, digest: Bool = true) throws -> FileScan {
        let file = try MappedFile(path: path)
        let bytes = file.bytes
        var hasher = digest ? SHA256() : nil
        var validator = UTF8Validator()
        let mark = [TextEncoding.utf8, .utf16LE, .utf16BE].first { $0.byteOrderMarkLength(bytes) > 0 }
        let start = mark?.byteOrderMarkLength(bytes) ?? 0
        var firstLine: [UInt8] = []
        for b in bytes[start...].prefix(65536) {
            if b == 10 || b == 13 { break }
            firstLine.append(b)
        }
        let chunk = 1 << 20
        var offset = 0
        while offset < bytes.count {
            let part = UnsafeRawBufferPointer(rebasing: bytes[offset..<min(offset + chunk, bytes.count)])
            hasher?.update(bufferPointer: part)
            validator.feed(part)
            offset += part.count
            file.release(upTo: offset)
        }
        let prefix = Array(bytes.prefix(65536))
        let evidence = validator.isValid || mark != nil ? EncodingEvidence() : EncodingEvidence(bytes)
        return FileScan(sha256: hasher.map(hex) ?? "", byteCount: bytes.count, isValidUTF8: validator.isValid,
                        firstNonUTF8Offset: validator.isValid ? nil : validator.failureOffset ?? bytes.count,
                        byteOrderMark: mark, firstLine: firstLine,
                        binary: BinaryEvidence(prefix: prefix, utf16: mark == .utf16LE || mark == .utf16BE),
                        evidence: evidence, prefix: prefix)
    }

    /// The SHA-256 of the file at `path`, in hex.
    public static func digest(path: String) throws -> String {
        let file = try MappedFile(path: path)
        var hasher = SHA256()
        let chunk = 1 << 20
        var offset = 0
        while offset < file.bytes.count {
            let part = UnsafeRawBufferPointer(rebasing: file.bytes[offset..<min(offset + chunk, file.bytes.count)])
            hasher.update(bufferPointer: part)
            offset += part.count
            file.release(upTo: offset)
        }
        return hex(hasher)
    }

    private static func hex(_ hasher: SHA256) -> String {
        let hex = Array("0123456789abcdef".utf8)
        return hasher.finalize().map { byte in
            String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
        }.joined()
    }

    /// Line and column (1-based, the column counted in bytes) of byte `offset`, when it lies in
    /// the first 64 KiB; else nil.
    public func lineAndColumn(ofOffset offset: Int) -> (line: Int, column: Int)? {
        guard offset < prefix.count else { return nil }
        var line = 1, lineStart = 0
        for i in 0..<offset where prefix[i] == 10 || (prefix[i] == 13 && (i + 1 >= prefix.count || prefix[i + 1] != 10)) {
            line += 1; lineStart = i + 1
        }
        return (line, offset - lineStart + 1)
    }

    /// The delimiter among `,` `;` and tab that occurs most often in the header line.
    public var detectedDelimiter: UInt8 { FileScan.delimiter(of: firstLine) }

    /// The delimiter among `,` `;` and tab that occurs most often (outside quotes) in `firstLine`.
    public static func delimiter(of firstLine: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 9: 0]
        var quoted = false
        for b in firstLine {
            if b == UInt8(ascii: "\"") { quoted.toggle() } else if !quoted, counts[b] != nil { counts[b]! += 1 }
        }
        return [UInt8(ascii: ","), UInt8(ascii: ";"), 9].max { counts[$0]! < counts[$1]! }!
    }
}

/// A streaming strict UTF-8 validator (rejects overlongs, surrogates and values past U+10FFFF).
struct UTF8Validator {
    private var valid = true
    /// Offset of the byte where validation failed (approximately: the start of the bad sequence).
    private(set) var failureOffset: Int?
    private var consumed = 0
    /// True while every byte so far is valid and no sequence is left incomplete.
    var isValid: Bool { valid && needed == 0 }
    private var needed = 0          // continuation bytes still expected
    private var lower: UInt8 = 0x80 // bounds of the next continuation byte
    private var upper: UInt8 = 0xBF

    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard valid, bytes.baseAddress != nil else { return }
        var i = 0
        scan(bytes, &i)
        if !valid { failureOffset = consumed + i }
        consumed += bytes.count
    }

    private mutating func scan(_ bytes: UnsafeRawBufferPointer, _ i: inout Int) {
        let base = bytes.baseAddress!
        let n = bytes.count
        // A sequence left open by the previous buffer.
        while needed > 0 && i < n {
            guard bytes[i] >= lower, bytes[i] <= upper else { valid = false; return }
            lower = 0x80; upper = 0xBF
            needed -= 1
            i += 1
        }
        let high: UInt64 = 0x8080_8080_8080_8080
        while i < n {
            // ASCII runs: 32, then 8 bytes at a time.
            while i + 32 <= n, (base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                                | base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                                | base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                                | base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)) & high == 0 {
                i += 32
            }
            while i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & high == 0 { i += 8 }
            if i >= n { break }
            let b = base.load(fromByteOffset: i, as: UInt8.self)
            if b < 0x80 { i += 1; continue }
            // The common case of CJK text: a three-byte sequence led by E1…EC with two plain
            // continuation bytes, checked with one two-byte load.
            if b >= 0xE1, b <= 0xEC, i + 3 <= n,
               base.loadUnaligned(fromByteOffset: i + 1, as: UInt16.self) & 0xC0C0 == 0x8080 {
                i += 3
                continue
            }
            // Length of the sequence and the bounds of its second byte (RFC 3629).
            let length: Int, low: UInt8, top: UInt8
            switch b {
            case 0xC2...0xDF: (length, low, top) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, top) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, low, top) = (3, 0x80, 0xBF)
            case 0xED: (length, low, top) = (3, 0x80, 0x9F)
            case 0xF0: (length, low, top) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, top) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, top) = (4, 0x80, 0x8F)
            default: valid = false; return
            }
            if i + length > n {
                // The sequence continues in the next buffer.
                needed = length - 1; lower = low; upper = top
                i += 1
                while needed > 0 && i < n {
                    guard bytes[i] >= lower, bytes[i] <= upper else { valid = false; return }
                    lower = 0x80; upper = 0xBF
                    needed -= 1
                    i += 1
                }
                return
            }
            let second = base.load(fromByteOffset: i + 1, as: UInt8.self)
            guard second >= low, second <= top else { valid = false; return }
            for k in 2..<length where base.load(fromByteOffset: i + k, as: UInt8.self) & 0xC0 != 0x80 {
                valid = false; return
            }
            i += length
        }
    }
}
