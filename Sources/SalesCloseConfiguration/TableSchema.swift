/// The kinds of input table, with their canonical fields and the headers that map to them
/// without configuration. Aliases are compared after `normalizedHeader` (case, spaces,
/// `_`, `-` and full-width forms ignored).
public enum TableKind: String, CaseIterable, Sendable, Comparable {
    case orders, shipments, payments, customers

    public static func < (a: TableKind, b: TableKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Fields every file of this kind must map. `amount or unit_price` is checked separately.
    public var requiredFields: [String] {
        switch self {
        case .orders: ["order_id", "order_date", "customer_id", "sku", "quantity"]
        case .shipments: ["order_id", "ship_date", "quantity"]
        case .payments: ["customer_id", "payment_date", "amount"]
        case .customers: ["customer_id"]
        }
    }

    public var optionalFields: [String] {
        switch self {
        case .orders: ["line_no", "customer_name", "region", "salesperson", "channel", "product_name", "category",
                       "unit_price", "discount", "amount", "cost", "unit_cost", "currency", "promised_date", "status"]
        case .shipments: ["shipment_id", "line_no", "sku", "amount"]
        case .payments: ["payment_id", "order_id", "invoice_id", "method"]
        case .customers: ["customer_name", "region", "salesperson", "credit_limit", "payment_terms_days"]
        }
    }

    public var fields: [String] { requiredFields + optionalFields }

    /// Built-in English and Chinese header aliases of each canonical field in this table.
    public func aliases(of field: String) -> [String] {
        var list = [field] + (commonAliases[field] ?? [])
        switch (self, field) {
        case (.shipments, "quantity"): list += ["shipped quantity", "ship qty", "发货数量", "出库数量"]
        case (.shipments, "amount"): list += ["shipped amount", "发货金额", "出库金额"]
        case (.payments, "amount"): list += ["payment amount", "amount paid", "total", "收款金额", "回款金额", "到账金额"]
        case (.orders, "amount"): list += ["line amount", "net amount", "sales amount", "lineitem amount", "金额", "销售额", "销售金额", "行金额"]
        default: break
        }
        return list.map(normalizedHeader)
    }
}

private let commonAliases: [String: [String]] = [
    "order_id": ["order", "order no", "order number", "order #", "so number", "订单号", "订单编号", "单号", "销售订单号", "销售单号", "单据编号", "单据号"],
    "line_no": ["line", "line number", "order line", "order line number", "item no", "行号", "订单行号", "项次"],
    "order_date": ["date", "order date", "booking date", "created at", "订单日期", "下单日期", "日期", "签单日期", "单据日期", "制单日期"],
    "customer_id": ["customer", "customer no", "customer number", "customer code", "client id", "客户编号", "客户代码", "客户编码", "客户号"],
    "customer_name": ["customer name", "client", "client name", "billing name", "客户名称", "客户", "客户名"],
    "region": ["area", "territory", "sales region", "区域", "大区", "地区", "片区"],
    "salesperson": ["sales rep", "salesrep", "sales person", "seller", "owner", "销售员", "业务员", "销售代表", "销售"],
    "channel": ["sales channel", "渠道", "销售渠道"],
    "sku": ["product", "product id", "product code", "item", "item code", "material", "lineitem sku", "产品编码", "产品代码", "商品编码", "物料编码", "货号", "产品编号", "存货编码", "物料代码", "商品代码"],
    "product_name": ["product name", "item name", "description", "lineitem name", "产品名称", "商品名称", "品名", "产品", "存货名称", "物料名称"],
    "category": ["product category", "product line", "product group", "品类", "类别", "产品类别", "产品线", "大类"],
    "quantity": ["qty", "units", "quantity ordered", "lineitem quantity", "数量", "订购数量", "销量"],
    "unit_price": ["price", "unit price", "price each", "lineitem price", "单价", "销售单价", "无税单价"],
    "discount": ["discount rate", "折扣", "折扣率"],
    "amount": ["value"],
    "cost": ["line cost", "total cost", "cogs", "成本", "成本金额", "总成本"],
    "unit_cost": ["unit cost", "cost each", "buy price", "单位成本", "成本单价", "进价"],
    "currency": ["currency code", "币种", "货币"],
    "promised_date": ["promise date", "required date", "due date", "requested date", "delivery date", "承诺交期", "交期", "交货日期", "要求交期", "承诺日期"],
    "status": ["order status", "line status", "状态", "订单状态", "单据状态"],
    "shipment_id": ["shipment", "shipment no", "delivery no", "delivery id", "发货单号", "出库单号"],
    "ship_date": ["shipped date", "shipping date", "delivery date", "发货日期", "出库日期", "交货日期"],
    "payment_id": ["payment", "payment no", "check number", "cheque number", "receipt no", "收款单号", "回款单号"],
    "payment_date": ["date", "paid date", "receipt date", "收款日期", "回款日期", "到账日期"],
    "invoice_id": ["invoice", "invoice no", "invoice number", "发票号", "发票号码"],
    "method": ["payment method", "付款方式", "收款方式"],
    "credit_limit": ["credit", "credit line", "信用额度", "授信额度"],
    "payment_terms_days": ["payment terms", "terms", "terms days", "账期", "账期天数", "帐期", "付款天数"],
]

/// Headers of order-level totals (`Total`, `Subtotal`, `合计`, `金额合计`, `订单金额` …), compared
/// after `normalizedHeader`: on a line-item export they hold the whole order's value, usually on
/// its first line only, so they never become a line's `amount` without an explicit mapping.
public let orderTotalHeaders: Set<String> = Set([
    "total", "subtotal", "sub total", "order total", "grand total", "total amount", "order amount", "total price",
    "合计", "金额合计", "总计", "总金额", "合计金额", "订单金额", "订单总额", "订单总金额", "价税合计", "实付金额", "应付金额",
].map(normalizedHeader))

/// Lower-cased, with ASCII and full-width spaces, `_`, `-` and a BOM removed and full-width
/// ASCII folded, so `Order ID`, `order_id` and `ＯＲＤＥＲ＿ＩＤ` compare equal.
public func normalizedHeader(_ header: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in header.unicodeScalars {
        var v = scalar.value
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }               // full-width ASCII
        if v == 0x20 || v == 0x3000 || v == 0x5F || v == 0x2D || v == 0xFEFF || v == 0x09 { continue }
        if v >= 0x41 && v <= 0x5A { v += 0x20 }
        out.append(Unicode.Scalar(v)!)
    }
    return String(out)
}
