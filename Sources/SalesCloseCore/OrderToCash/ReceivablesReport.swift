/// Receivables per customer at the as-of day (the period's last day): billed value − payments,
/// aged (应收账款, 帐期, 信用状况).
///
/// - Billed value (billing basis) = value of the matched shipments of the customer's lines, less
///   return lines (negative quantity), which are credited in full at their order date.
/// - Credits are payments, returns and shipments with a negative quantity. A credit that names an
///   order of the customer (a payment's `order_id`, or an `invoice_id` equal to such an order id, or
///   the return's own order) is applied first to that order's open shipments, oldest first; the
///   rest, and every other credit, goes FIFO to the customer's oldest open shipments, whatever the
///   dates (a payment before any shipment waits for one). A negative payment (a refund) is a charge.
/// - What no shipment absorbs is `unapplied_credit`: the balance goes negative, never lost. Hence
///   balance = shipped_value − paid = sum of the aging buckets − unapplied_credit.
/// - Open shipments are aged from the ship date or the due date (`OrderToCashSettings.agingBasis`).
/// - over_limit = balance − credit_limit when positive, else 0; empty without a credit limit.
/// - dso = balance ÷ billed value of the last `dsoWindowDays` days × `dsoWindowDays`, empty when
///   that billed value is not positive.
public struct ReceivablesReport: Sendable {
    public struct Row: Sendable, Equatable {
        public var customer: NameID
        public var shippedValue: Money
        public var paid: Money
        /// Open shipments per aging bucket (`OrderToCashSettings.agingBucketNames`).
        public var buckets: [Money]
        public var unappliedCredit: Money
        public var creditLimit: Money?
        public var collectionsInPeriod: Money
        public var dso: Double?

        public var balance: Money { shippedValue - paid }
        /// The amount above the credit limit (0 within it); nil without a limit.
        public var overLimit: Money? { creditLimit.map { max(balance - $0, .zero) } }
    }

    public let period: Month
    public let settings: OrderToCashSettings
    /// Customers with any shipment, return or payment by the as-of day, sorted by customer id.
    public let rows: [Row]
    public let issues: [DataQualityIssue]
    /// The company's DSO by the same rule as a customer's: total balance ÷ total billed value of
    /// the last `dsoWindowDays` days × `dsoWindowDays`; nil when that billed value is not positive.
    public let companyDSO: Double?

    public init(data: SalesData, matching: ShipmentMatching, period: Month,
                settings: OrderToCashSettings = OrderToCashSettings()) {
        self.period = period
        self.settings = settings
        let asOf = period.lastDay
        let dsoWindowStart = asOf.adding(days: 1 - settings.dsoWindowDays)
        let lines = data.orderLines
        var issues: [DataQualityIssue] = []
        // Per customer id its row (-1: none yet); per row the credit not naming an order and the
        // value billed in the DSO window. Arrays over the dense ids: this runs for every shipment.
        var rowOf: [Int32] = []
        var rows: [Row] = []
        var unnamedCredit: [Money] = []
        var billedInWindow: [Money] = []
        func row(_ customer: NameID) -> Int {
            let c = Int(customer)
            if c < rowOf.count, rowOf[c] >= 0 { return Int(rowOf[c]) }
            if c >= rowOf.count { rowOf += repeatElement(-1, count: c - rowOf.count + 1) }
            rows.append(Row(customer: customer, shippedValue: .zero, paid: .zero,
                            buckets: Array(repeating: .zero, count: settings.agingBucketEdges.count + 1),
                            unappliedCredit: .zero, creditLimit: Self.creditLimit(of: customer, in: data),
                            collectionsInPeriod: .zero, dso: nil))
            unnamedCredit.append(.zero)
            billedInWindow.append(.zero)
            rowOf[c] = Int32(rows.count - 1)
            return rows.count - 1
        }

        // The ledger: open charges and the credits to apply to them. Credits naming an order are
        // kept per (row, order): the flat index gives their position in `namedCredits`.
        var charges: [Charge] = []
        charges.reserveCapacity(matching.allocations.count)
        var namedCreditIndex = FlatIndex<UInt64>()
        var namedCredits: [(row: Int, credit: Money)] = []
        func namedKey(_ row: Int, _ order: NameID) -> UInt64 { UInt64(UInt32(row)) << 32 | UInt64(UInt32(bitPattern: order)) }
        func post(_ amount: Money, row r: Int, order: NameID, date: Day, source: SourceRef) {
            if amount > .zero {
                charges.append(Charge(row: r, order: order, date: date, source: source, open: amount))
            } else if order != noName {
                let i = namedCreditIndex.index(of: namedKey(r, order)) {
                    namedCredits.append((r, .zero))
                    return Int32(namedCredits.count - 1)
                }
                namedCredits[Int(i)].credit -= amount
            } else {
                unnamedCredit[r] -= amount
            }
        }
        func bill(_ amount: Money, customer: NameID, order: NameID, date: Day, source: SourceRef) {
            let r = row(customer)
            rows[r].shippedValue += amount
            if date >= dsoWindowStart { billedInWindow[r] += amount }
            post(amount, row: r, order: order, date: date, source: source)
        }
        for allocation in matching.allocations where allocation.date <= asOf && allocation.value != .zero {
            let line = lines[allocation.line]
            bill(allocation.value, customer: line.customer, order: line.order, date: allocation.date,
                 source: allocation.source)
        }
        var customerOfOrder = [NameID](repeating: noName, count: Int(lines.lazy.map(\.order).max() ?? -1) + 1)
        func customer(ofOrder order: NameID) -> NameID {
            order >= 0 && Int(order) < customerOfOrder.count ? customerOfOrder[Int(order)] : noName
        }
        for line in lines {
            customerOfOrder[Int(line.order)] = line.customer
            if !line.isCancelled && line.quantity < .zero && line.orderDate <= asOf {
                bill(line.amount, customer: line.customer, order: line.order, date: line.orderDate, source: line.source)
            }
        }
        let orderOfInvoice = ReceivablesReport.ordersNamedByInvoices(data)
        for payment in data.payments where payment.paymentDate <= asOf {
            let r = row(payment.customer)
            rows[r].paid += payment.amount
            if payment.paymentDate.month == period { rows[r].collectionsInPeriod += payment.amount }
            var order = payment.order
            if order == noName, payment.invoice != noName,
               let invoiceOrder = orderOfInvoice[payment.invoice],
               customer(ofOrder: invoiceOrder) == payment.customer {
                order = invoiceOrder
            }
            if order != noName && customer(ofOrder: order) != payment.customer {
                issues.append(DataQualityIssue(
                    source: payment.source, field: "order_id", value: data.names.orders[order],
                    message: "payment names an order that is not one of customer \(data.names.customers[payment.customer])'s; applied to the oldest shipments"))
                order = noName
            }
            post(Money.zero - payment.amount, row: r, order: order, date: payment.paymentDate, source: payment.source)
        }

        // Named credits to their order's oldest charges, then everything left FIFO.
        charges.sort { ($0.row, $0.date, $0.source.file, $0.source.line) < ($1.row, $1.date, $1.source.file, $1.source.line) }
        if !namedCredits.isEmpty {
            for c in charges.indices where charges[c].order != noName {
                guard let i = namedCreditIndex[namedKey(charges[c].row, charges[c].order)].map(Int.init),
                      namedCredits[i].credit > .zero else { continue }
                let applied = min(namedCredits[i].credit, charges[c].open)
                charges[c].open -= applied
                namedCredits[i].credit -= applied
            }
        }
        for named in namedCredits where named.credit != .zero { unnamedCredit[named.row] += named.credit }
        for c in charges.indices {
            let r = charges[c].row
            let credit = unnamedCredit[r]
            guard credit > .zero else { continue }
            let applied = min(credit, charges[c].open)
            charges[c].open -= applied
            unnamedCredit[r] = credit - applied
        }
        for r in rows.indices { rows[r].unappliedCredit = unnamedCredit[r] }

        for charge in charges where charge.open != .zero {
            let basis = settings.agingBasis == .shipDate ? charge.date
                : charge.date.adding(days: settings.paymentTermsDays(of: rows[charge.row].customer, in: data))
            rows[charge.row].buckets[settings.agingBucket(ofAge: asOf.days(since: basis))] += charge.open
        }
        for (r, billed) in billedInWindow.enumerated() where billed > .zero {
            rows[r].dso = rows[r].balance.doubleValue / billed.doubleValue * Double(settings.dsoWindowDays)
        }
        let billed = billedInWindow.reduce(Money.zero, +)
        let balance = rows.reduce(Money.zero) { $0 + $1.balance }
        companyDSO = billed > .zero ? balance.doubleValue / billed.doubleValue * Double(settings.dsoWindowDays) : nil
        let customers = data.names.customers
        self.rows = rows.sorted { customers[$0.customer] < customers[$1.customer] }
        self.issues = issues
    }

    private static func creditLimit(of customer: NameID, in data: SalesData) -> Money? {
        customer >= 0 && Int(customer) < data.customers.count ? data.customers[Int(customer)].creditLimit : nil
    }

    /// Sum of the balances: total shipped value − total payments.
    public var totalBalance: Money { rows.reduce(.zero) { $0 + $1.balance } }

    /// Sum of the oldest aging bucket (`b90_plus` by default).
    public var totalInOldestBucket: Money { rows.reduce(.zero) { $0 + $1.buckets[$1.buckets.count - 1] } }

    /// Invoice id → the order whose id has the same text, for the invoices that payments name
    /// (one pass over the order ids, which are not indexed by text).
    static func ordersNamedByInvoices(_ data: SalesData) -> [NameID: NameID] {
        var invoiceOfText: [String: NameID] = [:]
        for payment in data.payments where payment.invoice != noName {
            invoiceOfText[data.names.invoices[payment.invoice]] = payment.invoice
        }
        guard !invoiceOfText.isEmpty else { return [:] }
        var result: [NameID: NameID] = [:]
        for (i, text) in data.names.orders.names.enumerated() {
            if let invoice = invoiceOfText[text] { result[invoice] = NameID(i) }
        }
        return result
    }

}

/// A positive amount owed by a customer (a shipment or a refund), and how much of it is still open.
private struct Charge {
    var row: Int
    var order: NameID
    var date: Day
    var source: SourceRef
    var open: Money
}
