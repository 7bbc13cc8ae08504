/// How the bytes of a file that is not UTF-8 read as GB18030 and as Windows-1252, and the
/// choice between the two made from that.
///
/// Chinese text in GB18030 is almost entirely pairs from the GB2312 area (both bytes A1–FE).
/// Western text in Windows-1252 has single accented bytes next to ASCII (`ü` + `l`, `é` + space):
/// read as GB18030 they are pairs outside that area (rare ideographs such as 黮 or 鰄) or no
/// valid sequence at all. So the share of GB2312-area pairs among all non-ASCII sequences
/// decides; when neither reading clearly wins, the file is not guessed at.
public struct EncodingEvidence: Sendable, Equatable {
    /// Two-byte GB18030 sequences in the GB2312 area (common hanzi and full-width punctuation).
    public var commonPairs = 0
    /// Valid GB18030 sequences outside it: GBK extension pairs and four-byte sequences.
    public var rarePairs = 0
    /// Bytes that start no valid GB18030 sequence.
    public var invalidSequences = 0
    /// Bytes that Windows-1252 leaves undefined (81 8D 8F 90 9D).
    public var undefinedIn1252 = 0

    public init() {}

    /// Evidence over all of `bytes`.
    public init(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            if b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D { undefinedIn1252 += 1 }
            guard b != 0x80, b != 0xFF, i + 1 < n else { invalidSequences += 1; i += 1; continue }
            let t = bytes[i + 1]
            if (0x40...0x7E).contains(t) || (0x80...0xFE).contains(t) {
                if (0xA1...0xF7).contains(b) && (0xA1...0xFE).contains(t) { commonPairs += 1 } else { rarePairs += 1 }
                if t == 0x81 || t == 0x8D || t == 0x8F || t == 0x90 || t == 0x9D { undefinedIn1252 += 1 }
                i += 2
            } else if (0x30...0x39).contains(t), i + 3 < n, (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) {
                rarePairs += 1
                i += 4
            } else {
                invalidSequences += 1
                i += 1
            }
        }
    }

    init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { EncodingEvidence($0) }
    }

    /// GB18030 or Windows-1252 when one reading clearly wins (at least 4 to 1), else nil.
    public var choice: TextEncoding? {
        let western = rarePairs + invalidSequences
        if commonPairs > 0 && commonPairs >= 4 * western { return .gb18030 }
        if western > 0 && western >= 4 * commonPairs && undefinedIn1252 == 0 { return .windows1252 }
        return nil
    }
}
