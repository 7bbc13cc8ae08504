extension ActualsFigures {
    /// Adds another month's figures of the same key. Order counts add up (an order falls in one
    /// month); distinct customers do not, so `customerCount` is left as it is.
    mutating func merge(_ other: ActualsFigures) {
        revenue += other.revenue
        quantity += other.quantity
        orderCount += other.orderCount
        costedRevenue += other.costedRevenue
        cost += other.cost
        costedLines += other.costedLines
        lines += other.lines
    }
}
