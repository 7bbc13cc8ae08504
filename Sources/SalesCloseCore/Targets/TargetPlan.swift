/// Monthly targets per metric, level, key and month, decomposed from the rows of the targets file
/// and rolled up to the levels above them.
///
/// **Periods.** Within one metric and key, finer rows are placed first: months, then quarters,
/// then years. A coarser row spreads what its finer rows leave over its remaining months by the
/// configured `AllocationMethod` (largest remainder, so the months sum exactly to the row). A
/// coarser row whose months are all given by finer rows with a different sum, or whose finer
/// rows already exceed it, is reported; the finer rows are kept.
///
/// **Levels.** A row names no dimension (the company total), one dimension, or a salesperson with
/// their region or a SKU with its category (the finer one is the row's level; the region a
/// salesperson rolls up to still comes from the order lines). A total or region
/// target without targets below it is first split over the regions and salespeople
/// (`TargetDecomposition`). Then salespeople roll up to their region (`SalespersonRegions`), SKUs
/// to their product category, and the total to the level chains below it, the first with targets
/// first: regions (plus salespeople without a region), categories (plus SKUs without one),
/// customers, channels. A given target is compared with the sum of its children at the grain of
/// each of its rows (a year row over the year, a quarter row over the quarter), a rolled-up one
/// month by month, wherever the children have targets in every month of the period. A target
/// that differs is reported once, naming the first period that differs, and keeps its own months.
/// One that agrees takes the children's sums as its months when they cover all its months, so
/// every level adds up month by month although each was spread by its own history. Months
/// without a target of their own take the children's sums in any case.
public struct TargetPlan: Sendable {
    public struct Key: Hashable, Sendable {
        public var metric: TargetMetric
        public var level: ActualsLevel
        public var key: NameID
        public var month: Month
        public init(metric: TargetMetric, level: ActualsLevel, key: NameID, month: Month) {
            self.metric = metric; self.level = level; self.key = key; self.month = month
        }
    }

    /// Every monthly target, given, allocated or rolled up.
    public private(set) var monthly: [Key: Int64] = [:]
    /// Fallbacks, conflicts and rows that could not be used, by line in the targets file.
    public private(set) var findings: [Finding] = []
    /// Every allocated part (months of longer rows, units of split targets), for the targets check.
    public private(set) var allocations: [TargetAllocation] = []

    static let file = "targets.csv"

    /// `capacity`: the capacity figure of each unit by its text (region or salesperson), for
    /// `allocation = "blend"`.
    public init(rows: [TargetRow], data: SalesData, actuals: MonthlyActuals, settings: TargetSettings = TargetSettings(),
                capacity: [String: Double] = [:]) {
        let weights = MonthWeights(method: settings.allocation, explicitWeights: settings.weights, blend: settings.blend,
                                   actuals: actuals, history: data.orderMonthRange)
        var groups: [Owner: [TargetRow]] = [:]
        var given: [Owner: [TargetPeriod: Int]] = [:]
        for row in rows.sorted(by: { $0.line < $1.line }) {
            guard let owner = resolve(row, names: data.names) else { continue }
            groups[owner, default: []].append(row)
            given[owner, default: [:]][row.period] = row.line
        }
        var lineOf: [Owner: Int] = [:]
        for owner in groups.keys.sorted(by: { $0.sortKey(data.names) < $1.sortKey(data.names) }) {
            lineOf[owner] = groups[owner]![0].line
            allocate(groups[owner]!, of: owner, weights: weights, names: data.names)
        }
        let regions = SalespersonRegions(data: data)
        var decomposition = TargetDecomposition(actuals: actuals, method: settings.allocation, names: data.names, regions: regions,
                                                blend: settings.blend, capacity: capacity, firstMonth: data.orderMonthRange?.lowerBound)
        for note in decomposition.decompose(&monthly) { report(.warning, lineOf[note.owner], note.message) }
        allocations += decomposition.allocations
        rollUp(data: data, regions: regions, given: given)
        findings = findings.enumerated().sorted { ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset) }
            .map(\.element)
    }

    /// The sum of the monthly targets of `key` over `months`; nil when none of them has a target.
    public func target(_ metric: TargetMetric = .revenue, _ level: ActualsLevel, _ key: NameID,
                       in months: ClosedRange<Month>) -> Int64? {
        var sum: Int64?
        for m in stride(from: months.lowerBound, through: months.upperBound, by: 1) {
            if let v = monthly[Key(metric: metric, level: level, key: key, month: m)] { sum = (sum ?? 0) + v }
        }
        return sum
    }

    /// The keys of `level` with a target for `metric` in some month of `months`, ascending by id.
    public func keys(_ metric: TargetMetric = .revenue, at level: ActualsLevel, in months: ClosedRange<Month>) -> [NameID] {
        Set(monthly.keys.lazy.filter { $0.metric == metric && $0.level == level && months.contains($0.month) }
            .map(\.key)).sorted()
    }

    // MARK: - Rows to owners

    /// The metric, level and key a target belongs to.
    struct Owner: Hashable {
        var metric: TargetMetric
        var level: ActualsLevel
        var key: NameID
        init(metric: TargetMetric, level: ActualsLevel, key: NameID) { self.metric = metric; self.level = level; self.key = key }
        init(_ k: Key) { self.init(metric: k.metric, level: k.level, key: k.key) }
        func month(_ m: Month) -> Key { Key(metric: metric, level: level, key: key, month: m) }

        func keyText(_ names: SalesData.Names) -> String {
            level.text(of: key, names: names)
        }
        func description(_ names: SalesData.Names) -> String {
            level == .total ? "the company total" : "\(level.rawValue) \"\(keyText(names))\""
        }
        /// Metric, level, key text: the order of outputs and findings.
        func sortKey(_ names: SalesData.Names) -> String {
            "\(TargetMetric.allCases.firstIndex(of: metric)!)\u{1}\(ActualsLevel.allCases.firstIndex(of: level)!)\u{1}\(keyText(names))"
        }
    }

    /// Finer dimension of the two a row may name together.
    private static let parentDimension: [Dimension: Dimension] = [.salesperson: .region, .sku: .category]

    private mutating func resolve(_ row: TargetRow, names: SalesData.Names) -> Owner? {
        let given = row.dimensions.filter { !$0.value.isEmpty }
        let finest = given.keys.first { d in given.keys.allSatisfy { $0 == d || $0 == Self.parentDimension[d] } }
        guard given.isEmpty || finest != nil else {
            let list = given.keys.map(\.fieldName).sorted().joined(separator: ", ")
            report(.warning, row.line, "a target for the combination \(list) cannot be reported; row ignored")
            return nil
        }
        guard let dimension = finest else { return Owner(metric: row.metric, level: .total, key: 0) }
        for (d, text) in given.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where names.table(for: d).id(of: text) == nil {
            report(.warning, row.line, "\(d.fieldName) \"\(text)\" does not occur in the orders; row ignored",
                   field: d.fieldName, value: text)
            return nil
        }
        let level = ActualsLevel(rawValue: dimension.rawValue)!
        return Owner(metric: row.metric, level: level, key: names.table(for: dimension).id(of: given[dimension]!)!)
    }

    // MARK: - Periods to months

    private mutating func allocate(_ rows: [TargetRow], of owner: Owner, weights: MonthWeights, names: SalesData.Names) {
        var byPeriod: [TargetPeriod: TargetRow] = [:]
        for row in rows {
            if let earlier = byPeriod[row.period], earlier.value != row.value {
                report(.warning, row.line, "\(owner.description(names)) has a second \(owner.metric.rawValue) target for \(row.period) (line \(earlier.line)); this line is used")
            }
            byPeriod[row.period] = row
        }
        let finestFirst = byPeriod.values.sorted { ($0.period.months.count, $0.period.months[0]) < ($1.period.months.count, $1.period.months[0]) }
        var placed: Set<Month> = []
        for row in finestFirst {
            let months = row.period.months
            let free = months.filter { !placed.contains($0) }
            let remainder = row.value - months.filter(placed.contains).reduce(0) { $0 + monthly[owner.month($1)]! }
            let who = "\(owner.metric.rawValue) target \(owner.metric.text(row.value)) for \(row.period) of \(owner.description(names))"
            if free.isEmpty {
                if remainder != 0 {
                    report(.warning, row.line, "\(who) differs by \(owner.metric.text(remainder)) from the sum of its finer rows; the finer rows are kept")
                }
                continue
            }
            var parts = [Int64](repeating: 0, count: free.count)
            if remainder != 0 && (remainder < 0) != (row.value < 0) {
                report(.warning, row.line, "\(who) is exceeded by its finer rows; its other months get 0")
            } else {
                let (w, fallback, blend) = weights.weights(for: free, metric: owner.metric, level: owner.level, key: owner.key)
                if let fallback { report(.warning, row.line, "\(who): \(fallback)") }
                parts = largestRemainderSplit(remainder, weights: w)
                let weightSum = Double(w.reduce(0, +))
                for (i, m) in free.enumerated() {
                    allocations.append(TargetAllocation(
                        split: .months, metric: owner.metric, level: owner.level, key: owner.key, period: row.period.description,
                        month: m, itemLevel: nil, itemKey: nil, method: weights.method, share: Double(w[i]) / weightSum,
                        factorShares: blend.map { b in b.factorShares.mapValues { $0?[i] } } ?? [:], target: parts[i]))
                }
            }
            for (m, part) in zip(free, parts) { monthly[owner.month(m)] = part; placed.insert(m) }
        }
    }

    // MARK: - Roll-ups

    /// `given` holds the periods of each owner's rows, with the line of the row used for each.
    private mutating func rollUp(data: SalesData, regions: SalespersonRegions, given: [Owner: [TargetPeriod: Int]]) {
        func category(of sku: NameID) -> NameID? {
            let c = Int(sku) < data.products.count ? data.products[Int(sku)].category : noName
            return c == noName ? nil : c
        }
        var disagreements: [Owner: Disagreement] = [:]
        merge(sums(of: .salesperson, into: .region, parent: regions.region(of:)), given: given, &disagreements)
        merge(sums(of: .sku, into: .category, parent: category(of:)), given: given, &disagreements)

        let chains: [[Key: Int64]] = [
            add(sums(of: .region, into: .total) { _ in 0 }, sums(of: .salesperson, into: .total) { regions.region(of: $0) == nil ? 0 : nil }),
            add(sums(of: .category, into: .total) { _ in 0 }, sums(of: .sku, into: .total) { category(of: $0) == nil ? 0 : nil }),
            sums(of: .customer, into: .total) { _ in 0 },
            sums(of: .channel, into: .total) { _ in 0 },
        ]
        for chain in chains { merge(chain, given: given, &disagreements) }

        for (owner, d) in disagreements.sorted(by: { $0.key.sortKey(data.names) < $1.key.sortKey(data.names) }) {
            let more = d.periods > 1 ? " (and in \(d.periods - 1) more periods)" : ""
            report(.warning, d.line, "\(owner.metric.rawValue) target \(owner.metric.text(d.target)) of \(owner.description(data.names)) for \(d.first) differs from the sum of the targets below it, \(owner.metric.text(d.childSum))\(more); the \(d.isGiven ? "given" : "rolled-up") target is kept")
        }
    }

    /// The first period in which a target differs from the sum of a level below it, and how many differ.
    private struct Disagreement {
        var first: TargetPeriod, target: Int64, childSum: Int64, periods: Int, line: Int?, isGiven: Bool
    }

    /// Sums of the targets of `child` per parent key (nil: no parent) and month, at level `parent`.
    private func sums(of child: ActualsLevel, into parent: ActualsLevel, parent parentOf: (NameID) -> NameID?) -> [Key: Int64] {
        var result: [Key: Int64] = [:]
        for (k, v) in monthly where k.level == child {
            guard let p = parentOf(k.key) else { continue }
            result[Key(metric: k.metric, level: parent, key: p, month: k.month), default: 0] += v
        }
        return result
    }

    private func add(_ a: [Key: Int64], _ b: [Key: Int64]) -> [Key: Int64] { a.merging(b, uniquingKeysWith: +) }

    /// Compares each parent with its children's sums at the grain of its periods: the periods of
    /// its rows (`given`), and each other month with a target of its own. A period is compared
    /// when the sums cover all its months. The parent takes the sums in the months without a
    /// target, and in all its months when the sums cover them and no period differs; otherwise it
    /// keeps its months and the periods that differ are recorded.
    private mutating func merge(_ childSums: [Key: Int64], given: [Owner: [TargetPeriod: Int]],
                                _ disagreements: inout [Owner: Disagreement]) {
        var sumsOf: [Owner: [Month: Int64]] = [:]
        for (k, sum) in childSums { sumsOf[Owner(k), default: [:]][k.month] = sum }
        var targetsOf: [Owner: [Month: Int64]] = [:]
        for (k, target) in monthly where sumsOf[Owner(k)] != nil { targetsOf[Owner(k), default: [:]][k.month] = target }

        for (owner, sums) in sumsOf {
            let targets = targetsOf[owner] ?? [:]
            let rows = given[owner] ?? [:]
            let rowMonths = Set(rows.keys.flatMap(\.months))
            let periods = Set(rows.keys).union(targets.keys.filter { !rowMonths.contains($0) }.map(TargetPeriod.month))
            var differing: [(period: TargetPeriod, target: Int64, sum: Int64)] = []
            for period in periods.sorted(by: { ($0.months[0], $0.months.count) < ($1.months[0], $1.months.count) })
            where period.months.allSatisfy({ sums[$0] != nil }) {
                let target = period.months.reduce(0) { $0 + targets[$1]! }
                let sum = period.months.reduce(0) { $0 + sums[$1]! }
                if target != sum { differing.append((period, target, sum)) }
            }
            let derived = differing.isEmpty && targets.keys.allSatisfy { sums[$0] != nil }
            for (m, sum) in sums where derived || targets[m] == nil { monthly[owner.month(m)] = sum }

            guard let first = differing.first else { continue }
            if disagreements[owner] == nil {
                disagreements[owner] = Disagreement(first: first.period, target: first.target, childSum: first.sum, periods: 0,
                                                    line: rows[first.period] ?? rows.values.min(), isGiven: rows[first.period] != nil)
            }
            disagreements[owner]!.periods += differing.count
        }
    }

    private mutating func report(_ severity: Finding.Severity, _ line: Int?, _ message: String,
                                 field: String? = nil, value: String? = nil) {
        findings.append(Finding(severity, file: Self.file, line: line, field: field, value: value, message: message))
    }
}
