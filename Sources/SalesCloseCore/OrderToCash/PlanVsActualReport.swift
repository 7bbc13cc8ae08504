/// Planned vs actual deliveries, shipped value and collections of the period
/// (交货、请款及收款的预定额及本月实绩).
///
/// - deliveries: plan = amount of the deliverable lines ordered by the period's end and promised
///   in it; actual = value shipped on those lines by the period's last day (early shipments included).
/// - shipped_value: plan = the month's target, if any; actual = billed value of the period
///   (shipments of the month less returns booked in it, as in receivables).
/// - collections: plan = value of the shipments falling due in the period (ship date + payment
///   terms); actual = payments received in the period.
/// - achievement_rate = actual ÷ plan and gap = plan − actual, empty without a plan (rate also
///   when the plan is 0).
public struct PlanVsActualReport: Sendable {
    public enum Measure: String, Sendable, CaseIterable {
        case deliveries, shippedValue = "shipped_value", collections
    }

    public struct Row: Sendable, Equatable {
        public var measure: Measure
        public var plan: Money?
        public var actual: Money

        public var achievementRate: Double? {
            guard let plan, plan != .zero else { return nil }
            return actual.doubleValue / plan.doubleValue
        }
        public var gap: Money? { plan.map { $0 - actual } }
    }

    public let period: Month
    /// One row per measure, in `Measure` order.
    public let rows: [Row]

    public init(data: SalesData, matching: ShipmentMatching, period: Month, shippedValueTarget: Money?,
                settings: OrderToCashSettings = OrderToCashSettings()) {
        self.period = period
        let lines = data.orderLines
        let fulfilment = LineFulfilment(lines: lines, matching: matching, through: period.lastDay)

        var deliveries = Row(measure: .deliveries, plan: .zero, actual: .zero)
        var shipped = Row(measure: .shippedValue, plan: shippedValueTarget, actual: .zero)
        var collections = Row(measure: .collections, plan: .zero, actual: .zero)
        let days = period.firstDay ... period.lastDay
        for (i, line) in lines.enumerated() {
            if line.isDeliverable, line.orderDate <= days.upperBound, let promised = line.promisedDate, days.contains(promised) {
                deliveries.plan! += line.amount
                deliveries.actual += fulfilment.shippedValue[i]
            }
            if !line.isCancelled && line.quantity < .zero && days.contains(line.orderDate) {
                shipped.actual += line.amount
            }
        }
        for allocation in matching.allocations {
            if days.contains(allocation.date) { shipped.actual += allocation.value }
            let customer = lines[allocation.line].customer
            let due = allocation.date.adding(days: settings.paymentTermsDays(of: customer, in: data))
            if days.contains(due) { collections.plan! += allocation.value }
        }
        for payment in data.payments where days.contains(payment.paymentDate) {
            collections.actual += payment.amount
        }
        rows = [deliveries, shipped, collections]
    }

}
