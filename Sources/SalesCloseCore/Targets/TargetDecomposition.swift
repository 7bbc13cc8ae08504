/// Splits targets down the sales organisation where the level below has none (目标分解): the
/// company total over the regions (over the salespeople when the orders name no region) when no
/// region or salesperson has a target for the metric, and each region with a target over its
/// salespeople (`SalespersonRegions`) when none of them has one.
///
/// Each month of the parent is split with the same weights, so the children follow the parent's
/// monthly shape and sum to it exactly in every month (largest remainder). The weights are the
/// children's metric over the same months one year earlier (negative counts as 0): every
/// allocation method but `even` splits by last year's share, since seasonality and monthly
/// weights say nothing about how a year divides between people. `even` splits equally; so does
/// any method when no child sold in those months, which is reported.
///
/// `blend` splits by `BlendedShares` of the children's metric over last year's same months
/// (prior_year), over the same number of months just before (last_period), over the same
/// calendar months of every earlier year of the data (seasonal), and their capacity figures.
struct TargetDecomposition {
    let actuals: MonthlyActuals
    let method: AllocationMethod
    let names: SalesData.Names
    let regions: SalespersonRegions
    var blend = BlendWeights()
    /// Capacity per unit, by the unit's text (region or salesperson name).
    var capacity: [String: Double] = [:]
    /// The first month of the order data.
    var firstMonth: Month?
    /// Every split part, for the targets check.
    private(set) var allocations: [TargetAllocation] = []

    /// Adds the split targets to `monthly`; returns why splits fell back to even weights.
    mutating func decompose(_ monthly: inout [TargetPlan.Key: Int64]) -> [(owner: TargetPlan.Owner, message: String)] {
        var notes: [(owner: TargetPlan.Owner, message: String)] = []
        let allRegions = (0..<NameID(names.regions.count)).map { $0 }
        let allSalespeople = (0..<NameID(names.salespeople.count)).map { $0 }
        for metric in TargetMetric.allCases {
            let given = Set(monthly.keys.lazy.filter { $0.metric == metric }.map(TargetPlan.Owner.init))
            let total = TargetPlan.Owner(metric: metric, level: .total, key: 0)
            if given.contains(total) && !given.contains(where: { $0.level == .region || $0.level == .salesperson }) {
                let (level, children) = allRegions.isEmpty ? (ActualsLevel.salesperson, allSalespeople) : (.region, allRegions)
                split(total, into: children, at: level, &monthly, &notes)
            }
            let targetedRegions = Set(monthly.keys.lazy.filter { $0.metric == metric && $0.level == .region }.map(\.key))
            for region in targetedRegions.sorted() {
                let people = regions.salespeople(in: region)
                guard !people.contains(where: { given.contains(TargetPlan.Owner(metric: metric, level: .salesperson, key: $0)) })
                else { continue }
                split(TargetPlan.Owner(metric: metric, level: .region, key: region), into: people, at: .salesperson, &monthly, &notes)
            }
        }
        return notes
    }

    private mutating func split(_ parent: TargetPlan.Owner, into unsorted: [NameID], at level: ActualsLevel,
                       _ monthly: inout [TargetPlan.Key: Int64], _ notes: inout [(owner: TargetPlan.Owner, message: String)]) {
        guard let table = level.dimension.map(names.table(for:)), !unsorted.isEmpty else { return }
        let children = unsorted.sorted { table[$0] < table[$1] }
        let months = monthly.keys.filter { TargetPlan.Owner($0) == parent }.map(\.month).sorted()
        let lastYear = shifted(months.first!...months.last!, by: -12)
        var weights = children.map { child in
            max(0, lastYear.list.reduce(Int64(0)) { $0 + parent.metric.value(of: actuals.figures(level, child, $1)) })
        }
        var blended: BlendedShares?
        if method == .blend {
            func sums(_ span: ClosedRange<Month>) -> [Int64] {
                children.map { child in span.list.reduce(Int64(0)) { $0 + parent.metric.value(of: actuals.figures(level, child, $1)) } }
            }
            let length = months.first!.distance(to: months.last!) + 1
            var values: [BlendFactor: [Int64]] = [
                .priorYear: weights,
                .lastPeriod: sums(shifted(months.first!...months.last!, by: -length)),
            ]
            if let firstMonth, firstMonth.year < months.first!.year {
                var seasonal = children.map { _ in Int64(0) }
                for back in 1...(months.first!.year - firstMonth.year) {
                    for (i, v) in sums(shifted(months.first!...months.last!, by: -12 * back)).enumerated() { seasonal[i] += max(0, v) }
                }
                values[.seasonal] = seasonal
            }
            let capacities = children.map { capacity[table[$0]] }
            if capacities.contains(where: { $0 != nil }) {
                values[.capacity] = capacities.map { Int64((max(0, $0 ?? 0) * 1000).rounded()) }
            }
            let b = BlendedShares(count: children.count, blend: blend, values: values)
            if let note = b.note(what: "the \(level.rawValue)s of \(parent.description(names)) in \(months.first!)…\(months.last!)") {
                notes.append((parent, note))
            }
            blended = b
            weights = b.weights
        } else if method == .even || !weights.contains(where: { $0 > 0 }) {
            if method != .even {
                notes.append((parent, "no \(level.rawValue) of \(parent.description(names)) has \(parent.metric.rawValue) in \(lastYear.lowerBound)…\(lastYear.upperBound); its targets are split evenly"))
            }
            weights = children.map { _ in 1 }
        }
        var totals = children.map { _ in Int64(0) }
        for month in months {
            let parts = largestRemainderSplit(monthly[parent.month(month)]!, weights: weights)
            for (i, (child, part)) in zip(children, parts).enumerated() {
                monthly[TargetPlan.Key(metric: parent.metric, level: level, key: child, month: month)] = part
                totals[i] += part
            }
        }
        let weightSum = Double(weights.reduce(0, +))
        for (i, child) in children.enumerated() {
            allocations.append(TargetAllocation(
                split: .units, metric: parent.metric, level: parent.level, key: parent.key,
                period: "\(months.first!)…\(months.last!)", month: nil, itemLevel: level, itemKey: child, method: method,
                share: Double(weights[i]) / weightSum,
                factorShares: blended.map { b in b.factorShares.mapValues { $0?[i] } } ?? [:], target: totals[i]))
        }
    }
}
