import Crypto
import Glibc

/// What a first pass over an input file learns: its SHA-256, whether it is valid UTF-8,
/// and its first line (to detect the delimiter).
public struct FileScan: Sendable {
    public var sha256: String
    public var byteCount: Int
    public var isValidUTF8: Bool
    /// The header line's bytes (BOM stripped, without the line end), at most 64 KiB.
    public var firstLine: [UInt8]

    public static func scan(path: String) throws -> FileScan {
        let file = try MappedFile(path: path)
        let bytes = file.bytes
        var hasher = SHA256()
        var validator = UTF8Validator()
        if bytes.count > 0 {
            hasher.update(bufferPointer: bytes)
            validator.feed(bytes)
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        var firstLine: [UInt8] = []
        for b in bytes[start...].prefix(65536) {
            if b == 10 || b == 13 { break }
            firstLine.append(b)
        }
        let hex = Array("0123456789abcdef".utf8)
        let digest = hasher.finalize().map { byte in
            String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
        }.joined()
        return FileScan(sha256: digest, byteCount: bytes.count, isValidUTF8: validator.isValid, firstLine: firstLine)
    }

    /// The delimiter among `,` `;` and tab that occurs most often in the header line.
    public var detectedDelimiter: UInt8 {
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
    /// True while every byte so far is valid and no sequence is left incomplete.
    var isValid: Bool { valid && needed == 0 }
    private var needed = 0          // continuation bytes still expected
    private var lower: UInt8 = 0x80 // bounds of the next continuation byte
    private var upper: UInt8 = 0xBF

    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard valid else { return }
        var i = 0
        let n = bytes.count
        let base = bytes.baseAddress!
        while i < n {
            if needed == 0 {
                // Fast path: skip 8 ASCII bytes at a time.
                while i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                if i >= n { break }
                let b = bytes[i]
                switch b {
                case 0x00...0x7F: break
                case 0xC2...0xDF: needed = 1; lower = 0x80; upper = 0xBF
                case 0xE0: needed = 2; lower = 0xA0; upper = 0xBF
                case 0xE1...0xEC, 0xEE...0xEF: needed = 2; lower = 0x80; upper = 0xBF
                case 0xED: needed = 2; lower = 0x80; upper = 0x9F
                case 0xF0: needed = 3; lower = 0x90; upper = 0xBF
                case 0xF1...0xF3: needed = 3; lower = 0x80; upper = 0xBF
                case 0xF4: needed = 3; lower = 0x80; upper = 0x8F
                default: valid = false; return
                }
            } else {
                let b = bytes[i]
                guard b >= lower, b <= upper else { valid = false; return }
                lower = 0x80; upper = 0xBF
                needed -= 1
            }
            i += 1
        }
    }
}
