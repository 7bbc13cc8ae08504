/// Order backlog (订货受理余额) per month end and level: open ordered value not yet shipped.
///
/// - Backlog lines are the deliverable ones (positive quantity). A line enters as new orders in the
///   month of its order date, also when it is cancelled later; a cancelled line leaves as cancelled
///   in that same month, since exports do not date cancellations.
/// - Shipped = value of the matched shipments of the month (see `ShipmentMatching`); shipments of
///   cancelled lines are excluded there.
/// - Return lines (negative quantity) are not backlog: they reduce receivables at their order date.
/// - An over-shipment (reported by `ShipmentMatching`) takes its line's backlog below zero.
/// - opening + new_orders − shipped − cancelled = closing, and a month's closing is the next
///   month's opening. A level key has a row for every month from its first order through the
///   period in which any of these figures is not zero. Events after the period are ignored.
/// - book_to_bill = (new_orders − cancelled) ÷ shipped, empty when nothing shipped.
/// - Lines without a value for a level (no region, say) are left out of that level, as in actuals.
public struct BacklogReport: Sendable {
    public struct Row: Sendable, Equatable {
        public var month: Month
        public var level: ActualsLevel
        public var key: NameID
        public var opening: Money
        public var newOrders: Money
        public var shipped: Money
        public var cancelled: Money

        public var closing: Money { opening + newOrders - shipped - cancelled }

        /// Net orders booked (new − cancelled) per value shipped; nil when nothing shipped.
        public var bookToBill: Double? {
            shipped == .zero ? nil : (newOrders - cancelled).doubleValue / shipped.doubleValue
        }
    }

    public let period: Month
    /// Sorted by month, level and key text.
    public let rows: [Row]
    /// Closing backlog of the company at the end of the period, whatever the levels.
    public let closingTotal: Money

    public init(data: SalesData, matching: ShipmentMatching, period: Month,
                settings: OrderToCashSettings = OrderToCashSettings()) {
        self.period = period
        let lines = data.orderLines
        let asOf = period.lastDay
        let levels = settings.levels
        // The booked lines (deliverable or cancelled, ordered by the period's end) and the
        // shipments by then, and the first month of each level key k = keyStart[level] + key
        // among them (a shipment can be dated before its line, when its order's lines are not).
        func isBooked(_ line: OrderLine) -> Bool { line.quantity > .zero && line.orderDate <= asOf }
        let shipped = matching.allocations.lazy.filter { $0.date <= asOf }
        var keyStart = [0]
        for level in levels { keyStart.append(keyStart.last! + (level.dimension.map { data.names.table(for: $0).count } ?? 1)) }
        var first = [Int32](repeating: .max, count: keyStart.last!)
        func forEachKey(of line: OrderLine, _ body: (Int) -> Void) {
            for (l, level) in levels.enumerated() {
                let key = level.key(of: line)
                if key != noName { body(keyStart[l] + Int(key)) }
            }
        }
        for line in lines where isBooked(line) {
            let month = line.orderDate.month.index
            forEachKey(of: line) { first[$0] = min(first[$0], month) }
        }
        for allocation in shipped {
            let month = allocation.date.month.index
            forEachKey(of: lines[allocation.line]) { first[$0] = min(first[$0], month) }
        }
        // Each level key's flows for every month from its first through the period, consecutive:
        // level key k has its months at base[k] ..< base[k + 1].
        var base = [0]
        for k in first.indices { base.append(base[k] + (first[k] == .max ? 0 : Int(period.index - first[k]) + 1)) }
        var flows = [Flows](repeating: Flows(), count: base.last!)
        var closingTotal = Money.zero
        for line in lines where isBooked(line) {
            let month = line.orderDate.month.index
            let cancelled = line.isCancelled ? line.amount : .zero
            forEachKey(of: line) {
                flows[base[$0] + Int(month - first[$0])].newOrders += line.amount
                flows[base[$0] + Int(month - first[$0])].cancelled += cancelled
            }
            if !line.isCancelled { closingTotal += line.amount }
        }
        for allocation in shipped {
            let month = allocation.date.month.index
            forEachKey(of: lines[allocation.line]) { flows[base[$0] + Int(month - first[$0])].shipped += allocation.value }
            closingTotal -= allocation.value
        }

        // Month by month, level by level, keys by text, each key's closing the next month's opening.
        var booked: [(level: ActualsLevel, key: NameID, k: Int)] = []
        for l in levels.indices {
            for k in keyStart[l] ..< keyStart[l + 1] where first[k] != .max { booked.append((levels[l], NameID(k - keyStart[l]), k)) }
        }
        let rank = KeyTextRank(booked.lazy.map { (level: $0.level, key: $0.key) }, names: data.names)
        let byText = levels.indices.sorted { levels[$0] < levels[$1] }.map { l in
            booked.filter { $0.level == levels[l] }.sorted { rank[$0.level, $0.key] < rank[$1.level, $1.key] }
        }
        var opening = [Money](repeating: .zero, count: first.count)
        var rows: [Row] = []
        for month in (booked.lazy.map { first[$0.k] }.min() ?? period.index + 1) ..< period.index + 1 {
            for keys in byText {
                for (level, key, k) in keys where first[k] <= month {
                    let f = flows[base[k] + Int(month - first[k])]
                    let row = Row(month: Month(index: month), level: level, key: key, opening: opening[k],
                                  newOrders: f.newOrders, shipped: f.shipped, cancelled: f.cancelled)
                    if row.opening != .zero || f != Flows() || row.closing != .zero { rows.append(row) }
                    opening[k] = row.closing
                }
            }
        }
        self.rows = rows
        self.closingTotal = closingTotal
    }

}

private struct Flows: Equatable {
    var newOrders = Money.zero
    var shipped = Money.zero
    var cancelled = Money.zero
}
