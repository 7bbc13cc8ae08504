/// Everything a run imported, typed and de-duplicated: the input of every calculation.
public struct SalesData: Sendable {
    /// The text behind each kind of `NameID`.
    public struct Names: Sendable {
        public var orders = NameTable()
        public var lineNumbers = NameTable()
        public var customers = NameTable()
        public var skus = NameTable()
        public var regions = NameTable()
        public var salespeople = NameTable()
        public var channels = NameTable()
        public var categories = NameTable()
        public var invoices = NameTable()
        public init() {}

        public func table(for dimension: Dimension) -> NameTable {
            switch dimension {
            case .region: regions
            case .salesperson: salespeople
            case .channel: channels
            case .category: categories
            case .sku: skus
            case .customer: customers
            }
        }
    }

    public var names = Names()
    public var orderLines: [OrderLine] = [] {
        didSet { orderMonthRange = Self.monthRange(of: orderLines) }
    }
    /// The first and last month with an order line, or nil when there are none; kept with
    /// `orderLines`, since most reports start from it.
    public private(set) var orderMonthRange: ClosedRange<Month>?
    public var shipments: [Shipment] = []
    public var payments: [Payment] = []
    /// Indexed by customer `NameID`.
    public var customers: [CustomerInfo] = []
    /// Indexed by SKU `NameID`.
    public var products: [ProductInfo] = []

    public init() {}

    public func customerName(_ id: NameID) -> String {
        id >= 0 && Int(id) < customers.count ? customers[Int(id)].name ?? "" : ""
    }
    public func productName(_ id: NameID) -> String {
        id >= 0 && Int(id) < products.count ? products[Int(id)].name ?? "" : ""
    }

    private static func monthRange(of lines: [OrderLine]) -> ClosedRange<Month>? {
        guard var lo = lines.first?.orderDate, var hi = lines.first?.orderDate else { return nil }
        for line in lines {
            if line.orderDate < lo { lo = line.orderDate }
            if line.orderDate > hi { hi = line.orderDate }
        }
        return lo.month...hi.month
    }
}
