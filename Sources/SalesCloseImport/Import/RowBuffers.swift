import Foundation
import SalesCloseCore

/// The row arrays of file pieces already joined, lent to the pieces read next. A piece's rows are
/// copied into its file's state when it joins, after which its arrays would be freed and the next
/// piece's allocated afresh: at 10M order lines, some 300k pages faulted in and zeroed by the
/// kernel for nothing. Lent instead, they are written again where they already are. Holds at
/// most `kept` arrays of each kind (the pieces being read at once, and one more), and none once
/// a file's last piece is in (`release`), so they never add to the peak of the whole import.
final class RowBuffers: @unchecked Sendable {
    private let lock = NSLock()
    private let kept: Int
    // Guarded by `lock`.
    private var lines: [[OrderLine]] = []
    private var shipments: [[Shipment]] = []
    private var payments: [[Payment]] = []
    private var ids: [[NameID]] = []

    init(kept: Int) { self.kept = kept }

    /// Gives `state`, new and empty, arrays of earlier pieces to write its rows into.
    func lend(to state: ImportState) {
        lock.lock()
        defer { lock.unlock() }
        precondition(state.lines.isEmpty && state.shipments.isEmpty && state.payments.isEmpty)
        if let l = lines.popLast() { state.lines = l }
        if let s = shipments.popLast() { state.shipments = s }
        if let p = payments.popLast() { state.payments = p }
        if let i = ids.popLast() { state.shipmentIDs = i }
        if let i = ids.popLast() { state.paymentIDs = i }
    }

    /// Takes back the arrays of `state`, a piece whose rows were copied into its file's state and
    /// that is not used again.
    func takeBack(from state: ImportState) {
        func keep<Row>(_ rows: inout [Row], in pool: inout [[Row]]) {
            guard rows.capacity > 0, pool.count < kept else { return }
            rows.removeAll(keepingCapacity: true)
            pool.append(rows)
            rows = []
        }
        lock.lock()
        defer { lock.unlock() }
        keep(&state.lines, in: &lines)
        keep(&state.shipments, in: &shipments)
        keep(&state.payments, in: &payments)
        keep(&state.shipmentIDs, in: &ids)
        keep(&state.paymentIDs, in: &ids)
    }

    /// Frees the arrays held: the file whose pieces they served is read.
    func release() {
        lock.lock()
        defer { lock.unlock() }
        lines = []; shipments = []; payments = []; ids = []
    }
}
