import SalesCloseConfiguration
import SalesCloseCore

/// The growing result of an import: interned names, rows and de-duplication indexes.
/// Memory grows with distinct keys (order lines, customers, SKUs), not with repeated rows.
final class ImportState {
    var orders = ByteInterner()
    var lineNumbers = ByteInterner()
    var customers = ByteInterner()
    var skus = ByteInterner()
    var regions = ByteInterner()
    var salespeople = ByteInterner()
    var channels = ByteInterner()
    var categories = ByteInterner()
    var invoices = ByteInterner()
    /// Customer and product names, interned so a repeated name costs no allocation.
    var texts = ByteInterner()
    /// Shipment and payment ids, for de-duplicating repeated exports (compared, never shown).
    var shipmentIDNames = ByteInterner(keepsTexts: false)
    var paymentIDNames = ByteInterner(keepsTexts: false)

    var lines: [OrderLine] = []
    /// (order, line_no or sku) → index in `lines`.
    var lineIndex = FlatIndex<UInt64>()
    var shipments: [Shipment] = []
    var shipmentIndex = FlatIndex<ShipmentKey>()
    /// The `shipmentIDNames` id of each shipment (`noName` when it has none), for merging partial states.
    var shipmentIDs: [NameID] = []
    var payments: [Payment] = []
    var paymentIndex = FlatIndex<UInt64>()
    var paymentIDs: [NameID] = []
    /// The indexes not kept up to date, since a merge renumbered or appended their rows
    /// (`PartialMerge`): each is rebuilt when a row of its kind that may repeat an earlier one
    /// is added, so rows that nothing later repeats never pay for an index.
    var staleIndexes: RowKinds = [.lines, .shipments, .payments]
    /// The order whose first line was read last, and the keys and rows of its lines so far
    /// (`beginFreshOrder`); `noName` once rows are merged, or the order has more lines than
    /// `freshLinesLimit`.
    var freshOrder = noName
    var freshLines: [(key: UInt64, row: Int32)] = []
    static let freshLinesLimit = 64

    /// False for the state of a whole run, which is merged into nothing: it keeps no first rows.
    let keepsFirstRows: Bool

    init(keepsFirstRows: Bool = true) { self.keepsFirstRows = keepsFirstRows }

    /// The first row stored under each key that a later row of this state replaced, by row index
    /// (by customer for master rows): merged after an earlier state, it is the row that replaced
    /// the earlier state's row with that key, so an exact duplicate is told from a correction as
    /// in a single pass. One entry per replaced key, not per duplicate.
    var firstLines: [Int32: OrderLine] = [:]
    var firstShipments: [Int32: Shipment] = [:]
    var firstPayments: [Int32: Payment] = [:]
    var firstCustomerMaster: [NameID: CustomerInfo] = [:]

    /// Per customer id: the first name seen on an order (a `texts` id).
    var customerNameOf: [NameID] = []
    var productNameOf: [NameID] = []
    var productCategoryOf: [NameID] = []
    var customerMaster: [NameID: CustomerInfo] = [:]
    /// The file each customer's master row came from.
    var customerMasterFile: [NameID: Int] = [:]

    var files: [InputFileReport] = []
    var rejects = RejectLog()
    var findings: [Finding] = []

    /// Key of an order line: the order and its line number, or its SKU when there is none.
    static func lineKey(order: NameID, lineNo: NameID, sku: NameID) -> UInt64 {
        UInt64(UInt32(order)) << 32 | (lineNo != noName ? UInt64(UInt32(lineNo)) : UInt64(UInt32(sku)) | 1 << 31)
    }

    /// Rebuilds those of `kinds`' indexes that are stale, each sized for the rows it holds (not for
    /// the room reserved for them: rows that turn out to be duplicates never fill that room, and
    /// an index sized for it would cost memory for each of them).
    func rebuildStaleIndexes(_ kinds: RowKinds) {
        let stale = staleIndexes.intersection(kinds)
        if stale.contains(.lines) {
            lineIndex = FlatIndex(capacity: lines.count)
            for (i, l) in lines.enumerated() { lineIndex.insert(ImportState.lineKey(order: l.order, lineNo: l.lineNo, sku: l.sku), Int32(i)) }
        }
        if stale.contains(.shipments) {
            shipmentIndex = FlatIndex(capacity: shipments.count)
            for (i, s) in shipments.enumerated() where shipmentIDs[i] != noName {
                shipmentIndex.insert(ShipmentKey(id: shipmentIDs[i], order: s.order, lineNo: s.lineNo, sku: s.sku), Int32(i))
            }
        }
        if stale.contains(.payments) {
            paymentIndex = FlatIndex(capacity: payments.count)
            for i in payments.indices where paymentIDs[i] != noName { paymentIndex.insert(UInt64(UInt32(paymentIDs[i])), Int32(i)) }
        }
        staleIndexes.subtract(stale)
    }

    /// Drops the indexes, to be rebuilt only if a row that may repeat an earlier one is added:
    /// a state adopted by a merge, whose later rows are mostly of keys it cannot hold.
    func dropIndexes() {
        lineIndex = FlatIndex(); shipmentIndex = FlatIndex(); paymentIndex = FlatIndex()
        staleIndexes = [.lines, .shipments, .payments]
    }

    /// Makes room for `records` more rows of `table` (a piece whose line count is known), so
    /// that neither its rows nor the ids that grow with them grow and copy.
    func expect(records: Int, of table: TableKind) {
        guard records > 0 else { return }
        switch table {
        case .orders: lines.reserveCapacity(lines.count + records)
        case .shipments:
            shipments.reserveCapacity(shipments.count + records); shipmentIDs.reserveCapacity(shipmentIDs.count + records)
            shipmentIDNames.reserve(shipmentIDNames.count + records)
        case .payments:
            payments.reserveCapacity(payments.count + records); paymentIDs.reserveCapacity(paymentIDs.count + records)
            paymentIDNames.reserve(paymentIDNames.count + records)
        case .customers: break
        }
    }

    /// Makes room for `scale` times the rows read so far (a file read in pieces, after its first
    /// piece), so that neither the rows nor the ids that grow with them (orders, shipment and
    /// payment ids) grow and copy as the other pieces merge. Rows reserved and never written cost
    /// address space, not memory.
    func reserve(scale: Double) {
        func expected(_ count: Int) -> Int { Int((Double(count) * scale).rounded(.up)) }
        let counts = (lines: expected(lines.count), shipments: expected(shipments.count), payments: expected(payments.count))
        orders.reserve(expected(orders.count)); invoices.reserve(expected(invoices.count))
        shipmentIDNames.reserve(expected(shipmentIDNames.count)); paymentIDNames.reserve(expected(paymentIDNames.count))
        lines.reserveCapacity(counts.lines + counts.lines / 8)
        shipments.reserveCapacity(counts.shipments + counts.shipments / 8)
        shipmentIDs.reserveCapacity(counts.shipments + counts.shipments / 8)
        payments.reserveCapacity(counts.payments + counts.payments / 8)
        paymentIDs.reserveCapacity(counts.payments + counts.payments / 8)
    }

    func hasCustomerName(_ customer: NameID) -> Bool {
        Int(customer) < customerNameOf.count && customerNameOf[Int(customer)] != noName
    }

    /// The customer's name so far (a `texts` id), or `noName`.
    func customerName(_ customer: NameID) -> NameID {
        Int(customer) < customerNameOf.count ? customerNameOf[Int(customer)] : noName
    }

    func hasProductName(_ sku: NameID) -> Bool {
        Int(sku) < productNameOf.count && productNameOf[Int(sku)] != noName
    }

    func setCustomerName(_ customer: NameID, _ name: NameID) {
        while customerNameOf.count <= Int(customer) { customerNameOf.append(noName) }
        if name != noName { customerNameOf[Int(customer)] = name }
    }

    func setProduct(_ sku: NameID, name: NameID, category: NameID) {
        while productNameOf.count <= Int(sku) { productNameOf.append(noName); productCategoryOf.append(noName) }
        if name != noName { productNameOf[Int(sku)] = name }
        if category != noName { productCategoryOf[Int(sku)] = category }
    }
}

/// The kinds of keyed rows of a state.
struct RowKinds: OptionSet {
    let rawValue: UInt8
    static let lines = RowKinds(rawValue: 1), shipments = RowKinds(rawValue: 2), payments = RowKinds(rawValue: 4)
}
