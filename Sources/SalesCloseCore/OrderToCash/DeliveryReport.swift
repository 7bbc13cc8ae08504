/// Delivery against promised dates (交货期) per month of the promised date and level, and the
/// open lines already past their promised date.
///
/// - Counted lines are the deliverable ones with a promised date in or before the period and at
///   least one shipment by the as-of day (the period's last day); lines without a promised date
///   cannot be judged and are left out. Overdue lines are those ordered by the as-of day, promised
///   before it and not fully shipped.
/// - The rule, also written in the `on_time_rule` column: a line is on time only if its shipments
///   reach the ordered quantity on or before the promised date. Every other counted line is late,
///   by the days from the promised date to the day it was complete, or to the as-of day while it
///   is still partially shipped.
public struct DeliveryReport: Sendable {
    public static let onTimeRule = "on time = fully shipped on or before the promised date"

    public struct Figures: Sendable, Equatable {
        public var linesShipped = 0
        public var onTime = 0
        /// Late lines that are still partially shipped at the as-of day.
        public var partial = 0
        public var totalDaysLate = 0
        public var maxDaysLate = 0
        public var ordersShipped = 0

        public var late: Int { linesShipped - onTime }
        /// On-time lines ÷ shipped lines; nil without shipped lines.
        public var onTimeRate: Double? { linesShipped > 0 ? Double(onTime) / Double(linesShipped) : nil }
        /// nil without late lines.
        public var averageDaysLate: Double? { late > 0 ? Double(totalDaysLate) / Double(late) : nil }

        mutating func add(daysLate: Int?, isPartial: Bool) {
            linesShipped += 1
            guard let daysLate else { onTime += 1; return }
            totalDaysLate += daysLate
            maxDaysLate = max(maxDaysLate, daysLate)
            if isPartial { partial += 1 }
        }
    }

    public struct Row: Sendable, Equatable {
        public var month: Month
        public var level: ActualsLevel
        public var key: NameID
        public var figures: Figures
    }

    /// An open deliverable line whose promised date is before the as-of day.
    public struct OverdueLine: Sendable, Equatable {
        /// Index in `SalesData.orderLines`.
        public var line: Int
        public var daysOverdue: Int
        public var shippedQuantity: Quantity
        public var openValue: Money
    }

    public let period: Month
    /// Sorted by month, level and key text.
    public let rows: [Row]
    /// Company figures of the lines promised in the period, whatever the levels.
    public let periodTotal: Figures
    /// Most days overdue first, then by order and line.
    public let overdueLines: [OverdueLine]

    public init(data: SalesData, matching: ShipmentMatching, period: Month,
                settings: OrderToCashSettings = OrderToCashSettings()) {
        self.period = period
        let asOf = period.lastDay
        let lines = data.orderLines
        let fulfilment = LineFulfilment(lines: lines, matching: matching, through: asOf)
        // (month, level, key) → its figures, in first-seen order; (figures slot, order) pairs seen.
        var index = FlatIndex<UInt64>(capacity: 4096)
        var cells: [(month: Month, levelKey: LevelKey, figures: Figures)] = []
        var orders = FlatIndex<UInt64>(capacity: 4096)
        var periodTotal = Figures()
        var periodOrders = Set<NameID>()
        var overdue: [OverdueLine] = []

        for (i, line) in lines.enumerated() where line.isDeliverable && line.orderDate <= asOf {
            guard let promised = line.promisedDate, promised.month <= period else { continue }
            if promised < asOf && fulfilment.shippedQuantity[i] < line.quantity {
                overdue.append(OverdueLine(line: i, daysOverdue: asOf.days(since: promised),
                                           shippedQuantity: fulfilment.shippedQuantity[i],
                                           openValue: line.amount - fulfilment.shippedValue[i]))
            }
            guard fulfilment.shippedQuantity[i] > .zero else { continue }
            let completed = fulfilment.completedOn[i]
            let daysLate: Int?
            if let completed {
                daysLate = completed <= promised ? nil : completed.days(since: promised)
            } else {
                daysLate = asOf.days(since: promised)
            }
            for level in settings.levels {
                let key = level.key(of: line)
                guard key != noName else { continue }
                let levelKey = LevelKey(level: level, key: key)
                let slot = index.index(of: levelKey.packed(in: promised.month)) {
                    cells.append((promised.month, levelKey, Figures()))
                    return Int32(cells.count - 1)
                }
                cells[Int(slot)].figures.add(daysLate: daysLate, isPartial: completed == nil)
                let slotOrder = UInt64(UInt32(bitPattern: slot)) << 32 | UInt64(UInt32(bitPattern: line.order))
                if orders[slotOrder] == nil {
                    orders.insert(slotOrder, 0)
                    cells[Int(slot)].figures.ordersShipped += 1
                }
            }
            if promised.month == period {
                periodTotal.add(daysLate: daysLate, isPartial: completed == nil)
                if periodOrders.insert(line.order).inserted { periodTotal.ordersShipped += 1 }
            }
        }

        let names = data.names
        let rank = KeyTextRank(cells.lazy.map { ($0.levelKey.level, $0.levelKey.key) }, names: names)
        self.rows = cells.map { c in
            (Row(month: c.month, level: c.levelKey.level, key: c.levelKey.key, figures: c.figures),
             rank[c.levelKey.level, c.levelKey.key])
        }
        .sorted { ($0.0.month, $0.0.level, $0.1) < ($1.0.month, $1.0.level, $1.1) }
        .map(\.0)
        self.periodTotal = periodTotal
        func lineText(_ o: OverdueLine) -> (String, String) {
            (names.orders[lines[o.line].order], names.lineNumbers[lines[o.line].lineNo])
        }
        self.overdueLines = overdue.sorted {
            $0.daysOverdue != $1.daysOverdue ? $0.daysOverdue > $1.daysOverdue : lineText($0) < lineText($1)
        }
    }

}

