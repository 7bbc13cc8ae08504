/// Everything the sample simulation produced, held in memory (the sample is small).
struct SampleHistory {
    var lines: [OrderLine] = []
    var shipments: [Shipment] = []
    var payments: [Payment] = []

    /// Ships two cancelled 2025 lines anyway — an ERP inconsistency a report should surface.
    /// Returns the lines concerned.
    mutating func shipSomeCancelledLines() -> [OrderLine] {
        let chosen = lines.filter {
            $0.status == .cancelled && !$0.orderID.isWebShop && CivilCalendar.date($0.day).year == 2025
        }.prefix(2)
        for line in chosen {
            shipments.append(Shipment(orderID: line.orderID, lineNo: line.lineNo, product: line.product,
                                      day: line.promisedDay - 2, quantity: line.quantity))
        }
        return Array(chosen)
    }

    /// Sorts shipments and payments by date, keeping generation order within a day.
    mutating func sortEventsByDay() {
        shipments = Self.sortedByDay(shipments, day: \.day)
        payments = Self.sortedByDay(payments, day: \.day)
    }

    private static func sortedByDay<T>(_ items: [T], day: KeyPath<T, Int>) -> [T] {
        items.enumerated()
            .sorted { ($0.element[keyPath: day], $0.offset) < ($1.element[keyPath: day], $1.offset) }
            .map(\.element)
    }
}
