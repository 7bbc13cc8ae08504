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
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        var firstLine: [UInt8] = []
        for b in bytes[start...].prefix(65536) {
            if b == 10 || b == 13 { break }
            firstLine.append(b)
        }
        let chunk = 8 << 20
        var offset = 0
        while offset < bytes.count {
            let part = UnsafeRawBufferPointer(rebasing: bytes[offset..<min(offset + chunk, bytes.count)])
            hasher.update(bufferPointer: part)
            validator.feed(part)
            offset += part.count
            file.release(upTo: offset)
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
        guard valid, let base = bytes.baseAddress else { return }
        let n = bytes.count
        var i = 0
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
