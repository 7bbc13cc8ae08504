import PropertyBased
@testable import SalesCloseCore

/// Random order-to-cash inputs for property tests: a few orders, customers and months from
/// January 2024 (a leap year), with returns, cancellations, partial, order-only, unknown-line and
/// negative shipments, and payments with and without an order.
enum RandomOrderToCashData {
    static let firstMonth = Month(year: 2024, month: 1)

    static var generator: Generator<SalesData, some Sequence & SendableMetatype> {
        let line = zip(Gen.int(in: 0...5), Gen.int(in: 0...2), Gen.int(in: 0...1), Gen.int(in: 0...5),
                       Gen.int(in: 1...29), Gen.int64(in: -2...8), Gen.int64(in: 1...99_999), Gen.bool(0.15),
                       Gen.int(in: 0...40))
        let shipment = zip(Gen.int(in: 0...6), Gen.int(in: 0...4), Gen.int(in: 0...6), Gen.int(in: 1...29),
                           Gen.int64(in: -2...9))
        let payment = zip(Gen.int(in: 0...3), Gen.int(in: 0...6), Gen.int(in: 1...29),
                          Gen.int64(in: -5_000...300_000), Gen.int(in: -1...6))
        return zip(line.array(of: 0...20), shipment.array(of: 0...25), payment.array(of: 0...10)).map { lines, shipments, payments in
            var b = OrderToCashDataBuilder()
            var linesInOrder = [Int](repeating: 0, count: 6)
            for (order, customer, region, month, dayOfMonth, quantity, unitCents, cancelled, promisedAfter) in lines {
                let ordered = date(month, dayOfMonth)
                linesInOrder[order] += 1
                b.line("O\(order)", "\(linesInOrder[order])", customer: "C\(customer)", sku: "P\(linesInOrder[order] % 2)",
                       region: "R\(region)", salesperson: "S\((customer + region) % 2)", ordered: ordered.description,
                       promised: ordered.adding(days: promisedAfter).description,
                       quantity: quantity, amount: quantity * unitCents, cancelled: cancelled)
            }
            for (order, lineChoice, month, dayOfMonth, quantity) in shipments {
                let on = date(month, dayOfMonth).description
                switch lineChoice {
                case 0: b.ship("O\(order)", on: on, quantity: quantity)
                case 1: b.ship("O\(order)", sku: "P\(dayOfMonth % 2)", on: on, quantity: quantity)
                default: b.ship("O\(order)", "\(lineChoice - 1)", on: on, quantity: quantity)
                }
            }
            for (customer, month, dayOfMonth, amount, order) in payments {
                b.pay("C\(customer)", on: date(month, dayOfMonth).description, amount: amount,
                      order: order < 0 ? nil : "O\(order)")
            }
            return b.data
        }
    }

    /// Day `dayOfMonth` of the month `offset` months after January 2024, clamped to the month's end.
    private static func date(_ offset: Int, _ dayOfMonth: Int) -> Day {
        let month = firstMonth.advanced(by: offset)
        return month.firstDay.adding(days: min(dayOfMonth, Day.daysIn(year: month.year, month: month.month)) - 1)
    }
}
