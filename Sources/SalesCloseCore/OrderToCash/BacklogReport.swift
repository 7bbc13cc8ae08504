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
        // (month, level, key) → its flows, in first-seen order.
        var index = FlatIndex<UInt64>(capacity: 4096)
        var cells: [(levelKey: LevelKey, month: Month, flows: Flows)] = []
        var closingTotal = Money.zero
        func add(_ line: OrderLine, in month: Month, _ change: (inout Flows) -> Void) {
            for level in settings.levels {
                let key = level.key(of: line)
                guard key != noName else { continue }
                let levelKey = LevelKey(level: level, key: key)
                let i = index.index(of: levelKey.packed(in: month)) {
                    cells.append((levelKey, month, Flows()))
                    return Int32(cells.count - 1)
                }
                change(&cells[Int(i)].flows)
            }
        }
        for line in lines where line.isDeliverable && line.orderDate.month <= period {
            add(line, in: line.orderDate.month) { $0.newOrders += line.amount }
            closingTotal += line.amount
        }
        for line in lines where line.isCancelled && line.quantity > .zero && line.orderDate.month <= period {
            add(line, in: line.orderDate.month) { $0.newOrders += line.amount; $0.cancelled += line.amount }
        }
        for allocation in matching.allocations where allocation.date.month <= period {
            add(lines[allocation.line], in: allocation.date.month) { $0.shipped += allocation.value }
            closingTotal -= allocation.value
        }

        var rows: [(row: Row, rank: Int32)] = []
        var firstMonth: [LevelKey: Month] = [:]
        for cell in cells { firstMonth[cell.levelKey] = min(firstMonth[cell.levelKey] ?? cell.month, cell.month) }
        let rank = KeyTextRank(firstMonth.keys.lazy.map { ($0.level, $0.key) }, names: data.names)
        for (levelKey, first) in firstMonth {
            let keyRank = rank[levelKey.level, levelKey.key]
            var opening = Money.zero
            for month in first...period {
                let f = index[levelKey.packed(in: month)].map { cells[Int($0)].flows } ?? Flows()
                let row = Row(month: month, level: levelKey.level, key: levelKey.key, opening: opening,
                              newOrders: f.newOrders, shipped: f.shipped, cancelled: f.cancelled)
                if row.opening != .zero || f != Flows() || row.closing != .zero { rows.append((row, keyRank)) }
                opening = row.closing
            }
        }
        rows.sort { ($0.row.month, $0.row.level, $0.rank) < ($1.row.month, $1.row.level, $1.rank) }
        self.rows = rows.map(\.row)
        self.closingTotal = closingTotal
    }

}

private struct Flows: Equatable {
    var newOrders = Money.zero
    var shipped = Money.zero
    var cancelled = Money.zero
}
