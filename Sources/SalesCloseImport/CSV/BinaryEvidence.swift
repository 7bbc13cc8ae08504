/// Signs that a file named `.csv` is not text: the signature of a known binary format at its
/// start, or control bytes (other than tab, LF, CR) in more than 1 % of its first 64 KiB.
/// A stray NUL in one field of a text file is not binary: that row is rejected on its own.
public struct BinaryEvidence: Sendable, Equatable {
    /// What the signature says the file is ("a PNG image"), if it has one.
    public var format: String?
    /// Control bytes in the first 64 KiB, and the offset of the first one.
    public var controlBytes = 0
    public var firstControlOffset: Int?
    public var sampleSize = 0

    static let signatures: [([UInt8], String)] = [
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (an .xlsx workbook is one: save it as CSV)"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Excel .xls workbook (save it as CSV)"),
        ([0x25, 0x50, 0x44, 0x46], "a PDF document"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable"),
    ]

    init(prefix: [UInt8], utf16: Bool) {
        sampleSize = prefix.count
        format = BinaryEvidence.signatures.first { prefix.starts(with: $0.0) }?.1
        guard !utf16 else { return }
        for (i, b) in prefix.enumerated() where b < 0x20 && b != 9 && b != 10 && b != 13 {
            controlBytes += 1
            if firstControlOffset == nil { firstControlOffset = i }
        }
    }

    /// Why the file is not text, or nil when it may be.
    public var reason: String? {
        if let format { return "the file is \(format), not CSV text" }
        if controlBytes >= 8 && controlBytes * 100 > sampleSize {
            return "the file is binary, not CSV text (\(controlBytes) control bytes in its first \(sampleSize) bytes; if it is UTF-16 without a byte-order mark, set encoding = \"utf-16le\" or \"utf-16be\")"
        }
        return nil
    }

    /// Offset of the byte the finding points at.
    public var offset: Int { format != nil ? 0 : firstControlOffset ?? 0 }
}
