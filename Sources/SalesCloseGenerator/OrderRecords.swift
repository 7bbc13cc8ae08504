/// Order line status as the ERP reports it.
enum LineStatus: Int, CaseIterable {
    case open, shipped, cancelled

    var english: String { switch self { case .open: "Open"; case .shipped: "Shipped"; case .cancelled: "Cancelled" } }
    var chinese: String { switch self { case .open: "未发货"; case .shipped: "已发货"; case .cancelled: "已取消" } }
}

/// An order number such as `SO2301-000123` (web-shop orders: `TM2301-000123`).
struct OrderID: Equatable {
    let isWebShop: Bool
    /// The order day; its year and month form the `YYMM` part.
    let day: Int
    let sequence: Int
}

struct OrderLine {
    let orderID: OrderID
    let lineNo: Int
    var day: Int { orderID.day }
    let customer: Int
    let product: Int
    var quantity: Int
    let unitPriceCents: Int
    /// Discount in hundredths (5 = 0.05).
    let discountHundredths: Int
    var amountCents: Int
    let unitCostCents: Int
    let promisedDay: Int
    var status: LineStatus

    /// quantity × unit price × (1 − discount), rounded half away from zero to the cent.
    static func amountCents(quantity: Int, unitPriceCents: Int, discountHundredths: Int) -> Int {
        let exact = quantity * unitPriceCents * (100 - discountHundredths)
        let rounded = (abs(exact) + 50) / 100
        return exact < 0 ? -rounded : rounded
    }
}

struct Shipment {
    let orderID: OrderID
    let lineNo: Int
    let product: Int
    let day: Int
    let quantity: Int
}

enum PaymentMethod: Int, CaseIterable {
    case bankTransfer, bankAcceptance, cheque, alipay

    var english: String { ["BankTransfer", "BankAcceptance", "Cheque", "Alipay"][rawValue] }
    var chinese: String { ["银行转账", "银行承兑汇票", "支票", "支付宝"][rawValue] }
}

struct Payment {
    let customer: Int
    let day: Int
    let amountCents: Int
    /// The order the payment settles; nil for a payment on account.
    let orderID: OrderID?
    let method: PaymentMethod
}

/// One simulated order with everything that happened to it up to the end of the data.
struct SimulatedOrder {
    var lines: [OrderLine] = []
    var shipments: [Shipment] = []
    var payments: [Payment] = []

    mutating func reset() {
        lines.removeAll(keepingCapacity: true)
        shipments.removeAll(keepingCapacity: true)
        payments.removeAll(keepingCapacity: true)
    }
}
