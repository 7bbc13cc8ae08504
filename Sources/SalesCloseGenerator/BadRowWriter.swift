import SalesCloseCore
/// A row that was planted on purpose, with where to find it.
struct PlantedRow {
    let file: String
    let line: Int
    let what: String
}

/// Deliberately bad rows: copies of real rows with one field broken or one reference dangling,
/// written field by field so any text can go where a number or date belongs.
struct BadRowWriter {
    let rows: ExportRows

    /// The order line's fields in the English order layout.
    func orderFields(_ line: OrderLine, id: OrderID) -> [String] {
        let world = rows.world
        let customer = world.customers[line.customer]
        let product = world.products[line.product]
        return [rows.orderIDText(id), String(line.lineNo), rows.dates.isoString(line.day), customer.id, customer.name,
                world.regions[customer.region].name, world.salespeople[customer.salesperson].name, customer.channel.name,
                product.sku, product.name, world.categories[product.category].name, String(line.quantity),
                Self.hundredths(line.unitPriceCents), Self.hundredths(line.discountHundredths),
                Self.hundredths(line.amountCents), Self.hundredths(line.unitCostCents), "CNY",
                rows.dates.isoString(line.promisedDay), line.status.english]
    }

    func shipmentFields(_ shipment: Shipment, number: Int) -> [String] {
        ["SH" + String(number + 100_000_000).dropFirst(), rows.orderIDText(shipment.orderID), String(shipment.lineNo),
         rows.world.products[shipment.product].sku, rows.dates.isoString(shipment.day), String(shipment.quantity)]
    }

    func paymentFields(_ payment: Payment, number: Int) -> [String] {
        ["PM" + String(number + 100_000_000).dropFirst(), rows.world.customers[payment.customer].id,
         rows.dates.isoString(payment.day), Self.hundredths(payment.amountCents),
         payment.orderID.map(rows.orderIDText) ?? "", payment.method.english]
    }

    /// Writes `fields` as one row and returns its line number in the file (the header is line 1).
    func write(_ fields: [String], to writer: CSVByteWriter) -> Int {
        let lineNumber = writer.rowsWritten + 2
        for (index, field) in fields.enumerated() {
            if index > 0 { writer.comma() }
            writer.text(field)
        }
        writer.endRow()
        return lineNumber
    }

    static func hundredths(_ value: Int) -> String {
        var bytes: [UInt8] = []
        bytes.appendFixed(Int64(value), scale: 2)
        return String(decoding: bytes, as: UTF8.self)
    }
}
