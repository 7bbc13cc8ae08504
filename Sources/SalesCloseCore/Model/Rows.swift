/// One order line after import: mapped, typed and derived (amount and cost always present).
public struct OrderLine: Sendable {
    public var order: NameID
    /// line_no when the export has one, else `noName`. The line's identity is (order, line_no)
    /// or, without a line number, (order, sku).
    public var lineNo: NameID
    public var orderDate: Day
    public var promisedDate: Day?
    public var customer: NameID
    public var sku: NameID
    public var region: NameID
    public var salesperson: NameID
    public var channel: NameID
    public var category: NameID
    /// Negative for a return.
    public var quantity: Quantity
    /// Net line amount (after discount).
    public var amount: Money
    /// Line cost; nil when the export has neither cost nor unit_cost.
    public var cost: Money?
    public var isCancelled: Bool
    public var source: SourceRef

    public init(order: NameID, lineNo: NameID = noName, orderDate: Day, promisedDate: Day? = nil,
                customer: NameID, sku: NameID, region: NameID = noName, salesperson: NameID = noName,
                channel: NameID = noName, category: NameID = noName, quantity: Quantity, amount: Money,
                cost: Money? = nil, isCancelled: Bool = false, source: SourceRef) {
        self.order = order; self.lineNo = lineNo; self.orderDate = orderDate
        self.promisedDate = promisedDate; self.customer = customer; self.sku = sku
        self.region = region; self.salesperson = salesperson; self.channel = channel
        self.category = category; self.quantity = quantity; self.amount = amount
        self.cost = cost; self.isCancelled = isCancelled; self.source = source
    }

    /// The value of one grouping dimension on this line (`noName` when unknown).
    public func value(of dimension: Dimension) -> NameID {
        switch dimension {
        case .region: region
        case .salesperson: salesperson
        case .channel: channel
        case .category: category
        case .sku: sku
        case .customer: customer
        }
    }
}

/// One shipment row, matched to its order line after import by (order, line_no), else
/// (order, sku), else the order alone.
public struct Shipment: Sendable {
    public var order: NameID
    /// The order line number when given (same table as `OrderLine.lineNo`), else `noName`.
    public var lineNo: NameID
    /// The SKU when given, else `noName`.
    public var sku: NameID
    public var shipDate: Day
    public var quantity: Quantity
    /// Shipped value as exported, if any; otherwise valued from the order line.
    public var amount: Money?
    public var source: SourceRef

    public init(order: NameID, lineNo: NameID = noName, sku: NameID = noName, shipDate: Day,
                quantity: Quantity, amount: Money? = nil, source: SourceRef) {
        self.order = order; self.lineNo = lineNo; self.sku = sku; self.shipDate = shipDate
        self.quantity = quantity; self.amount = amount; self.source = source
    }
}

/// One payment received from a customer.
public struct Payment: Sendable {
    public var customer: NameID
    public var paymentDate: Day
    public var amount: Money
    /// The order the payment names, or `noName`.
    public var order: NameID
    /// The invoice the payment names, or `noName`.
    public var invoice: NameID
    public var source: SourceRef

    public init(customer: NameID, paymentDate: Day, amount: Money, order: NameID = noName,
                invoice: NameID = noName, source: SourceRef) {
        self.customer = customer; self.paymentDate = paymentDate; self.amount = amount
        self.order = order; self.invoice = invoice; self.source = source
    }
}

/// Master data of one customer (from a customers file, or names seen on orders).
public struct CustomerInfo: Sendable, Equatable {
    public var name: String?
    public var region: NameID = noName
    public var salesperson: NameID = noName
    public var creditLimit: Money?
    public var paymentTermsDays: Int?
    public init(name: String? = nil, region: NameID = noName, salesperson: NameID = noName,
                creditLimit: Money? = nil, paymentTermsDays: Int? = nil) {
        self.name = name; self.region = region; self.salesperson = salesperson
        self.creditLimit = creditLimit; self.paymentTermsDays = paymentTermsDays
    }
}

/// What the orders say about a product.
public struct ProductInfo: Sendable, Equatable {
    public var name: String?
    public var category: NameID = noName
    public init(name: String? = nil, category: NameID = noName) { self.name = name; self.category = category }
}
