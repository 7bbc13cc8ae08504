import Dispatch
import SalesCloseCore
import SalesCloseForecast

/// Monthly forecasts of one metric (revenue or quantity) for the configured levels, reconciled so
/// that children sum to their parents, and the projected year-end achievement of every level
/// with an annual target.
///
/// A level is the total, one dimension (`region`) or a crossing of two (`region*category`). A
/// series runs from its first sale to the last complete month (`through`); months without sales
/// are zeros. The series are reconciled in one hierarchy (see `hierarchy(data:)` and the
/// forecasting module's `reconcile`, method `[forecast] reconciliation`): regions and categories
/// add up to the total, SKUs to their category and a crossed series' keys to its first
/// dimension's (region × category within its region), to the cent.
struct ForecastCalculation {
    /// The total (no dimension), one dimension, or two crossed.
    struct Level: Hashable {
        var dimensions: [Dimension]
        var name: String { dimensions.isEmpty ? "total" : dimensions.map(\.rawValue).joined(separator: "*") }
        var single: ActualsLevel? {
            dimensions.isEmpty ? .total : dimensions.count == 1 ? ActualsLevel(rawValue: dimensions[0].rawValue) : nil
        }
        /// `total`, `region`, `region*category` (also `region×category`); nil if unknown.
        init?(_ text: String) {
            if text == "total" { dimensions = []; return }
            let parts = text.split(whereSeparator: { $0 == "*" || $0 == "×" }).map(String.init)
            let dims = parts.compactMap { Dimension(rawValue: $0 == "customer_id" ? "customer" : $0) }
            guard dims.count == parts.count, (1...2).contains(dims.count), Set(dims).count == dims.count else { return nil }
            dimensions = dims
        }
        init(dimensions: [Dimension]) { self.dimensions = dimensions }
    }

    struct Series {
        var level: Level
        var key: [NameID]
        var history: [Double]
        var forecast: SeriesForecast?
    }

    let metric: TargetMetric
    let through: Month
    let horizon: Int
    private(set) var series: [Series] = []
    private var index: [SeriesID: Int] = [:]

    private struct SeriesID: Hashable { var level: Level; var key: [NameID] }

    init(actuals: MonthlyActuals, data: SalesData, through: Month, horizon: Int, levels: [String],
         reconciliation: ReconciliationMethod, metric: TargetMetric = .revenue, progress: ProgressLine? = nil) {
        self.metric = metric
        self.through = through
        self.horizon = horizon
        guard let first = data.orderMonthRange?.lowerBound, first <= through else { return }
        let months = Array(stride(from: first, through: through, by: 1))
        var wanted = [Level(dimensions: [])]
        for text in levels { if let l = Level(text), !wanted.contains(l) { wanted.append(l) } }
        for level in wanted {
            if let single = level.single {
                for key in single == .total ? [0] : actuals.keys(at: single) {
                    let values = months.map { value(actuals.figures(single, key, $0)) }
                    add(level, [key], values)
                }
            } else {
                for (key, values) in crossedSeries(level, data: data, months: months) { add(level, key, values) }
            }
        }
        let request = ForecastRequest(horizon: horizon)
        // Each iteration writes only its own slot.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<SeriesForecast?>.allocate(capacity: series.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let inputs = series.map(\.history)
        progress?.begin(metric == .quantity ? "forecasting quantities" : "forecasting", unit: .items("series"), total: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
            results[i] = autoForecast(inputs[i], request: request)
            progress?.advance(by: 1)
        }
        for i in series.indices {
            series[i].forecast = results[i]
            index[SeriesID(level: series[i].level, key: series[i].key)] = i
        }
        if let hierarchy = hierarchy(data: data) {
            let reconciled = reconcile(series.map { $0.forecast! }, in: hierarchy, method: reconciliation,
                                       unit: metric == .quantity ? 1 / Double(Quantity.scale) : 0.01)
            for i in series.indices { series[i].forecast = reconciled[i] }
        }
    }

    private func value(_ f: ActualsFigures) -> Double {
        metric == .quantity ? f.quantity.doubleValue : f.revenue.doubleValue
    }

    /// Adds a series, trimmed to start at its first month with sales (none if it never sold).
    private mutating func add(_ level: Level, _ key: [NameID], _ values: [Double]) {
        guard let start = values.firstIndex(where: { $0 != 0 }) else { return }
        series.append(Series(level: level, key: key, history: Array(values[start...])))
    }

    /// Monthly values of every pair of the level's two dimensions, from the counted order lines.
    private func crossedSeries(_ level: Level, data: SalesData, months: [Month]) -> [([NameID], [Double])] {
        let (a, b) = (level.dimensions[0], level.dimensions[1])
        let first = months[0]
        var sums: [UInt64: [Int64]] = [:]
        for line in data.orderLines where !line.isCancelled {
            let (x, y) = (line.value(of: a), line.value(of: b))
            let m = first.distance(to: line.orderDate.month)
            guard x != noName, y != noName, m >= 0, m < months.count else { continue }
            let key = UInt64(UInt32(x)) << 32 | UInt64(UInt32(y))
            sums[key, default: [Int64](repeating: 0, count: months.count)][m] +=
                metric == .quantity ? line.quantity.thousandths : line.amount.minorUnits
        }
        let scale = metric == .quantity ? Double(Quantity.scale) : 100
        return sums.keys.sorted().map { key in
            ([NameID(truncatingIfNeeded: key >> 32), NameID(truncatingIfNeeded: key & 0xFFFF_FFFF)],
             sums[key]!.map { Double($0) / scale })
        }
    }

    /// The hierarchy: one tree per single level under the total (total → regions, total →
    /// salespeople …), except that categories and SKUs form one tree (total → category → SKU; a
    /// SKU without a category hangs from the total), listed first; crossed series hang from their
    /// first dimension's series.
    private func hierarchy(data: SalesData) -> Hierarchy? {
        guard let total = index[SeriesID(level: Level(dimensions: []), key: [0])] else { return nil }
        var trees: [String: [Int]] = [:]           // children of the total, by tree (a level name)
        var below: [Int: [Int]] = [:]               // children of a category or a first dimension's series
        for i in series.indices {
            let dims = series[i].level.dimensions
            if dims.count == 1 {
                var parent = total
                if dims[0] == .sku {
                    let sku = Int(series[i].key[0])
                    let category = sku < data.products.count ? data.products[sku].category : noName
                    parent = index[SeriesID(level: Level(dimensions: [.category]), key: [category])] ?? total
                }
                if parent == total { trees[dims[0] == .sku ? Dimension.category.rawValue : dims[0].rawValue, default: []].append(i) }
                else { below[parent, default: []].append(i) }
            } else if dims.count == 2 {
                let parent = index[SeriesID(level: Level(dimensions: [dims[0]]), key: [series[i].key[0]])] ?? total
                if parent == total { trees[series[i].level.name, default: []].append(i) } else { below[parent, default: []].append(i) }
            }
        }
        let category = Dimension.category.rawValue
        let roots = trees.keys.sorted { ($0 == category ? 0 : 1, $0) < ($1 == category ? 0 : 1, $1) }
        let aggregations = roots.map { Hierarchy.Aggregation(parent: total, children: trees[$0]!) }
            + below.keys.sorted().map { Hierarchy.Aggregation(parent: $0, children: below[$0]!) }
        return Hierarchy(nodeCount: series.count, aggregations: aggregations)
    }

    /// The reconciled forecast of a single level's key for `month`, if forecast.
    func forecast(_ level: ActualsLevel, _ key: NameID, _ month: Month) -> Double? {
        let step = through.distance(to: month) - 1
        let dims = level.dimension.map { [$0] } ?? []
        guard step >= 0, step < horizon, let i = index[SeriesID(level: Level(dimensions: dims), key: [key])],
              let f = series[i].forecast else { return nil }
        return f.mean[step]
    }

    /// The company total's forecast for `month` with its 80 % interval.
    func total(_ month: Month) -> (mean: Double, lo80: Double?, hi80: Double?)? {
        let step = through.distance(to: month) - 1
        guard step >= 0, step < horizon, let i = index[SeriesID(level: Level(dimensions: []), key: [0])],
              let f = series[i].forecast else { return nil }
        return (f.mean[step], f.lower[80]?[step], f.upper[80]?[step])
    }

    /// `total`, a key's text, or a crossed key's texts joined by ` / `.
    func keyText(_ s: Series, _ names: SalesData.Names) -> String {
        s.level.dimensions.isEmpty ? "total"
            : zip(s.level.dimensions, s.key).map { names.table(for: $0.0)[$0.1] }.joined(separator: " / ")
    }

    /// `forecast.csv` (revenue, money) or `forecast_quantity.csv`: level, key, month, forecast,
    /// lo80, hi80, lo95, hi95, model, backtest_wape.
    func table(names: SalesData.Names) -> ReportTable {
        var rows: [[ReportTable.Cell]] = []
        let order = Dictionary(uniqueKeysWithValues: ([Level(dimensions: [])] + series.map(\.level)).reduce(into: [Level]()) {
            if !$0.contains($1) { $0.append($1) }
        }.enumerated().map { ($1, $0) })
        let ordered = series.map { ($0, keyText($0, names)) }.sorted { (order[$0.0.level]!, $0.1) < (order[$1.0.level]!, $1.1) }
        let cell = metric == .quantity ? quantityCell : ReportTable.Cell.moneyOrEmpty
        for (s, text) in ordered {
            guard let f = s.forecast else { continue }
            for step in 0..<horizon {
                rows.append([.text(s.level.name), .text(text), .month(through.advanced(by: step + 1)), cell(f.mean[step]),
                             cell(f.lower[80]?[step]), cell(f.upper[80]?[step]), cell(f.lower[95]?[step]), cell(f.upper[95]?[step]),
                             .text(f.model), .rateOrEmpty(f.backtest?.wape)])
            }
        }
        let kind: ReportTable.Kind = metric == .quantity ? .quantity : .money
        return ReportTable(name: metric == .quantity ? "forecast_quantity" : "forecast", columns: [
            .init("level", .text), .init("key", .text), .init("month", .month), .init("forecast", kind),
            .init("lo80", kind), .init("hi80", kind), .init("lo95", kind), .init("hi95", kind),
            .init("model", .text), .init("backtest_wape", .rate),
        ], rows: rows)
    }

    /// One key's projected year end: YTD actual + forecast of the rest of the year, against the
    /// annual target.
    struct Projection {
        var level: ActualsLevel
        var key: NameID
        var annualTarget: Money
        var ytdActual: Money
        var forecastRestOfYear: Money
        var projected: Money { ytdActual + forecastRestOfYear }
        /// projected ÷ annual target; nil for a zero target.
        var projectedAchievement: Double?
        /// annual target − projected, like the achievement gap: negative when the target will be beaten.
        var projectedGap: Money { annualTarget - projected }

        /// Keys of one level added up (an "others" or total line); the achievement of the sums.
        static func summed(_ rows: [Projection], level: ActualsLevel) -> Projection {
            let target = rows.reduce(Money.zero) { $0 + $1.annualTarget }
            let ytd = rows.reduce(Money.zero) { $0 + $1.ytdActual }
            let rest = rows.reduce(Money.zero) { $0 + $1.forecastRestOfYear }
            let rate = target == .zero ? nil : (ytd + rest).doubleValue / target.doubleValue
            return Projection(level: level, key: noName, annualTarget: target, ytdActual: ytd, forecastRestOfYear: rest,
                              projectedAchievement: rate.flatMap { $0.isFinite ? $0 : nil })
        }
    }

    /// Every single-level key with an annual revenue target in the close year, by level and key id.
    func projections(actuals: MonthlyActuals, plan: TargetPlan, close: Month) -> [Projection] {
        let year = close.yearStart...close.yearStart.advanced(by: 11)
        let singles = series.compactMap { s in s.level.single.map { ($0, s.key[0]) } }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        return singles.compactMap { level, key in
            guard let annual = plan.target(.revenue, level, key, in: year) else { return nil }
            let ytd = actuals.revenue(level, key, in: close.yearStart...close)
            var rest = Money.zero
            var month = close.advanced(by: 1)
            while month <= year.upperBound {
                rest += Money(rounding: forecast(level, key, month) ?? 0)
                month = month.advanced(by: 1)
            }
            let target = Money(minorUnits: annual)
            let projected = ytd + rest
            let rate = annual == 0 ? nil : projected.doubleValue / target.doubleValue
            return Projection(level: level, key: key, annualTarget: target, ytdActual: ytd, forecastRestOfYear: rest,
                              projectedAchievement: rate.flatMap { $0.isFinite ? $0 : nil })
        }
    }

    /// `projection.csv`.
    static func projectionTable(_ projections: [Projection], names: SalesData.Names) -> ReportTable {
        ReportTable(name: "projection", columns: [
            .init("level", .text), .init("key", .text), .init("annual_target", .money), .init("ytd_actual", .money),
            .init("forecast_rest_of_year", .money), .init("projected", .money),
            .init("projected_achievement", .rate), .init("projected_gap", .money),
        ], rows: projections.map { p in
            [.text(p.level.rawValue), .text(p.level.text(of: p.key, names: names)), .money(p.annualTarget),
             .money(p.ytdActual), .money(p.forecastRestOfYear), .money(p.projected),
             .rateOrEmpty(p.projectedAchievement), .money(p.projectedGap)]
        })
    }
}

private func quantityCell(_ value: Double?) -> ReportTable.Cell {
    guard let value, value.isFinite else { return .empty }
    return .quantity(Quantity(thousandths: Int64((value * 1000).rounded())))
}
