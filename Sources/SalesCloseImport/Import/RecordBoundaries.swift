import SalesCloseConfiguration

/// Where a large file can be cut into pieces that are read on their own: after a line end outside
/// quotes (by quote parity from the start of the file), between two orders (so that an order's
/// filled-down fields never straddle a cut), with the line number each piece starts on.
///
/// Parity is how RFC 4180 quotes nest, but libcsv reads a quote inside an unquoted field as a
/// character; so a cut found here is a guess that the reading of the piece before it confirms
/// (`PieceEnd.endedInsideRecord`), and a file whose cuts are not confirmed is read again whole.
enum RecordBoundaries {
    /// Where a piece after the first starts: its first byte and the number of its first line.
    struct PieceStart: Sendable, Equatable {
        var offset: Int
        var line: Int
    }

    /// Starts of pieces 2…`pieces` of the file at `path`, about evenly spaced; empty when it
    /// cannot be cut (UTF-16, too small, no line end outside quotes after a cut point).
    /// `delimiter` is the configured one, if any; `columns` the orders table's configured columns
    /// (to find the order id column in the header).
    static func pieceStarts(path: String, pieces: Int, delimiter configured: UInt8?, columns: [String: String]) -> [PieceStart] {
        guard pieces > 1, let file = try? MappedFile(path: path) else { return [] }
        let bytes = file.bytes
        // UTF-16 puts a zero byte beside every ASCII one: its line ends are not single bytes.
        guard bytes.count > 2, !(bytes[0] == 0xFF && bytes[1] == 0xFE), !(bytes[0] == 0xFE && bytes[1] == 0xFF),
              let base = bytes.baseAddress else { return [] }
        let bom = TextEncoding.utf8.byteOrderMarkLength(bytes)
        let header = Array(bytes[bom...].prefix(65536).prefix { $0 != 10 && $0 != 13 })
        let delimiter = configured ?? FileScan.delimiter(of: header)
        let headers = header.contains(34) ? [] : header.split(separator: delimiter, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        let keyColumn = max(HeaderMapping(table: .orders, headers: headers, explicit: columns).column("order_id"), 0)

        var starts: [PieceStart] = []
        var quotes = 0, lines = 1, i = 0
        for k in 1..<pieces {
            let target = bytes.count / pieces * k
            guard target > i else { continue }
            // A megabyte at a time, each released once counted: the pass holds no more of the file.
            while i < target {
                let step = min(target, i + (1 << 20))
                count(base, from: i, to: step, end: bytes.count, quotes: &quotes, lines: &lines)
                i = step
                file.release(upTo: i)
            }
            // The first line end outside quotes from here whose lines on either side are of
            // different orders (after `candidates` tries, the next line end outside quotes).
            var candidates = 10_000
            var found: Int?
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                if b == 34 { quotes += 1; continue }
                guard b == 10 || b == 13 else { continue }
                if b == 13 && i < bytes.count && bytes[i] == 10 { continue }
                lines += 1
                guard b == 10, quotes % 2 == 0, i < bytes.count else { continue }
                candidates -= 1
                if candidates <= 0 || differentOrders(bytes, cut: i, delimiter: delimiter, column: keyColumn) { found = i; break }
            }
            guard let found else { break }
            starts.append(PieceStart(offset: found, line: lines))
        }
        return starts
    }

    /// Whether the lines before and after the cut at `cut` (just after a line feed) hold different
    /// values in `column`; false when that cannot be told without parsing quotes.
    private static func differentOrders(_ bytes: UnsafeRawBufferPointer, cut: Int, delimiter: UInt8, column: Int) -> Bool {
        // Back over the line end (LF or CR LF), then to the start of the line it ends.
        var start = cut - 1
        if start > 0 && bytes[start - 1] == 13 { start -= 1 }
        while start > 0 && bytes[start - 1] != 10 && bytes[start - 1] != 13 { start -= 1 }
        guard let before = field(column, of: bytes, from: start, delimiter: delimiter),
              let after = field(column, of: bytes, from: cut, delimiter: delimiter) else { return false }
        return !bytes[before].elementsEqual(bytes[after])
    }

    /// The bytes of field `column` of the line starting at `start` (inside its quotes when it is
    /// quoted); nil when the line has fewer fields or a quote before that field's end other than
    /// around a whole field without quotes or line ends in it.
    private static func field(_ column: Int, of bytes: UnsafeRawBufferPointer, from start: Int, delimiter: UInt8) -> Range<Int>? {
        var fieldStart = start, index = 0, i = start
        var value: Range<Int>?
        while i <= bytes.count {
            let b: UInt8 = i < bytes.count ? bytes[i] : 10
            if b == 34 {
                // Only a whole quoted field: "…" followed by the delimiter or the line end.
                guard i == fieldStart else { return nil }
                var close = i + 1
                while close < bytes.count && bytes[close] != 34 && bytes[close] != 10 && bytes[close] != 13 { close += 1 }
                guard close < bytes.count, bytes[close] == 34 else { return nil }
                let next: UInt8 = close + 1 < bytes.count ? bytes[close + 1] : 10
                guard next == delimiter || next == 10 || next == 13 else { return nil }
                value = (i + 1)..<close
                i = close + 1
                continue
            }
            if b == delimiter || b == 10 || b == 13 {
                if index == column { return value ?? fieldStart..<i }
                if b != delimiter { return nil }
                index += 1
                fieldStart = i + 1
                value = nil
            }
            i += 1
        }
        return nil
    }

    /// Adds the quotes and the line ends (LF, CR LF and CR each end one line) of bytes
    /// `from..<to` to the counts, 16 bytes at a step: each byte equal to a quote or a line feed
    /// adds one to its lane's 8-bit count, summed every 255 steps, before it could overflow.
    private static func count(_ base: UnsafeRawPointer, from: Int, to: Int, end: Int, quotes: inout Int, lines: inout Int) {
        typealias Bytes = SIMD16<UInt8>
        let quote = Bytes(repeating: 34), lineFeed = Bytes(repeating: 10), carriageReturn = Bytes(repeating: 13)
        // A lane that matches is all ones: subtracting it adds one.
        @inline(__always) func ones(_ mask: SIMDMask<SIMD16<Int8>>) -> Bytes { unsafeBitCast(mask, to: Bytes.self) }
        var i = from
        while i + 16 <= to {
            var quoteCounts = Bytes(), lineCounts = Bytes()
            let steps = min(255, (to - i) / 16)
            for _ in 0..<steps {
                let v = base.loadUnaligned(fromByteOffset: i, as: Bytes.self)
                quoteCounts &-= ones(v .== quote)
                lineCounts &-= ones(v .== lineFeed)
                if any(v .== carriageReturn) {
                    for k in i..<(i + 16) where base.load(fromByteOffset: k, as: UInt8.self) == 13 {
                        if k + 1 >= end || base.load(fromByteOffset: k + 1, as: UInt8.self) != 10 { lines += 1 }
                    }
                }
                i += 16
            }
            quotes += Int(SIMD16<UInt16>(truncatingIfNeeded: quoteCounts).wrappedSum())
            lines += Int(SIMD16<UInt16>(truncatingIfNeeded: lineCounts).wrappedSum())
        }
        while i < to {
            let b = base.load(fromByteOffset: i, as: UInt8.self)
            if b == 34 { quotes += 1 }
            if b == 10 || (b == 13 && (i + 1 >= end || base.load(fromByteOffset: i + 1, as: UInt8.self) != 10)) { lines += 1 }
            i += 1
        }
    }
}
