/// The fields of a line that libcsv would read as one record, split without it: libcsv goes a
/// byte at a time with a call per field, where most lines of an export need only a search for
/// the next delimiter.
///
/// A line is plain when it ends in LF with no CR in it and each field is either free of quotes
/// or quoted whole (a quote at its start, the closing quote at its end, followed by the delimiter
/// or the line end, and inside only doubled quotes, each standing for one). Such a line's fields
/// are exactly libcsv's (with spaces kept, as `CSVReader` sets it): the bytes between the
/// delimiters, without the quotes of a quoted field, a doubled quote read as one. Any other line
/// (a quote inside an unquoted field, a quote in a quoted one not doubled, a line end inside
/// quotes, a CR) is left to libcsv, as is the incomplete line at the end of a chunk.
enum PlainLine {
    /// Reads the line starting at `start` (`start < count`) into `spans` (offset, length pairs
    /// from `base`, the quoted fields' doubled quotes still doubled) and returns where the next
    /// line starts; nil when the line is not plain or does not end before `count` (`spans` is
    /// then undefined). Bit k of `doubledQuotes` is set when field k holds doubled quotes (a line
    /// with them in a field after the 64th is not plain).
    @inline(__always)
    static func read(_ base: UnsafeRawPointer, from start: Int, count: Int, delimiter: UInt8, spans: inout [Int],
                     doubledQuotes: inout UInt64) -> Int? {
        spans.removeAll(keepingCapacity: true)
        doubledQuotes = 0
        var i = start, fieldStart = start
        while true {
            i = nextSpecial(base, from: i, count: count, delimiter: delimiter)
            guard i < count else { return nil }
            let b = base.load(fromByteOffset: i, as: UInt8.self)
            if b == delimiter {
                spans.append(fieldStart); spans.append(i - fieldStart)
                i += 1; fieldStart = i
            } else if b == 10 {
                // A blank line is a record of no fields; a line ending in a delimiter ends in an empty field.
                if i > start || !spans.isEmpty { spans.append(fieldStart); spans.append(i - fieldStart) }
                return i + 1
            } else if b == 34 && i == fieldStart {
                // A field quoted whole: up to the quote that is not doubled, with no CR or LF before it.
                var close = i + 1
                while close < count {
                    let c = base.load(fromByteOffset: close, as: UInt8.self)
                    if c == 10 || c == 13 { break }
                    if c == 34 {
                        guard close + 1 < count, base.load(fromByteOffset: close + 1, as: UInt8.self) == 34 else { break }
                        let field = spans.count / 2
                        guard field < 64 else { return nil }
                        doubledQuotes |= 1 << UInt64(field)
                        close += 1
                    }
                    close += 1
                }
                guard close + 1 < count, base.load(fromByteOffset: close, as: UInt8.self) == 34 else { return nil }
                let after = base.load(fromByteOffset: close + 1, as: UInt8.self)
                guard after == delimiter || after == 10 else { return nil }
                spans.append(i + 1); spans.append(close - i - 1)
                if after == 10 { return close + 2 }
                i = close + 2; fieldStart = i
            } else {
                return nil   // a quote inside a field, or a CR
            }
        }
    }

    /// The index of the first byte from `i` that is the delimiter, a quote, a CR or an LF, or
    /// `count`: eight bytes at a step.
    @inline(__always)
    private static func nextSpecial(_ base: UnsafeRawPointer, from start: Int, count: Int, delimiter: UInt8) -> Int {
        var i = start
        while i + 8 <= count {
            let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let found = byteMatches(w, delimiter) | byteMatches(w, 10) | byteMatches(w, 13) | byteMatches(w, 34)
            if found != 0 { return i + found.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < count {
            let b = base.load(fromByteOffset: i, as: UInt8.self)
            if b == delimiter || b == 10 || b == 13 || b == 34 { return i }
            i += 1
        }
        return count
    }
}
