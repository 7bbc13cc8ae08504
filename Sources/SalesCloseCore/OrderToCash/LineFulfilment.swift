/// How far each order line was shipped by a given day, from the matched shipments.
struct LineFulfilment {
    /// Indexed like `SalesData.orderLines`.
    var shippedQuantity: [Quantity]
    var shippedValue: [Money]
    /// The day the line's shipments first reached its ordered quantity, if they did by the day.
    var completedOn: [Day?]

    init(lines: [OrderLine], matching: ShipmentMatching, through day: Day) {
        shippedQuantity = Array(repeating: .zero, count: lines.count)
        shippedValue = Array(repeating: .zero, count: lines.count)
        completedOn = Array(repeating: nil, count: lines.count)
        for allocation in matching.allocations where allocation.date <= day {
            let i = allocation.line
            shippedQuantity[i] += allocation.quantity
            shippedValue[i] += allocation.value
            if completedOn[i] == nil && shippedQuantity[i] >= lines[i].quantity { completedOn[i] = allocation.date }
        }
    }
}

extension OrderLine {
    /// Not cancelled and with a positive quantity: the lines that are backlog and get delivered.
    var isDeliverable: Bool { !isCancelled && quantity > .zero }
}
