import SalesCloseCore

/// The duplicate rule: which row wins when two rows have the same key, and how it is counted.
///
/// - Keys: an order line is (order_id, line_no), or (order_id, sku) when the export has no line
///   numbers; a shipment with a shipment_id is (shipment_id, order_id, line_no or sku); a payment
///   with a payment_id is that id; a customer master row is its customer_id. Shipments and
///   payments without an id are never duplicates.
/// - The later row wins: files are read in file-name order, rows in file order, so a re-export
///   (a later file, or a later line of the same file) replaces what it repeats.
/// - Counting: the replaced row counts as a `duplicate` (superseded) of its file; it is an
///   `exact duplicate` when its content equals the replacement's (the source line aside),
///   else a correction; the winning row's file counts a `replacement`. The replaced row counts
///   in no figure: for every file `accepted = counted + duplicate`.
extension ImportState {
    /// Counts that a row of `oldFile` no longer counts (an exact duplicate when `identical`) and
    /// that a row of `file` replaced it: the manifest's duplicate columns.
    func countReplacement(of oldFile: Int, by file: Int, identical: Bool) {
        files[oldFile].superseded += 1
        if identical { files[oldFile].exactDuplicates += 1 }
        files[file].replacements += 1
    }

    /// The rule for keyed rows: `row` replaces the row stored under `key` (counted as a
    /// replacement, exact when `identical` says so), or is appended and indexed. Merging a partial
    /// state, `first` is the row that replaced the stored one (the partial's first row for the
    /// key; `row` is its last). A state that will be merged keeps the first row of each key
    /// replaced in it in `firstRows`.
    private func replaceOrAppend<Row, Key: FlatKey>(_ row: Row, replacing first: Row? = nil, key: Key, file: Int,
                                                    rows: inout [Row], index: inout FlatIndex<Key>,
                                                    firstRows: inout [Int32: Row], source: (Row) -> SourceRef,
                                                    identical: (Row, Row) -> Bool) {
        let count = Int32(rows.count)
        let existing = index.index(of: key) { count }
        if existing == count {
            rows.append(row)
        } else {
            replace(at: existing, with: row, replacing: first, file: file, rows: &rows, firstRows: &firstRows, source: source,
                    identical: identical)
        }
    }

    /// `row` replaces row `existing`, which has its key.
    private func replace<Row>(at existing: Int32, with row: Row, replacing first: Row?, file: Int, rows: inout [Row],
                              firstRows: inout [Int32: Row], source: (Row) -> SourceRef, identical: (Row, Row) -> Bool) {
        let old = rows[Int(existing)]
        countReplacement(of: Int(source(old).file), by: file, identical: identical(old, first ?? row))
        if keepsFirstRows, firstRows[existing] == nil { firstRows[existing] = old }
        rows[Int(existing)] = row
    }

    /// Notes that the order just read was seen for the first time: its lines, read one after
    /// another as exports write them, are checked against each other instead of the index.
    func beginFreshOrder(_ order: NameID) {
        freshOrder = order
        freshLines.removeAll(keepingCapacity: true)
    }

    /// Adds an order line; a line with a key seen before replaces the earlier one. A line of an
    /// order new to this state (`orderIsNew`, as a merge knows from the order's id) or of the
    /// fresh order not yet among its lines repeats none: it is added without a lookup.
    func add(_ line: OrderLine, replacing first: OrderLine? = nil, orderIsNew: Bool = false, file: Int) {
        if orderIsNew { addNew(line); return }
        let key = ImportState.lineKey(order: line.order, lineNo: line.lineNo, sku: line.sku)
        if line.order == freshOrder {
            if let earlier = freshLines.first(where: { $0.key == key }) {
                replace(at: earlier.row, with: line, replacing: first, file: file, rows: &lines, firstRows: &firstLines,
                        source: \.source, identical: sameContent)
                return
            }
            if freshLines.count < ImportState.freshLinesLimit {
                freshLines.append((key, Int32(lines.count)))
                addNew(line)
                return
            }
            freshOrder = noName   // an order of many lines: the index from here on
        }
        if staleIndexes.contains(.lines) { rebuildStaleIndexes(.lines) }
        replaceOrAppend(line, replacing: first, key: key, file: file, rows: &lines, index: &lineIndex, firstRows: &firstLines,
                        source: \.source, identical: sameContent)
    }

    /// Adds a shipment; with a shipment id, a repeat of (id, order, line) replaces the earlier row.
    /// Without an id, or with one new to this state (`idIsNew`), it repeats none.
    func add(_ shipment: Shipment, replacing first: Shipment? = nil, id: NameID, idIsNew: Bool = false, file: Int) {
        guard id != noName, !idIsNew else { addNew(shipment, id: id); return }
        if staleIndexes.contains(.shipments) { rebuildStaleIndexes(.shipments) }
        let count = shipments.count
        replaceOrAppend(shipment, replacing: first, key: ShipmentKey(id: id, order: shipment.order, lineNo: shipment.lineNo, sku: shipment.sku),
                        file: file, rows: &shipments, index: &shipmentIndex, firstRows: &firstShipments, source: \.source) { old, new in
            old.shipDate == new.shipDate && old.quantity == new.quantity && old.amount == new.amount
        }
        if shipments.count > count { shipmentIDs.append(id) }
    }

    /// Adds a payment; a repeated payment id replaces the earlier row. Without an id, or with one
    /// new to this state (`idIsNew`), it repeats none.
    func add(_ payment: Payment, replacing first: Payment? = nil, id: NameID, idIsNew: Bool = false, file: Int) {
        guard id != noName, !idIsNew else { addNew(payment, id: id); return }
        if staleIndexes.contains(.payments) { rebuildStaleIndexes(.payments) }
        let count = payments.count
        replaceOrAppend(payment, replacing: first, key: UInt64(UInt32(id)), file: file, rows: &payments, index: &paymentIndex,
                        firstRows: &firstPayments, source: \.source) { old, new in
            old.customer == new.customer && old.paymentDate == new.paymentDate && old.amount == new.amount
                && old.order == new.order && old.invoice == new.invoice
        }
        if payments.count > count { paymentIDs.append(id) }
    }

    /// Appends an order line whose key no row of this state can have: indexed if the index is
    /// kept up to date, else left for the index's rebuild.
    private func addNew(_ line: OrderLine) {
        if !staleIndexes.contains(.lines) {
            lineIndex.insert(ImportState.lineKey(order: line.order, lineNo: line.lineNo, sku: line.sku), Int32(lines.count))
        }
        lines.append(line)
    }

    /// Appends a shipment whose id (`noName` for none) is new to this state, as `addNew(_:)` a line.
    private func addNew(_ shipment: Shipment, id: NameID) {
        if id != noName, !staleIndexes.contains(.shipments) {
            shipmentIndex.insert(ShipmentKey(id: id, order: shipment.order, lineNo: shipment.lineNo, sku: shipment.sku),
                                 Int32(shipments.count))
        }
        shipments.append(shipment); shipmentIDs.append(id)
    }

    /// Appends a payment whose id (`noName` for none) is new to this state, as `addNew(_:)` a line.
    private func addNew(_ payment: Payment, id: NameID) {
        if id != noName, !staleIndexes.contains(.payments) { paymentIndex.insert(UInt64(UInt32(id)), Int32(payments.count)) }
        payments.append(payment); paymentIDs.append(id)
    }

    /// Adds a customer master row; a later row for the same customer replaces the earlier one.
    func add(_ info: CustomerInfo, replacing first: CustomerInfo? = nil, of customer: NameID, file: Int) {
        if let old = customerMasterFile[customer], let previous = customerMaster[customer] {
            countReplacement(of: old, by: file, identical: previous == (first ?? info))
            if keepsFirstRows, firstCustomerMaster[customer] == nil { firstCustomerMaster[customer] = previous }
        }
        customerMaster[customer] = info
        customerMasterFile[customer] = file
    }
}

/// Two order lines with the same content (their source aside).
func sameContent(_ a: OrderLine, _ b: OrderLine) -> Bool {
    a.order == b.order && a.lineNo == b.lineNo && a.orderDate == b.orderDate && a.promisedDate == b.promisedDate
        && a.customer == b.customer && a.sku == b.sku && a.region == b.region && a.salesperson == b.salesperson
        && a.channel == b.channel && a.category == b.category && a.quantity == b.quantity && a.amount == b.amount
        && a.cost == b.cost && a.isCancelled == b.isCancelled
}

/// A shipment row's identity when the export gives shipment ids.
struct ShipmentKey: FlatKey {
    var id, order, lineNo, sku: NameID
    static var placeholder: ShipmentKey { ShipmentKey(id: noName, order: noName, lineNo: noName, sku: noName) }
    var flatHash: UInt64 {
        (UInt64(UInt32(bitPattern: id)) << 32 | UInt64(UInt32(bitPattern: order)))
            ^ (UInt64(UInt32(bitPattern: lineNo)) << 32 | UInt64(UInt32(bitPattern: sku))) &* 0xBF58_476D_1CE4_E5B9
    }
}
