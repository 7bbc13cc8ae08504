import Dispatch
import SalesCloseCore
import SalesCloseForecast

/// Monthly revenue forecasts for the configured levels, reconciled so that children sum to their
/// parents, and the projected year-end achievement of every level with an annual target.
///
/// A series runs from its first sale to the last complete month (`through`); months without sales
/// are zeros. Reconciliation is top-down by forecast proportions (see `reconcile`): the total keeps
/// its own forecast, regions and categories share it, and SKUs share their category's.
struct ForecastCalculation {
    struct Series {
        var level: ActualsLevel
        var key: NameID
        var history: [Double]
        var forecast: SeriesForecast?
    }

    let through: Month
    let horizon: Int
    private(set) var series: [Series] = []
    private var index: [LevelKey: Int] = [:]

    init(actuals: MonthlyActuals, data: SalesData, through: Month, horizon: Int, levels: [String]) {
        self.through = through
        self.horizon = horizon
        let wanted = [ActualsLevel.total] + ActualsLevel.allCases.filter { $0 != .total && levels.contains($0.rawValue) }
        guard let first = data.orderMonthRange?.lowerBound, first <= through else { return }
        for level in wanted {
            for key in level == .total ? [0] : actuals.keys(at: level) {
                let values = stride(from: first, through: through, by: 1).map {
                    actuals.figures(level, key, $0).revenue.doubleValue
                }
                guard let start = values.firstIndex(where: { $0 != 0 }) else { continue }
                series.append(Series(level: level, key: key, history: Array(values[start...])))
            }
        }
        let request = ForecastRequest(horizon: horizon)
        // Each iteration writes only its own slot.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<SeriesForecast?>.allocate(capacity: series.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let inputs = series.map(\.history)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
            results[i] = autoForecast(inputs[i], request: request)
        }
        for i in series.indices { series[i].forecast = results[i] }
        index = Dictionary(uniqueKeysWithValues: series.indices.map { (LevelKey(level: series[$0].level, key: series[$0].key), $0) })
        reconcileTrees(data: data)
    }

    /// total → regions; total → categories → SKUs (SKUs without a category sit under the total).
    private mutating func reconcileTrees(data: SalesData) {
        guard let total = index[LevelKey(level: .total, key: 0)] else { return }
        var regionTree = [total], regionParents = [-1]
        for i in series.indices where series[i].level == .region { regionTree.append(i); regionParents.append(0) }
        var productTree = [total], productParents = [-1]
        var position: [Int: Int] = [:]
        for i in series.indices where series[i].level == .category {
            position[i] = productTree.count; productTree.append(i); productParents.append(0)
        }
        for i in series.indices where series[i].level == .sku {
            let category = Int(series[i].key) < data.products.count ? data.products[Int(series[i].key)].category : noName
            let parent = index[LevelKey(level: .category, key: category)].flatMap { position[$0] } ?? 0
            productTree.append(i); productParents.append(parent)
        }
        for (tree, parents) in [(regionTree, regionParents), (productTree, productParents)] where tree.count > 1 {
            let reconciled = reconcile(tree.map { series[$0].forecast! }, parents: parents)
            for (slot, i) in tree.enumerated() { series[i].forecast = reconciled[slot] }
        }
    }

    /// The reconciled forecast of `key` at `level` for `month`, if forecast.
    func forecast(_ level: ActualsLevel, _ key: NameID, _ month: Month) -> Double? {
        let step = through.distance(to: month) - 1
        guard step >= 0, step < horizon, let i = index[LevelKey(level: level, key: key)],
              let f = series[i].forecast else { return nil }
        return f.mean[step]
    }

    /// `forecast.csv`: level, key, month, forecast, lo80, hi80, lo95, hi95, model, backtest_wape.
    func table(names: SalesData.Names) -> ReportTable {
        var rows: [[ReportTable.Cell]] = []
        let ordered = series.sorted {
            ($0.level, $0.level.text(of: $0.key, names: names)) < ($1.level, $1.level.text(of: $1.key, names: names))
        }
        for s in ordered {
            guard let f = s.forecast else { continue }
            for step in 0..<horizon {
                rows.append([.text(s.level.rawValue), .text(s.level.text(of: s.key, names: names)),
                             .month(through.advanced(by: step + 1)), money(f.mean[step]),
                             money(f.lower[80]?[step]), money(f.upper[80]?[step]),
                             money(f.lower[95]?[step]), money(f.upper[95]?[step]),
                             .text(f.model), .rateOrEmpty(f.backtest?.wape)])
            }
        }
        return ReportTable(name: "forecast", columns: [
            .init("level", .text), .init("key", .text), .init("month", .month), .init("forecast", .money),
            .init("lo80", .money), .init("hi80", .money), .init("lo95", .money), .init("hi95", .money),
            .init("model", .text), .init("backtest_wape", .rate),
        ], rows: rows)
    }

    /// `projection.csv`: (YTD actual + forecast of the rest of the year) ÷ annual target, for every
    /// level key with an annual revenue target in the close year.
    func projectionTable(actuals: MonthlyActuals, plan: TargetPlan, close: Month, names: SalesData.Names) -> ReportTable {
        let year = close.yearStart...close.yearStart.advanced(by: 11)
        var rows: [[ReportTable.Cell]] = []
        for s in series.sorted(by: { ($0.level, $0.key) < ($1.level, $1.key) }) {
            guard let annual = plan.target(.revenue, s.level, s.key, in: year) else { continue }
            let ytd = actuals.revenue(s.level, s.key, in: close.yearStart...close)
            var rest = Money.zero
            var month = close.advanced(by: 1)
            while month <= year.upperBound {
                rest += Money(minorUnits: Int64(((forecast(s.level, s.key, month) ?? 0) * 100).rounded()))
                month = month.advanced(by: 1)
            }
            let projected = ytd + rest
            let target = Money(minorUnits: annual)
            rows.append([.text(s.level.rawValue), .text(s.level.text(of: s.key, names: names)), .money(target),
                         .money(ytd), .money(rest), .money(projected),
                         .rateOrEmpty(annual == 0 ? nil : projected.doubleValue / target.doubleValue),
                         .money(target - projected)])
        }
        return ReportTable(name: "projection", columns: [
            .init("level", .text), .init("key", .text), .init("annual_target", .money), .init("ytd_actual", .money),
            .init("forecast_rest_of_year", .money), .init("projected", .money),
            .init("projected_achievement", .rate), .init("projected_gap", .money),
        ], rows: rows)
    }
}

private func money(_ value: Double?) -> ReportTable.Cell {
    guard let value, value.isFinite else { return .empty }
    return .money(Money(minorUnits: Int64((value * 100).rounded())))
}

extension ForecastCalculation {
    /// The company total's forecast for `month` with its 80 % interval.
    func total(_ month: Month) -> (mean: Double, lo80: Double?, hi80: Double?)? {
        let step = through.distance(to: month) - 1
        guard step >= 0, step < horizon, let i = index[LevelKey(level: .total, key: 0)], let f = series[i].forecast else { return nil }
        return (f.mean[step], f.lower[80]?[step], f.upper[80]?[step])
    }
}
