/// Departures from RFC 4180 that a table's exports make, read only when configured
/// (`[tables.<name>]` `escape`, `comment`, `quote_padding`); without them such files are read as
/// RFC 4180 and what does not fit is rejected with a message, never shifted.
public struct CSVDialect: Sendable, Equatable {
    /// `escape = "\\"`: inside a quoted field, `\"` is a quote and `\\` a backslash (MySQL,
    /// PHP `fputcsv` exports). Any other escaped byte is kept with its backslash.
    public var escape: UInt8?
    /// `comment = "#"`: a line starting with this byte (outside a quoted field) is skipped.
    public var comment: UInt8?
    /// `quote_padding = true`: fields are padded with spaces outside their quotes, and those
    /// spaces are dropped: `"a" , "b" , 1 ` reads as `a`, `b`, `1` (spaces inside quotes stay).
    public var quotePadding = false

    public init(escape: UInt8? = nil, comment: UInt8? = nil, quotePadding: Bool = false) {
        self.escape = escape; self.comment = comment; self.quotePadding = quotePadding
    }

    /// RFC 4180 as it is: nothing to rewrite.
    public var isStandard: Bool { escape == nil && comment == nil && !quotePadding }
}

/// Rewrites a decoded byte stream of a configured dialect into RFC 4180 for libcsv, carrying its
/// state across chunks. Line ends are kept (a comment line becomes an empty one), so line
/// numbers stay those of the file.
struct DialectFilter {
    let dialect: CSVDialect
    let delimiter: UInt8
    private var inQuotes = false
    /// A quote seen inside a quoted field: it closes the field unless another quote follows.
    private var quotePending = false
    private var escapePending = false
    private var atFieldStart = true
    private var atLineStart = true
    private var inComment = false
    private var afterClosingQuote = false
    /// Spaces at the start of a field, held back until it is known whether a quote follows.
    private var heldSpaces = 0
    private var output: [UInt8] = []

    init(dialect: CSVDialect, delimiter: UInt8) { self.dialect = dialect; self.delimiter = delimiter }

    mutating func filter(_ input: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(input.count + 16)
        for b in input { step(b) }
        try output.withUnsafeBytes { try body($0) }
    }

    /// Emits what is still held back at the end of the input.
    mutating func finish(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        output.removeAll(keepingCapacity: true)
        if escapePending { output.append(dialect.escape!); escapePending = false }
        if quotePending { output.append(34); quotePending = false }
        heldSpaces = 0   // trailing padding at the end of the file
        try output.withUnsafeBytes { try body($0) }
    }

    private mutating func step(_ b: UInt8) {
        let quote: UInt8 = 34
        let isLineEnd = b == 10 || b == 13
        if inComment {
            if isLineEnd { inComment = false; atLineStart = true; output.append(b) }
            return
        }
        if inQuotes {
            if escapePending {
                escapePending = false
                if b == quote { output.append(quote); output.append(quote); return }
                if b == dialect.escape { output.append(b); return }
                output.append(dialect.escape!)
            } else if quotePending {
                quotePending = false
                if b == quote { output.append(quote); output.append(quote); return }
                inQuotes = false
                output.append(quote)
                afterClosingQuote = true
                // Falls through to the unquoted handling of `b`.
            } else if let e = dialect.escape, b == e {
                escapePending = true; return
            } else if b == quote {
                quotePending = true; return
            } else {
                output.append(b); return
            }
            if inQuotes { output.append(b); return }
        }
        // Outside quotes.
        if atLineStart, let c = dialect.comment, b == c { inComment = true; return }
        if b == delimiter || isLineEnd {
            // Spaces before a delimiter are padding (held only with quote_padding).
            heldSpaces = 0
            output.append(b)
            atFieldStart = true; afterClosingQuote = false
            atLineStart = isLineEnd
            return
        }
        atLineStart = false
        if dialect.quotePadding && b == 32 { heldSpaces += 1; return }
        if atFieldStart || afterClosingQuote { heldSpaces = 0 }   // padding before a field, after its closing quote
        if heldSpaces > 0 { output.append(contentsOf: repeatElement(32, count: heldSpaces)); heldSpaces = 0 }
        if atFieldStart && b == quote { inQuotes = true; atFieldStart = false; output.append(b); return }
        atFieldStart = false
        afterClosingQuote = false
        output.append(b)
    }
}
