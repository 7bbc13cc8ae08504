/// Whether a file can be read as CSV text, and how: the encoding (configured, named by a
/// byte-order mark, or detected) and the delimiter; or why it cannot, with where.
struct TextAdmission {
    enum Outcome: Equatable {
        case read(encoding: TextEncoding, source: EncodingSource, delimiter: UInt8)
        /// Not text, or text whose encoding cannot be told; `line`/`column` locate the first
        /// offending byte (the column counted in bytes).
        case unreadable(line: Int, column: Int, reason: String, code: String)
    }

    /// Decides for `scan`; `table` names the table in the suggestion to set `encoding`.
    static func decide(_ scan: FileScan, encoding configured: TextEncoding?, delimiter: UInt8?, table: String?) -> Outcome {
        let utf16 = [TextEncoding.utf16LE, .utf16BE].contains(configured ?? scan.byteOrderMark ?? .utf8)
        if let reason = scan.binary.reason, !utf16 {
            let place = scan.lineAndColumn(ofOffset: scan.binary.offset) ?? (1, 1)
            return .unreadable(line: place.line, column: place.column, reason: reason, code: "binary-file")
        }
        let encoding: TextEncoding, source: EncodingSource
        if let configured {
            (encoding, source) = (configured, .configured)
        } else if let mark = scan.byteOrderMark {
            (encoding, source) = (mark, .byteOrderMark)
        } else if scan.isValidUTF8 {
            (encoding, source) = (.utf8, .detected)
        } else if let choice = scan.evidence.choice {
            (encoding, source) = (choice, .detected)
        } else {
            let offset = scan.firstNonUTF8Offset ?? 0
            let place = scan.lineAndColumn(ofOffset: offset) ?? (1, 1)
            let e = scan.evidence
            let section = table.map { "[tables.\($0)]" } ?? "[tables.<table>] (with files = [\"<this file's name>\"])"
            return .unreadable(line: place.line, column: place.column, reason:
                "cannot tell the encoding: the file is not UTF-8 (first non-UTF-8 byte at offset \(offset)) and reads neither clearly as GB18030 (\(e.commonPairs) common hanzi, \(e.rarePairs + e.invalidSequences) rare or invalid sequences) nor as Windows-1252 (\(e.undefinedIn1252) undefined bytes); set encoding = \"gb18030\" or \"windows-1252\" under \(section)", code: "unknown-encoding")
        }
        return .read(encoding: encoding, source: source,
                     delimiter: delimiter ?? FileScan.delimiter(of: firstLine(scan, encoding)))
    }

    /// The header line decoded to UTF-8 (the raw bytes serve for the ASCII-compatible encodings).
    private static func firstLine(_ scan: FileScan, _ encoding: TextEncoding) -> [UInt8] {
        guard encoding == .utf16LE || encoding == .utf16BE, let decoder = try? encoding.makeDecoder() else { return scan.firstLine }
        var utf8: [UInt8] = []
        let prefix = scan.prefix
        let bom = prefix.withUnsafeBytes { encoding.byteOrderMarkLength($0) }
        prefix[bom...].withUnsafeBytes { bytes in
            try? decoder.decode(bytes) { utf8.append(contentsOf: $0) }
        }
        return Array(utf8.prefix { $0 != 10 && $0 != 13 })
    }
}

/// Where a file's encoding came from, for the manifest.
public enum EncodingSource: String, Sendable {
    case configured, byteOrderMark = "byte-order mark", detected
}
