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
    var customerMasterFile: [NameID: Int] = [:]

    var files: [InputFileReport] = []
    var rejects = RejectLog()
    var findings: [Finding] = []

    /// Key of an order line: the order and its line number, or its SKU when there is none.
    static func lineKey(order: NameID, lineNo: NameID, sku: NameID) -> UInt64 {
        UInt64(UInt32(order)) << 32 | (lineNo != noName ? UInt64(UInt32(lineNo)) : UInt64(UInt32(sku)) | 1 << 31)
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
