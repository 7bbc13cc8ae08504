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
    /// Shipment and payment ids, for de-duplicating repeated exports.
    var documentIDs = ByteInterner()

    var lines: [OrderLine] = []
    /// (order, line_no or sku) → index in `lines`.
    var lineIndex = FlatIndex<UInt64>()
    var shipments: [Shipment] = []
    var shipmentIndex = FlatIndex<ShipmentKey>()
    var payments: [Payment] = []
    var paymentIndex = FlatIndex<UInt64>()

    /// Per customer id: the first name seen on an order (a `texts` id).
    var customerNameOf: [NameID] = []
    var productNameOf: [NameID] = []
    var productCategoryOf: [NameID] = []
    var customerMaster: [NameID: CustomerInfo] = [:]
    /// The file each customer's master row came from.
    private var customerMasterFile: [NameID: Int] = [:]

    var files: [InputFileReport] = []
    var rejects: [Reject] = []
    var findings: [Finding] = []

    /// Key of an order line: the order and its line number, or its SKU when there is none.
    static func lineKey(order: NameID, lineNo: NameID, sku: NameID) -> UInt64 {
        UInt64(UInt32(order)) << 32 | (lineNo != noName ? UInt64(UInt32(lineNo)) : UInt64(UInt32(sku)) | 1 << 31)
    }

    /// Counts that a row of `oldFile` no longer counts (an exact duplicate when `identical`) and
    /// that a row of `file` replaced it: the manifest's duplicate columns.
    private func countReplacement(of oldFile: Int, by file: Int, identical: Bool) {
        files[oldFile].superseded += 1
        if identical { files[oldFile].exactDuplicates += 1 }
        files[file].replacements += 1
    }

    /// Adds an order line; a line with a key seen before replaces the earlier one.
    func add(_ line: OrderLine, file: Int) {
        let key = ImportState.lineKey(order: line.order, lineNo: line.lineNo, sku: line.sku)
        if let existing = lineIndex[key] {
            let old = lines[Int(existing)]
            countReplacement(of: Int(old.source.file), by: file, identical: sameContent(old, line))
            lines[Int(existing)] = line
        } else {
            lineIndex.insert(key, Int32(lines.count))
            lines.append(line)
        }
    }

    /// Adds a shipment; with a shipment id, a repeat of (id, order, line) replaces the earlier row.
    func add(_ shipment: Shipment, id: NameID, file: Int) {
        guard id != noName else { shipments.append(shipment); return }
        let key = ShipmentKey(id: id, order: shipment.order, lineNo: shipment.lineNo, sku: shipment.sku)
        if let existing = shipmentIndex[key] {
            let old = shipments[Int(existing)]
            countReplacement(of: Int(old.source.file), by: file, identical: old.shipDate == shipment.shipDate
                             && old.quantity == shipment.quantity && old.amount == shipment.amount)
            shipments[Int(existing)] = shipment
        } else {
            shipmentIndex.insert(key, Int32(shipments.count))
            shipments.append(shipment)
        }
    }

    /// Adds a payment; a repeated payment id replaces the earlier row.
    func add(_ payment: Payment, id: NameID, file: Int) {
        guard id != noName else { payments.append(payment); return }
        if let existing = paymentIndex[UInt64(UInt32(id))] {
            let old = payments[Int(existing)]
            countReplacement(of: Int(old.source.file), by: file, identical: old.customer == payment.customer
                             && old.paymentDate == payment.paymentDate && old.amount == payment.amount
                             && old.order == payment.order && old.invoice == payment.invoice)
            payments[Int(existing)] = payment
        } else {
            paymentIndex.insert(UInt64(UInt32(id)), Int32(payments.count))
            payments.append(payment)
        }
    }

    /// Adds a customer master row; a later row for the same customer replaces the earlier one.
    func add(_ info: CustomerInfo, of customer: NameID, file: Int) {
        if let old = customerMasterFile[customer], let previous = customerMaster[customer] {
            countReplacement(of: old, by: file, identical: previous == info)
        }
        customerMaster[customer] = info
        customerMasterFile[customer] = file
    }

    func hasCustomerName(_ customer: NameID) -> Bool {
        Int(customer) < customerNameOf.count && customerNameOf[Int(customer)] != noName
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
