@testable import SalesCloseCore

/// `2026-03-31` → `Day`; traps on a malformed date, which only a broken test can pass.
func isoDay(_ iso: String) -> Day {
    let parts = iso.split(separator: "-").map { Int($0)! }
    return Day(year: parts[0], month: parts[1], day: parts[2])!
}

/// Money from minor units: `cents(12_34)` is 12.34.
func cents(_ cents: Int64) -> Money { Money(minorUnits: cents) }

/// Builds `SalesData` by hand the way the importer would: interned names, and rows whose
/// `SourceRef` says which file (orders 0, shipments 1, payments 2) and line they came from.
struct OrderToCashDataBuilder {
    static let ordersFile = 0, shipmentsFile = 1, paymentsFile = 2
    var data = SalesData()

    /// Adds an order line and returns its index.
    @discardableResult
    mutating func line(_ order: String, _ lineNo: String? = nil, customer: String = "C1", sku: String = "P1",
                       region: String = "R1", salesperson: String = "S1", ordered: String,
                       promised: String? = nil, quantity: Int64, amount: Int64, cancelled: Bool = false) -> Int {
        let customerID = customerID(customer)
        data.orderLines.append(OrderLine(
            order: data.names.orders.intern(order), lineNo: lineNo.map { data.names.lineNumbers.intern($0) } ?? noName,
            orderDate: isoDay(ordered), promisedDate: promised.map(isoDay), customer: customerID,
            sku: data.names.skus.intern(sku), region: data.names.regions.intern(region),
            salesperson: data.names.salespeople.intern(salesperson),
            quantity: Quantity(units: quantity), amount: cents(amount), isCancelled: cancelled,
            source: SourceRef(file: Self.ordersFile, line: data.orderLines.count + 2)))
        return data.orderLines.count - 1
    }

    mutating func ship(_ order: String, _ lineNo: String? = nil, sku: String? = nil, on date: String, quantity: Int64) {
        data.shipments.append(Shipment(
            order: data.names.orders.intern(order), lineNo: lineNo.map { data.names.lineNumbers.intern($0) } ?? noName,
            sku: sku.map { data.names.skus.intern($0) } ?? noName, shipDate: isoDay(date),
            quantity: Quantity(units: quantity), source: SourceRef(file: Self.shipmentsFile, line: data.shipments.count + 2)))
    }

    mutating func pay(_ customer: String, on date: String, amount: Int64, order: String? = nil, invoice: String? = nil) {
        data.payments.append(Payment(
            customer: customerID(customer), paymentDate: isoDay(date), amount: cents(amount),
            order: order.map { data.names.orders.intern($0) } ?? noName,
            invoice: invoice.map { data.names.invoices.intern($0) } ?? noName,
            source: SourceRef(file: Self.paymentsFile, line: data.payments.count + 2)))
    }

    mutating func customer(_ id: String, name: String? = nil, creditLimit: Int64? = nil, paymentTermsDays: Int? = nil) {
        let customer = customerID(id)
        data.customers[Int(customer)] = CustomerInfo(name: name, creditLimit: creditLimit.map(cents),
                                                     paymentTermsDays: paymentTermsDays)
    }

    private mutating func customerID(_ id: String) -> NameID {
        let customer = data.names.customers.intern(id)
        while data.customers.count <= Int(customer) { data.customers.append(CustomerInfo()) }
        return customer
    }
}
