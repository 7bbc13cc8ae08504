import SalesCloseCore

/// The pieces of one table file joined as they are read, in order, into a state of that file
/// alone, as long as they give what reading the file whole gives: every piece was read as the
/// table, each cut was a record boundary, no order's filled-down fields cross a cut (a piece's
/// first order is not the order the pieces before it ended in) and the first piece's mapping
/// checks are the file's. When one does not, the file is read again whole.
struct PieceJoin {
    /// The file read so far, as file 0.
    let state = ImportState()
    private(set) var pieces = 0
    /// True while every piece so far joins exactly.
    private(set) var isExact = true
    private var first: PieceEnd?
    private var previous: PieceEnd?
    private var lastOrder: String?
    private var replacedBytes = 0
    /// The size of the file, to make room for all of its rows once the first piece is in.
    private let fileBytes: Int

    init(fileBytes: Int) { self.fileBytes = fileBytes }

    /// Joins the next piece, of `bytes` bytes (`part` is used up).
    mutating func add(_ part: ImportState, end: PieceEnd?, bytes: Int) {
        guard isExact, let end, let reader = end.rowReader else { isExact = false; return }
        if let first, let previous {
            let orderContinues = reader.firstOrder != noName && part.orders[reader.firstOrder] == lastOrder
            guard !previous.endedInsideRecord, first.rowReader!.checks.absorbs(reader.checks), !orderContinues else {
                isExact = false; return
            }
        }
        if reader.lastOrder != noName { lastOrder = part.orders[reader.lastOrder] }
        state.merge(part, as: 0)
        if first == nil {
            first = end
            if bytes > 0 && bytes < fileBytes { state.reserve(scale: Double(fileBytes) / Double(bytes)) }
        }
        previous = end
        replacedBytes += end.replacedBytes
        pieces += 1
    }

    /// How the file's reading ended, for its closing findings: the first piece's mapping checks,
    /// every piece's replaced bytes.
    var end: PieceEnd { PieceEnd(rowReader: first?.rowReader, headerSeen: true, replacedBytes: replacedBytes) }
}
