/// Sales figures of one level key in one month (booking basis: non-cancelled lines by order date).
public struct ActualsFigures: Sendable, Equatable {
    public var revenue: Money = .zero
    public var quantity: Quantity = .zero
    /// Distinct orders with at least one counted line (交易笔数).
    public var orderCount = 0
    /// Distinct customers (来客数).
    public var customerCount = 0
    /// Revenue of the lines that carry a cost, and their cost.
    public var costedRevenue: Money = .zero
    public var cost: Money = .zero
    public var costedLines = 0
    public var lines = 0

    public init() {}

    /// revenue − cost over the lines that carry a cost; nil when no line has a cost.
    public var grossMargin: Money? { costedLines > 0 ? costedRevenue - cost : nil }

    /// 客单价: revenue ÷ order count, rounded to the cent; nil without orders.
    public var averageOrderValue: Money? {
        orderCount > 0 ? Money(minorUnits: roundedDivision(Int128(revenue.minorUnits), Int128(orderCount))) : nil
    }

    mutating func add(_ line: OrderLine) {
        revenue += line.amount
        quantity += line.quantity
        lines += 1
        if let c = line.cost {
            costedRevenue += line.amount
            cost += c
            costedLines += 1
        }
    }
}
