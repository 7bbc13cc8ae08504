/// Settings of the order-to-cash reports (backlog, delivery, receivables, plan vs actual).
public struct OrderToCashSettings: Sendable, Equatable {
    /// The date an open receivable is aged from.
    public enum AgingBasis: String, Sendable, Codable, CaseIterable {
        /// Days since the shipment (the SPEC default).
        case shipDate = "ship_date"
        /// Days past the due date (ship date + payment terms); not yet due counts in the first bucket.
        case dueDate = "due_date"
    }

    /// Upper edges in days of the aging buckets but the last: `[30, 60, 90]` gives 0–30, 31–60,
    /// 61–90 and 90+. Ascending and positive.
    public var agingBucketEdges: [Int]
    public var agingBasis: AgingBasis
    /// Payment terms of customers without `payment_terms_days` in the customer master.
    public var defaultPaymentTermsDays: Int
    /// Days of shipments that DSO compares the balance with (count-back over a fixed window).
    public var dsoWindowDays: Int
    /// Levels of `backlog.csv` and `delivery.csv`, in output order.
    public var levels: [ActualsLevel]

    public init(agingBucketEdges: [Int] = [30, 60, 90], agingBasis: AgingBasis = .shipDate,
                defaultPaymentTermsDays: Int = 30, dsoWindowDays: Int = 90,
                levels: [ActualsLevel] = [.total, .region, .salesperson, .customer]) {
        precondition(!agingBucketEdges.isEmpty && agingBucketEdges.first! > 0
                     && zip(agingBucketEdges, agingBucketEdges.dropFirst()).allSatisfy { $0 < $1 },
                     "aging bucket edges must be positive and ascending")
        precondition(dsoWindowDays > 0, "the DSO window must be positive")
        self.agingBucketEdges = agingBucketEdges; self.agingBasis = agingBasis
        self.defaultPaymentTermsDays = defaultPaymentTermsDays; self.dsoWindowDays = dsoWindowDays
        self.levels = levels
    }

    /// Column names of the aging buckets: `b0_30`, `b31_60`, `b61_90`, `b90_plus` by default.
    public var agingBucketNames: [String] {
        var names: [String] = []
        var lower = 0
        for edge in agingBucketEdges {
            names.append("b\(lower)_\(edge)")
            lower = edge + 1
        }
        return names + ["b\(agingBucketEdges.last!)_plus"]
    }

    /// The bucket of a receivable `age` days old (negative ages, not yet due, fall in the first).
    func agingBucket(ofAge age: Int) -> Int {
        agingBucketEdges.firstIndex { age <= $0 } ?? agingBucketEdges.count
    }

    /// Payment terms of `customer`: the customer master's, else the default.
    func paymentTermsDays(of customer: NameID, in data: SalesData) -> Int {
        guard customer >= 0, Int(customer) < data.customers.count else { return defaultPaymentTermsDays }
        return data.customers[Int(customer)].paymentTermsDays ?? defaultPaymentTermsDays
    }
}
