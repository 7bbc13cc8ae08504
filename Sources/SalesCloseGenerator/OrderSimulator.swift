/// Simulates order lines day by day, with their shipments and the customer's payments,
/// as they stand at the end of the data. Orders are produced in date order, one at a time,
/// so arbitrarily large outputs stream through a fixed amount of memory.
struct OrderSimulator {
    struct Plan {
        let firstDay: Int
        /// The export date: nothing ships and nothing is paid after this day.
        let lastDay: Int
        /// Days from here on carry only a trickle of orders (the incomplete last month).
        let taperFrom: Int
        /// Exactly this many order lines are produced.
        let orderLines: Int
        /// Web-shop (Online) orders from this day on get `TM` order numbers.
        let webShopNumbersFrom: Int?
    }

    static let returnOrderShare = 0.025
    static let cancelledLineShare = 0.02
    static let backorderShare = 0.003
    static let partialShipmentShare = 0.05
    static let lateShipmentShare = 0.10

    let world: World
    let plan: Plan
    private var rng: SplitMix64
    private let linesPerOrder = WeightedPicker(weights: [0.30, 0.25, 0.20, 0.15, 0.10])
    /// Net revenue (cents) per customer over the last 365 days of the data, for credit limits.
    private(set) var lastYearRevenueCents: [Int]

    init(world: World, plan: Plan, rng: SplitMix64) {
        self.world = world
        self.plan = plan
        self.rng = rng
        lastYearRevenueCents = [Int](repeating: 0, count: world.customers.count)
    }

    /// Runs the whole simulation, handing each order to `emit` in date order.
    mutating func run(_ emit: (SimulatedOrder) throws -> Void) rethrows {
        let weights = DemandCalendar.weights(firstDay: plan.firstDay, lastDay: plan.lastDay, taperFrom: plan.taperFrom)
        let totalWeight = weights.reduce(0, +)
        var cumulativeWeight = 0.0
        var produced = 0
        var order = SimulatedOrder()
        var month = -1
        var sequences = (sales: 0, webShop: 0)
        for (offset, weight) in weights.enumerated() {
            let day = plan.firstDay + offset
            cumulativeWeight += weight
            let target = offset == weights.count - 1 ? plan.orderLines
                : Int((Double(plan.orderLines) * cumulativeWeight / totalWeight).rounded())
            let date = CivilCalendar.date(day)
            if date.month != month {
                month = date.month
                sequences = (0, 0)
            }
            let yearOffset = date.year - world.firstYear
            while produced < target {
                order.reset()
                let customer = pickCustomer(on: day)
                let isWebShop = world.customers[customer].channel == .online
                    && plan.webShopNumbersFrom.map { day >= $0 } == true
                let sequence: Int
                if isWebShop { sequences.webShop += 1; sequence = sequences.webShop } else { sequences.sales += 1; sequence = sequences.sales }
                let id = OrderID(isWebShop: isWebShop, day: day, sequence: sequence)
                if rng.chance(Self.returnOrderShare) {
                    addReturnLine(id: id, customer: customer, yearOffset: yearOffset, to: &order)
                } else {
                    addLines(id: id, customer: customer, yearOffset: yearOffset,
                             maximum: target - produced, to: &order)
                }
                addPayments(for: &order, customer: customer)
                if day > plan.lastDay - 365 {
                    for line in order.lines where line.status != .cancelled {
                        lastYearRevenueCents[customer] += line.amountCents
                    }
                }
                produced += order.lines.count
                try emit(order)
            }
        }
    }

    /// A customer by popularity, among those already trading on `day`.
    private mutating func pickCustomer(on day: Int) -> Int {
        while true {
            let candidate = world.customerPicker.pick(&rng)
            if world.customers[candidate].firstDay <= day { return candidate }
        }
    }

    private mutating func pickProduct(on day: Int, avoiding order: SimulatedOrder) -> Int {
        while true {
            let candidate = world.productPicker.pick(&rng)
            if world.products[candidate].launchDay <= day && !order.lines.contains(where: { $0.product == candidate }) {
                return candidate
            }
        }
    }

    private mutating func addLines(id: OrderID, customer: Int, yearOffset: Int, maximum: Int, to order: inout SimulatedOrder) {
        let channel = world.customers[customer].channel
        var count = linesPerOrder.pick(&rng) + 1
        if channel == .online { count = min(count, 2) }
        count = min(count, maximum)
        let promisedDay = id.day + promiseLeadDays(channel)
        for lineNo in 1...count {
            let product = pickProduct(on: id.day, avoiding: order)
            let unitPrice = world.unitPriceCents(product: product, yearOffset: yearOffset)
            var quantity = orderQuantity(channel)
            if unitPrice > 2000_00 { quantity = max(1, quantity / 4) }
            let discount = discountHundredths(channel, day: id.day)
            var line = OrderLine(
                orderID: id, lineNo: lineNo, customer: customer, product: product, quantity: quantity,
                unitPriceCents: unitPrice, discountHundredths: discount,
                amountCents: OrderLine.amountCents(quantity: quantity, unitPriceCents: unitPrice, discountHundredths: discount),
                unitCostCents: world.unitCostCents(product: product, yearOffset: yearOffset),
                promisedDay: promisedDay, status: .open)
            if rng.chance(Self.cancelledLineShare) {
                line.status = .cancelled
            } else {
                line.status = addShipments(for: line, to: &order) == quantity ? .shipped : .open
            }
            order.lines.append(line)
        }
    }

    /// A single-line credit order with negative quantity; the goods come back a few days later.
    private mutating func addReturnLine(id: OrderID, customer: Int, yearOffset: Int, to order: inout SimulatedOrder) {
        let product = pickProduct(on: id.day, avoiding: order)
        let unitPrice = world.unitPriceCents(product: product, yearOffset: yearOffset)
        let quantity = -(1 + rng.geometric(mean: world.customers[customer].channel == .distributor ? 6 : 1.5))
        let receivedDay = id.day + rng.int(in: 1...5)
        let received = receivedDay <= plan.lastDay
        if received {
            order.shipments.append(Shipment(orderID: id, lineNo: 1, product: product, day: receivedDay, quantity: quantity))
        }
        order.lines.append(OrderLine(
            orderID: id, lineNo: 1, customer: customer, product: product, quantity: quantity,
            unitPriceCents: unitPrice, discountHundredths: 0,
            amountCents: OrderLine.amountCents(quantity: quantity, unitPriceCents: unitPrice, discountHundredths: 0),
            unitCostCents: world.unitCostCents(product: product, yearOffset: yearOffset),
            promisedDay: id.day + 7, status: received ? .shipped : .open))
    }

    /// Ships a line: mostly in full within the promise, sometimes late, sometimes in two parts,
    /// rarely never (a backorder). Returns the quantity shipped by the end of the data.
    private mutating func addShipments(for line: OrderLine, to order: inout SimulatedOrder) -> Int {
        if rng.chance(Self.backorderShare) { return 0 }
        let lead = line.promisedDay - line.day
        let draw = rng.unit()
        var parts: [(day: Int, quantity: Int)]
        if draw < Self.partialShipmentShare && line.quantity >= 2 {
            let first = max(1, line.quantity * rng.int(in: 40...80) / 100)
            let firstDay = line.day + rng.int(in: 1...lead)
            parts = [(firstDay, first), (max(firstDay + 1, line.promisedDay + rng.int(in: -3...15)), line.quantity - first)]
        } else if draw < Self.partialShipmentShare + Self.lateShipmentShare {
            parts = [(line.promisedDay + rng.int(in: 1...20), line.quantity)]
        } else {
            parts = [(line.day + rng.int(in: max(1, lead / 3)...lead), line.quantity)]
        }
        var shipped = 0
        for part in parts where part.day <= plan.lastDay {
            order.shipments.append(Shipment(orderID: line.orderID, lineNo: line.lineNo, product: line.product,
                                            day: part.day, quantity: part.quantity))
            shipped += part.quantity
        }
        return shipped
    }

    /// Payments for what was shipped, after the customer's terms and according to its habit.
    private mutating func addPayments(for order: inout SimulatedOrder, customer: Int) {
        var invoiced = 0
        var invoiceDay = 0
        for shipment in order.shipments {
            guard let line = order.lines.first(where: { $0.lineNo == shipment.lineNo }) else { continue }
            invoiced += line.amountCents * shipment.quantity / line.quantity
            invoiceDay = max(invoiceDay, shipment.day)
        }
        guard invoiced > 0 else { return }
        let account = world.customers[customer]
        let orderID = account.paysByInvoice ? order.lines[0].orderID : nil
        let terms = account.paymentTermsDays
        var schedule: [(day: Int, amount: Int)]
        if account.channel == .online {
            schedule = [(invoiceDay + rng.int(in: 7...15), invoiced)]
        } else {
            var habit = account.habit
            if case .delinquent(let from) = habit, invoiceDay < from { habit = .slow }
            switch habit {
            case .punctual:
                schedule = [(invoiceDay + terms + rng.int(in: -10...5), invoiced)]
            case .slow:
                let day = invoiceDay + terms + rng.int(in: 10...45)
                if rng.chance(0.3) {
                    let first = invoiced * rng.int(in: 40...70) / 100
                    schedule = [(day, first), (day + rng.int(in: 20...40), invoiced - first)]
                } else {
                    schedule = [(day, invoiced)]
                }
            case .delinquent:
                schedule = [(invoiceDay + terms + rng.int(in: 30...60), invoiced * rng.int(in: 0...50) / 100)]
            }
        }
        for part in schedule where part.day <= plan.lastDay && part.amount > 0 {
            order.payments.append(Payment(customer: customer, day: part.day, amountCents: part.amount,
                                          orderID: orderID, method: paymentMethod(account.channel)))
        }
    }

    private mutating func promiseLeadDays(_ channel: Channel) -> Int {
        switch channel {
        case .direct: rng.int(in: 7...21)
        case .distributor: rng.int(in: 14...30)
        case .online: rng.int(in: 7...10)
        }
    }

    private mutating func orderQuantity(_ channel: Channel) -> Int {
        switch channel {
        case .direct: 1 + rng.geometric(mean: 6)
        case .distributor: 10 * (1 + rng.geometric(mean: 4))
        case .online: rng.chance(0.85) ? 1 : rng.int(in: 2...3)
        }
    }

    /// Mostly list price; distributors get a standard rebate; the web shop runs 618 and 双11 promotions.
    private mutating func discountHundredths(_ channel: Channel, day: Int) -> Int {
        switch channel {
        case .distributor:
            return rng.chance(0.7) ? 10 : rng.element(of: [8, 12, 15])
        case .direct:
            let draw = rng.unit()
            return draw < 0.75 ? 0 : draw < 0.90 ? 5 : draw < 0.97 ? 8 : 10
        case .online:
            let month = CivilCalendar.date(day).month
            return (month == 6 || month == 11) && rng.chance(0.6) ? 15 : rng.chance(0.15) ? 5 : 0
        }
    }

    private mutating func paymentMethod(_ channel: Channel) -> PaymentMethod {
        if channel == .online { return .alipay }
        let draw = rng.unit()
        return draw < 0.7 ? .bankTransfer : draw < 0.9 ? .bankAcceptance : .cheque
    }
}
