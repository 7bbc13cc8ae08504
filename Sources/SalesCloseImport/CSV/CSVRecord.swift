/// One CSV record as borrowed byte slices. Valid only inside the reader's callback.
public struct CSVRecord {
    let base: UnsafeRawPointer
    let spans: UnsafePointer<Int>   // start, length pairs
    /// Number of fields in the record.
    public let count: Int
    /// 1-based line on which the record starts.
    public let line: Int
    /// 1-based line on which the record ends (after `line` when a quoted field holds newlines).
    public let endLine: Int

    /// Bytes from `base` to the end of the last field: every field, and for a record read in place
    /// from its line (`PlainLine`) the delimiters and quotes between them.
    var byteCount: Int { count == 0 ? 0 : spans[2 * (count - 1)] + spans[2 * (count - 1) + 1] }

    /// The bytes of field `index` (empty beyond the last field).
    @inline(__always)
    public subscript(index: Int) -> UnsafeRawBufferPointer {
        guard index >= 0, index < count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base + spans[2 * index], count: spans[2 * index + 1])
    }

    /// Field `index` decoded as a String (for rare paths: headers, messages, first sight of a name).
    public func string(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }
}
