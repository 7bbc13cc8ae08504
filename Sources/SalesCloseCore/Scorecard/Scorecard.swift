/// The salesperson and region scorecard with commission (业绩考核 · 提成) for the close month,
/// quarter-to-date and year-to-date.
///
/// KPIs (`ScorecardKPI`) per span: achievement rate and YoY from the revenue actuals and targets;
/// margin rate over the lines with a cost; collection rate = payments dated in the span ÷
/// receivables due in it, where due = the shipped value whose due date (ship date + the customer's
/// payment terms) is on or before the span's last day, less what was paid before the span began
/// (nothing is due when that is not positive); overdue share = the oldest aging bucket ÷ the
/// balance at the close (the same for every span; empty when the balance is not positive);
/// new customers = customers whose first counted order line ever is in the span, counted for
/// that line's salesperson and region; on-time rate over the lines promised in the span.
/// Customers' payments and balances count for their salesperson (the customers file, else the
/// salesperson of their latest order line) and that salesperson's region.
///
/// Points per KPI by its `ScoringBands`; a KPI without data (no target, no prior year, no
/// costed lines, nothing due, no balance, nothing shipped) has no value and no points, and the
/// weights of the KPIs with data are scaled up to sum to 1: score = Σ wᵢ·pᵢ ÷ Σ wᵢ over them.
/// New customers always has data (a count). Rank within span and level by score, highest first,
/// ties by key text. Commission (`Commission`) per salesperson; a region's is the sum of its
/// salespeople's (`SalespersonRegions`), its rate commission ÷ base.
public struct Scorecard: Sendable {
    public struct Row: Sendable {
        public var span: ReportingSpan
        public var level: ActualsLevel
        public var key: NameID
        public var values: [ScorecardKPI: Double]
        public var points: [ScorecardKPI: Double]
        /// nil when no KPI has data.
        public var score: Double?
        public var rank: Int
        public var commission: Commission
    }

    public static let levels: [ActualsLevel] = [.salesperson, .region]
    public let rows: [Row]

    public init(data: SalesData, actuals: MonthlyActuals, plan: TargetPlan, matching: ShipmentMatching,
                receivables: ReceivablesReport, delivery: DeliveryReport, close: Month,
                settings: ScorecardSettings = ScorecardSettings(), commission: CommissionSettings = CommissionSettings(),
                terms: OrderToCashSettings = OrderToCashSettings()) {
        let regions = SalespersonRegions(data: data)
        let owner = CustomerOwners(data: data)
        let firstMonth = data.orderMonthRange?.lowerBound
        let spans = ReportingSpan.PeriodType.allCases.map { ReportingSpan($0, closing: close) }

        // First counted order line of every customer.
        let customerCount = max(data.names.customers.count, data.customers.count)
        var firstLine = [Int](repeating: -1, count: customerCount)
        for (i, line) in data.orderLines.enumerated() where !line.isCancelled && line.customer >= 0 {
            let f = firstLine[Int(line.customer)]
            if f >= 0, data.orderLines[f].orderDate <= line.orderDate { continue }
            firstLine[Int(line.customer)] = i
        }
        // Money credited to salespeople (by the customer's owner), summed per salesperson and
        // then per region through `regions`.
        let people = data.names.salespeople.count
        func byLevel(_ perPerson: [Int64]) -> [ActualsLevel: [Int64]] {
            var perRegion = [Int64](repeating: 0, count: data.names.regions.count)
            for person in perPerson.indices { if let r = regions.region(of: NameID(person)) { perRegion[Int(r)] += perPerson[person] } }
            return [.salesperson: perPerson, .region: perRegion]
        }
        func credited<S: Sequence>(_ items: S, _ body: (S.Element) -> (customer: NameID, value: Int64)?) -> [ActualsLevel: [Int64]] {
            var sums = [Int64](repeating: 0, count: people)
            for item in items {
                guard let (customer, value) = body(item), let person = owner.salesperson(of: customer) else { continue }
                sums[Int(person)] += value
            }
            return byLevel(sums)
        }
        func sum(_ sums: [ActualsLevel: [Int64]], _ level: ActualsLevel, _ key: NameID) -> Int64 {
            sums[level].map { key >= 0 && Int(key) < $0.count ? $0[Int(key)] : 0 } ?? 0
        }
        // Shipped value by customer and due day.
        var shipped: [(customer: NameID, due: Day, value: Int64)] = []
        shipped.reserveCapacity(matching.allocations.count)
        for a in matching.allocations {
            let customer = data.orderLines[a.line].customer
            shipped.append((customer, a.date.adding(days: terms.paymentTermsDays(of: customer, in: data)), a.value.minorUnits))
        }
        let balance = credited(receivables.rows) { ($0.customer, $0.balance.minorUnits) }
        let oldest = credited(receivables.rows) { ($0.customer, $0.buckets[$0.buckets.count - 1].minorUnits) }

        var rows: [Row] = []
        for span in spans {
            let first = span.months.lowerBound.firstDay, last = span.months.upperBound.lastDay
            let due = credited(shipped) { $0.due <= last ? ($0.customer, $0.value) : nil }
            let paidBefore = credited(data.payments) { $0.paymentDate < first ? ($0.customer, $0.amount.minorUnits) : nil }
            let collected = credited(data.payments) {
                first <= $0.paymentDate && $0.paymentDate <= last ? ($0.customer, $0.amount.minorUnits) : nil
            }
            var newCustomers: [LevelKey: Int] = [:]
            for i in firstLine where i >= 0 && span.months.contains(data.orderLines[i].orderDate.month) {
                let line = data.orderLines[i]
                for level in Self.levels where level.key(of: line) != noName {
                    newCustomers[LevelKey(level: level, key: level.key(of: line)), default: 0] += 1
                }
            }
            var onTime: [LevelKey: (Int, Int)] = [:]
            for r in delivery.rows where Self.levels.contains(r.level) && span.months.contains(r.month) {
                let k = LevelKey(level: r.level, key: r.key)
                onTime[k, default: (0, 0)].0 += r.figures.onTime
                onTime[k, default: (0, 0)].1 += r.figures.linesShipped
            }

            for level in Self.levels {
                var levelKeys = Set(actuals.keys(at: level).filter { k in span.months.list.contains { actuals.figures(level, k, $0).lines > 0 } })
                levelKeys.formUnion(plan.keys(.revenue, at: level, in: span.months))
                var levelRows: [Row] = []
                for key in levelKeys {
                    let lk = LevelKey(level: level, key: key)
                    var total = ActualsFigures()
                    for m in span.months.list { total.merge(actuals.figures(level, key, m)) }
                    let actual = total.revenue.minorUnits
                    let target = plan.target(.revenue, level, key, in: span.months)
                    let priorYear: Int64? = firstMonth.flatMap { span.priorYear.lowerBound >= $0 ? actuals.revenue(level, key, in: span.priorYear).minorUnits : nil }
                    let dueInSpan = sum(due, level, key) - sum(paidBefore, level, key)
                    var values: [ScorecardKPI: Double] = [:]
                    values[.achievementRate] = ratio(actual, target)
                    values[.yoyGrowth] = growth(actual, over: priorYear)
                    values[.marginRate] = total.costedLines > 0 ? ratio(total.grossMargin!.minorUnits, total.costedRevenue.minorUnits) : nil
                    values[.collectionRate] = dueInSpan > 0 ? ratio(sum(collected, level, key), dueInSpan) : nil
                    values[.overdueShare] = sum(balance, level, key) > 0 ? ratio(sum(oldest, level, key), sum(balance, level, key)) : nil
                    values[.newCustomers] = Double(newCustomers[lk] ?? 0)
                    values[.onTimeRate] = onTime[lk].flatMap { $0.1 > 0 ? Double($0.0) / Double($0.1) : nil }
                    let present = values.compactMapValues { $0 }
                    var points: [ScorecardKPI: Double] = [:]
                    for (kpi, value) in present {
                        if let band = settings.bands[kpi] { points[kpi] = band.points(for: value, mode: settings.mode) }
                    }
                    // In declaration order, so equal scores are equal to the last bit and ties fall to the key.
                    let weighted = ScorecardKPI.allCases.filter { points[$0] != nil && settings.weight($0) > 0 }
                    let weightSum = weighted.reduce(0) { $0 + settings.weight($1) }
                    let score = weightSum > 0 ? weighted.reduce(0) { $0 + settings.weight($1) * points[$1]! } / weightSum : nil
                    let base: Int64 = switch commission.base {
                    case .revenue: actual
                    case .grossMargin: total.grossMargin?.minorUnits ?? 0
                    case .collections: sum(collected, level, key)
                    }
                    let c = level == .salesperson
                        ? Commission(base: Money(minorUnits: base), actual: actual, target: target, settings: commission)
                        : Commission(base: Money(minorUnits: base), tier: nil, rate: nil, amount: .zero)
                    levelRows.append(Row(span: span, level: level, key: key, values: present, points: points,
                                         score: score, rank: 0, commission: c))
                }
                if level == .region {
                    let people = rows.filter { $0.span == span && $0.level == .salesperson }
                    for i in levelRows.indices {
                        let members = people.filter { regions.region(of: $0.key) == levelRows[i].key }
                        let amount = members.reduce(Money.zero) { $0 + $1.commission.amount }
                        let base = levelRows[i].commission.base
                        levelRows[i].commission = Commission(base: base, tier: nil,
                                                             rate: base > .zero ? Double(amount.minorUnits) / Double(base.minorUnits) : nil,
                                                             amount: amount)
                    }
                }
                let table = data.names.table(for: level.dimension!)
                levelRows.sort { a, b in
                    switch (a.score, b.score) {
                    case let (x?, y?) where x != y: return x > y
                    case (.some, nil): return true
                    case (nil, .some): return false
                    default: return table[a.key] < table[b.key]
                    }
                }
                for i in levelRows.indices { levelRows[i].rank = i + 1 }
                rows += levelRows
            }
        }
        self.rows = rows
    }
}

/// The salesperson a customer's payments and balance count for: the customers file's, else the
/// salesperson of the customer's latest order line that names one.
struct CustomerOwners {
    /// By customer id; `noName` when unknown.
    private var owner: [NameID]

    init(data: SalesData) {
        let count = max(data.names.customers.count, data.customers.count)
        owner = [NameID](repeating: noName, count: count)
        var latest = [Day](repeating: Day(daysSinceEpoch: .min), count: count)
        for line in data.orderLines where line.salesperson != noName && line.customer >= 0 {
            let c = Int(line.customer)
            if latest[c] > line.orderDate { continue }
            latest[c] = line.orderDate
            owner[c] = line.salesperson
        }
        for (i, info) in data.customers.enumerated() where info.salesperson != noName { owner[i] = info.salesperson }
    }

    func salesperson(of customer: NameID) -> NameID? {
        customer >= 0 && Int(customer) < owner.count && owner[Int(customer)] != noName ? owner[Int(customer)] : nil
    }
}
