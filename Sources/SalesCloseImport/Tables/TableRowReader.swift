import Foundation
import SalesCloseConfiguration
import SalesCloseCore

/// Turns records of one mapped file into typed rows in the import state.
struct TableRowReader {
    let table: TableKind
    let mapping: HeaderMapping
    let parser: RowParser
    let fileIndex: Int
    /// Lower-cased status values that mark a cancelled line.
    let cancelledValues: Set<String>
    private var statusIsCancelled: [NameID: Bool] = [:]
    private var statuses = ByteInterner()

    /// Amount vs quantity × unit price, and line amounts vs an order total column (orders only).
    private(set) var checks: MappingChecks

    init(table: TableKind, mapping: HeaderMapping, parser: RowParser, fileIndex: Int, path: String, cancelledValues: [String]) {
        self.table = table; self.mapping = mapping; self.parser = parser; self.fileIndex = fileIndex
        self.cancelledValues = Set(cancelledValues.map { $0.lowercased() })
        c = Columns(mapping)
        checks = MappingChecks(file: path, mapping: mapping)
    }

    /// The warnings of the mapping checks, once every record is read.
    mutating func finish() -> [Finding] { table == .orders ? checks.findings() : [] }
    private let c: Columns

    /// Column indexes of every field (-1 when absent), resolved once per file.
    private struct Columns {
        let orderID, lineNo, orderDate, customer, customerName, region, salesperson, channel, sku, productName,
            category, quantity, unitPrice, discount, amount, cost, unitCost, promisedDate, status,
            shipmentID, shipDate, paymentID, paymentDate, invoice, creditLimit, terms: Int
        init(_ m: HeaderMapping) {
            orderID = m.column("order_id"); lineNo = m.column("line_no"); orderDate = m.column("order_date")
            customer = m.column("customer_id"); customerName = m.column("customer_name"); region = m.column("region")
            salesperson = m.column("salesperson"); channel = m.column("channel"); sku = m.column("sku")
            productName = m.column("product_name"); category = m.column("category"); quantity = m.column("quantity")
            unitPrice = m.column("unit_price"); discount = m.column("discount"); amount = m.column("amount")
            cost = m.column("cost"); unitCost = m.column("unit_cost"); promisedDate = m.column("promised_date")
            status = m.column("status"); shipmentID = m.column("shipment_id"); shipDate = m.column("ship_date")
            paymentID = m.column("payment_id"); paymentDate = m.column("payment_date"); invoice = m.column("invoice_id")
            creditLimit = m.column("credit_limit"); terms = m.column("payment_terms_days")
        }
    }

    /// Reads one record into `state`, or returns why it cannot be read.
    mutating func read(_ r: CSVRecord, into state: ImportState) throws(RowProblem) {
        try parser.checkWidth(r)
        try parser.checkNUL(r)
        let source = SourceRef(file: fileIndex, line: r.line)
        switch table {
        case .orders: state.add(try orderLine(r, state, source), file: fileIndex)
        case .shipments:
            let shipment = Shipment(
                order: try parser.id(r, c.orderID, "order_id", &state.orders),
                lineNo: parser.optionalID(r, c.lineNo, &state.lineNumbers),
                sku: parser.optionalID(r, c.sku, &state.skus),
                shipDate: try parser.date(r, c.shipDate, "ship_date"),
                quantity: Quantity(thousandths: try parser.number(r, c.quantity, "quantity", scale: 3)),
                amount: try parser.optionalNumber(r, c.amount, "amount", scale: 2).map(Money.init(minorUnits:)),
                source: source)
            let known = state.shipmentIDNames.count, id = parser.optionalID(r, c.shipmentID, &state.shipmentIDNames)
            // A shipment of an id seen for the first time repeats no earlier one.
            state.add(shipment, id: id, idIsNew: Int(id) >= known, file: fileIndex)
        case .payments:
            let payment = Payment(
                customer: try parser.id(r, c.customer, "customer_id", &state.customers),
                paymentDate: try parser.date(r, c.paymentDate, "payment_date"),
                amount: Money(minorUnits: try parser.number(r, c.amount, "amount", scale: 2)),
                order: parser.optionalID(r, c.orderID, &state.orders),
                invoice: parser.optionalID(r, c.invoice, &state.invoices),
                source: source)
            let known = state.paymentIDNames.count, id = parser.optionalID(r, c.paymentID, &state.paymentIDNames)
            state.add(payment, id: id, idIsNew: Int(id) >= known, file: fileIndex)
        case .customers:
            let customer = try parser.id(r, c.customer, "customer_id", &state.customers)
            var info = CustomerInfo()
            if c.customerName >= 0, !parser.isEmpty(r, c.customerName) { info.name = r.string(c.customerName) }
            info.region = parser.optionalID(r, c.region, &state.regions)
            info.salesperson = parser.optionalID(r, c.salesperson, &state.salespeople)
            info.creditLimit = try parser.optionalNumber(r, c.creditLimit, "credit_limit", scale: 2).map(Money.init(minorUnits:))
            if let days = try parser.optionalNumber(r, c.terms, "payment_terms_days", scale: 0) { info.paymentTermsDays = Int(days) }
            state.add(info, of: customer, file: fileIndex)
        }
    }

    /// The order-level fields of the order being read, from its lines so far in this file: grouped
    /// exports (Shopify, many ERPs) write them on an order's first line only.
    private struct OrderHead {
        var order: NameID
        var orderDate: Day?
        var customer = noName, customerName = noName, region = noName, salesperson = noName, channel = noName
        var promisedDate: Day?
        var cancelled: Bool?
    }
    private var head = OrderHead(order: noName)
    /// The first order read (`noName` before one): a piece read after another one continues
    /// exactly only when this order differs from the other's `lastOrder`.
    private(set) var firstOrder = noName
    /// The order whose fields are being filled down (`noName` before one).
    var lastOrder: NameID { head.order }

    /// `value` when the line has one, else the order's earlier line's (`filled` notes it).
    private static func orEarlier(_ value: NameID, _ stored: inout NameID, _ filled: inout Bool) -> NameID {
        if value != noName { stored = value; return value }
        if stored != noName { filled = true }
        return stored
    }

    private mutating func orderLine(_ r: CSVRecord, _ state: ImportState, _ source: SourceRef) throws(RowProblem) -> OrderLine {
        let known = state.orders.count
        let order = try parser.id(r, c.orderID, "order_id", &state.orders)
        if Int(order) >= known { state.beginFreshOrder(order) }
        if order != head.order { head = OrderHead(order: order) }
        if firstOrder == noName { firstOrder = order }
        var filled = false
        let lineNo = parser.optionalID(r, c.lineNo, &state.lineNumbers)
        let orderDate: Day
        if let earlier = head.orderDate, parser.isBlank(r, c.orderDate) { orderDate = earlier; filled = true }
        else { orderDate = try parser.date(r, c.orderDate, "order_date"); head.orderDate = orderDate }
        let customer: NameID
        if head.customer != noName, parser.isEmpty(r, c.customer) { customer = head.customer; filled = true }
        else { customer = try parser.id(r, c.customer, "customer_id", &state.customers); head.customer = customer }
        let sku = try parser.id(r, c.sku, "sku", &state.skus)
        let quantity = try parser.number(r, c.quantity, "quantity", scale: 3)
        let amount = try lineAmount(r, quantity: quantity)
        if let total = checks.totalColumn {
            var value: Int64?
            if !parser.isBlank(r, total), case .success(let v) = parser.numbers.parse(r[total], scale: 2) { value = v }
            checks.add(order: order, orderText: r.string(c.orderID), line: r.line, amount: amount, total: value)
        }
        var cost: Money?
        if let v = try parser.optionalNumber(r, c.cost, "cost", scale: 2) {
            cost = Money(minorUnits: v)
        } else if let unitCost = try parser.optionalNumber(r, c.unitCost, "unit_cost", scale: 6) {
            // quantity (×10³) × unit cost (×10⁶) → cents (×10²).
            cost = Money(minorUnits: roundedDivision(Int128(quantity) * Int128(unitCost), 10_000_000))
        }
        var promisedDate = try parser.optionalDate(r, c.promisedDate, "promised_date")
        if promisedDate == nil, let earlier = head.promisedDate { promisedDate = earlier; filled = true }
        head.promisedDate = promisedDate
        var cancelled = isCancelled(r)
        if parser.isEmpty(r, c.status), let earlier = head.cancelled { cancelled = earlier; filled = filled || c.status >= 0 }
        else if c.status >= 0 { head.cancelled = cancelled }
        let customerName = Self.orEarlier(parser.optionalID(r, c.customerName, &state.texts, expecting: state.customerName(customer)),
                                          &head.customerName, &filled)
        let region = Self.orEarlier(parser.optionalID(r, c.region, &state.regions), &head.region, &filled)
        let salesperson = Self.orEarlier(parser.optionalID(r, c.salesperson, &state.salespeople), &head.salesperson, &filled)
        let channel = Self.orEarlier(parser.optionalID(r, c.channel, &state.channels), &head.channel, &filled)
        let category = parser.optionalID(r, c.category, &state.categories)
        // Names come from the first line that has one (a customers master file wins over them).
        if !state.hasCustomerName(customer) {
            state.setCustomerName(customer, customerName)
        }
        if !state.hasProductName(sku) {
            state.setProduct(sku, name: parser.optionalID(r, c.productName, &state.texts), category: category)
        } else if category != noName {
            state.setProduct(sku, name: noName, category: category)
        }
        if filled { state.files[fileIndex].filledFromOrderLine += 1 }
        return OrderLine(
            order: order, lineNo: lineNo, orderDate: orderDate, promisedDate: promisedDate,
            customer: customer, sku: sku, region: region, salesperson: salesperson, channel: channel,
            category: category,
            quantity: Quantity(thousandths: quantity), amount: amount, cost: cost,
            isCancelled: cancelled, source: source)
    }

    /// The amount column, else quantity × unit_price × (1 − discount), rounded to the cent.
    /// A discount above 1 is read as a percentage (`5` = 5 %), as is one written with `%`.
    /// When the amount column has a value and the line also has a unit price, the two are compared
    /// (`MappingChecks`); a unit price or discount that cannot be read then only skips the check.
    private mutating func lineAmount(_ r: CSVRecord, quantity: Int64) throws(RowProblem) -> Money {
        if let v = try parser.optionalNumber(r, c.amount, "amount", scale: 2) {
            let amount = Money(minorUnits: v)
            if c.unitPrice >= 0, !parser.isBlank(r, c.unitPrice), let derived = try? derivedAmount(r, quantity: quantity) {
                checks.compare(amount: amount, derived: derived, line: r.line,
                               detail: "\(r.string(self.c.quantity)) × \(r.string(self.c.unitPrice))\(self.c.discount >= 0 && !self.parser.isBlank(r, self.c.discount) ? " less \(r.string(self.c.discount))" : "") = \(derived), amount \(amount)")
            }
            return amount
        }
        return try derivedAmount(r, quantity: quantity)
    }

    /// quantity × unit_price × (1 − discount), rounded to the cent.
    private func derivedAmount(_ r: CSVRecord, quantity: Int64) throws(RowProblem) -> Money {
        guard let price = try parser.optionalNumber(r, c.unitPrice, "unit_price", scale: 6) else {
            let column = c.amount >= 0 ? c.amount : c.unitPrice
            throw parser.problem(r, max(column, 0), "amount", "amount and unit_price are both empty")
        }
        var discount = try parser.optionalNumber(r, c.discount, "discount", scale: 6, allowPercent: true) ?? 0
        if discount > 1_000_000 { discount /= 100 }
        guard discount >= 0, discount <= 1_000_000 else {
            throw parser.problem(r, c.discount, "discount", "discount \"\(r.string(c.discount))\" is not between 0 and 100 %")
        }
        // quantity (×10³) × price (×10⁶) × (1 − discount) (×10⁶) → cents (×10²).
        let numerator = Int128(quantity) * Int128(price) * Int128(1_000_000 - discount)
        return Money(minorUnits: roundedDivision(numerator, 10_000_000_000_000))
    }

    private mutating func isCancelled(_ r: CSVRecord) -> Bool {
        let status = parser.optionalID(r, c.status, &statuses)
        guard status != noName else { return false }
        if let known = statusIsCancelled[status] { return known }
        let text = statuses[status].lowercased().trimmingCharacters(in: .whitespaces)
        let cancelled = cancelledValues.contains(text)
        statusIsCancelled[status] = cancelled
        return cancelled
    }
}
