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
        let periodStart = period.firstDay
        var periodTotal = Figures()
        var periodOrders = Set<NameID>()
        var overdue: [OverdueLine] = []
        /// The promised date of a deliverable line ordered by the as-of day and promised in or
        /// before the period; nil for any other line.
        func promised(_ i: Int) -> Day? {
            let line = lines[i]
            guard line.isDeliverable && line.orderDate <= asOf, let promised = line.promisedDate, promised <= asOf else { return nil }
            return promised
        }
        /// A counted line's days late (nil when on time) and whether it is still partially shipped.
        func lateness(_ i: Int, promised: Day) -> (daysLate: Int?, isPartial: Bool) {
            guard let completed = fulfilment.completedOn[i] else { return (asOf.days(since: promised), true) }
            return (completed <= promised ? nil : completed.days(since: promised), false)
        }

        for i in lines.indices {
            guard let promised = promised(i) else { continue }
            let line = lines[i]
            if promised < asOf && fulfilment.shippedQuantity[i] < line.quantity {
                overdue.append(OverdueLine(line: i, daysOverdue: asOf.days(since: promised),
                                           shippedQuantity: fulfilment.shippedQuantity[i],
                                           openValue: line.amount - fulfilment.shippedValue[i]))
            }
            if fulfilment.shippedQuantity[i] > .zero && promised >= periodStart {
                let (daysLate, isPartial) = lateness(i, promised: promised)
                periodTotal.add(daysLate: daysLate, isPartial: isPartial)
                if periodOrders.insert(line.order).inserted { periodTotal.ordersShipped += 1 }
            }
        }

        // The shipped lines' figures by (month promised, level, key), a month at a time.
        let width = settings.levels.count
        var figures: [Figures] = []
        var orders: [NameID] = []
        var distinct = DistinctCounter()
        let cells = PeriodCells(lines: lines, levels: settings.levels, period: { i in
            fulfilment.shippedQuantity[i] > .zero ? promised(i)?.month.index : nil
        }) { group, cells, cellCount in
            let firstCell = figures.count
            figures.append(contentsOf: repeatElement(Figures(), count: cellCount - firstCell))
            orders.removeAll(keepingCapacity: true)
            for (k, i) in group.lazy.map(Int.init).enumerated() {
                let (daysLate, isPartial) = lateness(i, promised: lines[i].promisedDate!)
                orders.append(lines[i].order)
                for c in cells[k * width ..< (k + 1) * width] where c >= 0 {
                    figures[Int(c)].add(daysLate: daysLate, isPartial: isPartial)
                }
            }
            distinct.count(orders, cells: cells, width: width, firstCell: Int32(firstCell), cellCount: cellCount - firstCell) {
                figures[$0].ordersShipped += $1
            }
        }.cells

        let names = data.names
        let rank = KeyTextRank(cells.lazy.map { ($0.level, $0.key) }, names: names)
        self.rows = rank.order(count: cells.count) { (cells[$0].period, cells[$0].level, cells[$0].key) }.map { i in
            Row(month: Month(index: cells[i].period), level: cells[i].level, key: cells[i].key, figures: figures[i])
        }
        self.periodTotal = periodTotal
        func lineText(_ o: OverdueLine) -> (String, String) {
            (names.orders[lines[o.line].order], names.lineNumbers[lines[o.line].lineNo])
        }
        self.overdueLines = overdue.sorted {
            $0.daysOverdue != $1.daysOverdue ? $0.daysOverdue > $1.daysOverdue : lineText($0) < lineText($1)
        }
    }

}

