/// Renders simulated records as CSV rows in the layouts of the source systems.
/// Customer and product fields are encoded once up front, so a row is mostly byte copies.
struct ExportRows {
    /// English ERP export, or the Chinese web-shop/Excel export with Excel dates and Chinese statuses.
    enum Dialect { case english, chinese }

    static let orderHeader = ["order_id", "line_no", "order_date", "customer_id", "customer_name", "region",
                              "salesperson", "channel", "sku", "product_name", "category", "quantity", "unit_price",
                              "discount", "amount", "unit_cost", "currency", "promised_date", "status"]
    static let chineseOrderHeader = ["订单号", "行号", "下单日期", "客户编号", "客户名称", "大区", "销售员", "渠道", "产品编码",
                                     "产品名称", "品类", "数量", "单价", "折扣", "金额", "单位成本", "币种", "承诺交期", "状态"]
    static let shipmentHeader = ["shipment_id", "order_id", "line_no", "sku", "ship_date", "quantity"]
    static let paymentHeader = ["payment_id", "customer_id", "payment_date", "amount", "order_id", "method"]
    static let chinesePaymentHeader = ["收款单号", "客户编号", "收款日期", "收款金额", "订单号", "付款方式"]
    static let customerHeader = ["customer_id", "customer_name", "region", "salesperson", "credit_limit", "payment_terms_days"]

    let world: World
    let dates: DateTextTable
    /// `customer_id,customer_name,region,salesperson,channel` per customer.
    private let customerFields: [[UInt8]]
    private let customerIDs: [[UInt8]]
    /// `sku,product_name,category` per product.
    private let productFields: [[UInt8]]
    private let skus: [[UInt8]]
    private let currency = Array(",CNY,".utf8)
    private let englishStatuses = LineStatus.allCases.map { Array($0.english.utf8) }
    private let chineseStatuses = LineStatus.allCases.map { Array($0.chinese.utf8) }
    private let englishMethods = PaymentMethod.allCases.map { Array($0.english.utf8) }
    private let chineseMethods = PaymentMethod.allCases.map { Array($0.chinese.utf8) }

    init(world: World, dates: DateTextTable) {
        self.world = world
        self.dates = dates
        customerIDs = world.customers.map { CSVByteWriter.field($0.id) }
        customerFields = world.customers.map { customer in
            [customer.id, customer.name, world.regions[customer.region].name,
             world.salespeople[customer.salesperson].name, customer.channel.name]
                .map(CSVByteWriter.field).joined(separator: [UInt8(ascii: ",")]).map { $0 }
        }
        skus = world.products.map { CSVByteWriter.field($0.sku) }
        productFields = world.products.map { product in
            [product.sku, product.name, world.categories[product.category].name]
                .map(CSVByteWriter.field).joined(separator: [UInt8(ascii: ",")]).map { $0 }
        }
    }

    func date(_ day: Int, _ dialect: Dialect, to writer: CSVByteWriter) {
        switch dialect {
        case .english: dates.appendISO(day, to: &writer.buffer)
        case .chinese: dates.appendExcel(day, to: &writer.buffer)
        }
    }

    func orderID(_ id: OrderID, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: id.isWebShop ? "T" : "S"))
        buffer.append(UInt8(ascii: id.isWebShop ? "M" : "O"))
        dates.appendYearMonth(id.day, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        Self.zeroPadded(id.sequence, width: 6, to: &buffer)
    }

    func orderIDText(_ id: OrderID) -> String {
        var bytes: [UInt8] = []
        orderID(id, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Zero-padded decimal number (`000123`), used for ids.
    static func zeroPadded(_ value: Int, width: Int, to buffer: inout [UInt8]) {
        var digits = 1
        var rest = value / 10
        while rest > 0 { digits += 1; rest /= 10 }
        for _ in digits..<max(digits, width) { buffer.append(UInt8(ascii: "0")) }
        buffer.appendDecimal(value)
    }

    func orderLine(_ line: OrderLine, _ dialect: Dialect, to writer: CSVByteWriter) {
        orderID(line.orderID, to: &writer.buffer)
        writer.comma()
        writer.int(line.lineNo)
        writer.comma()
        date(line.day, dialect, to: writer)
        writer.comma()
        writer.raw(customerFields[line.customer])
        writer.comma()
        writer.raw(productFields[line.product])
        writer.comma()
        writer.int(line.quantity)
        writer.comma()
        writer.hundredths(line.unitPriceCents)
        writer.comma()
        writer.hundredths(line.discountHundredths)
        writer.comma()
        writer.hundredths(line.amountCents)
        writer.comma()
        writer.hundredths(line.unitCostCents)
        writer.raw(currency)
        date(line.promisedDay, dialect, to: writer)
        writer.comma()
        writer.raw(dialect == .english ? englishStatuses[line.status.rawValue] : chineseStatuses[line.status.rawValue])
        writer.endRow()
    }

    func shipment(_ shipment: Shipment, number: Int, to writer: CSVByteWriter) {
        writer.buffer.append(contentsOf: [UInt8(ascii: "S"), UInt8(ascii: "H")])
        Self.zeroPadded(number, width: 8, to: &writer.buffer)
        writer.comma()
        orderID(shipment.orderID, to: &writer.buffer)
        writer.comma()
        writer.int(shipment.lineNo)
        writer.comma()
        writer.raw(skus[shipment.product])
        writer.comma()
        dates.appendISO(shipment.day, to: &writer.buffer)
        writer.comma()
        writer.int(shipment.quantity)
        writer.endRow()
    }

    func payment(_ payment: Payment, number: Int, _ dialect: Dialect, to writer: CSVByteWriter) {
        writer.buffer.append(contentsOf: [UInt8(ascii: "P"), UInt8(ascii: "M")])
        Self.zeroPadded(number, width: 8, to: &writer.buffer)
        writer.comma()
        writer.raw(customerIDs[payment.customer])
        writer.comma()
        date(payment.day, dialect, to: writer)
        writer.comma()
        writer.hundredths(payment.amountCents)
        writer.comma()
        if let id = payment.orderID { orderID(id, to: &writer.buffer) }
        writer.comma()
        writer.raw(dialect == .english ? englishMethods[payment.method.rawValue] : chineseMethods[payment.method.rawValue])
        writer.endRow()
    }

    func customer(_ index: Int, creditLimitCents: Int, to writer: CSVByteWriter) {
        let customer = world.customers[index]
        writer.raw(customerIDs[index])
        writer.comma()
        writer.text(customer.name)
        writer.comma()
        writer.text(world.regions[customer.region].name)
        writer.comma()
        writer.text(world.salespeople[customer.salesperson].name)
        writer.comma()
        writer.hundredths(creditLimitCents)
        writer.comma()
        writer.int(customer.paymentTermsDays)
        writer.endRow()
    }
}
