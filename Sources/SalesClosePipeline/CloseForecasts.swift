import SalesCloseConfiguration
import SalesCloseCore
import SalesCloseWriters

/// The forecasts of a close: revenue (and quantity when `[forecast] metrics` asks for it) for
/// the configured levels, and the projected year end of every level with an annual target.
struct CloseForecasts {
    let revenue: ForecastCalculation
    let quantity: ForecastCalculation?
    let projections: [ForecastCalculation.Projection]

    init(sales: CloseFigures.Sales, data: SalesData, settings: ForecastSettings, period: Month, progress: ProgressLine?) {
        func forecast(_ metric: TargetMetric) -> ForecastCalculation {
            ForecastCalculation(actuals: sales.actuals, data: data, through: period, horizon: settings.horizon,
                                levels: settings.levels, reconciliation: settings.reconciliation, metric: metric, progress: progress)
        }
        revenue = forecast(.revenue)
        quantity = settings.metrics.contains(.quantity) ? forecast(.quantity) : nil
        projections = revenue.projections(actuals: sales.actuals, plan: sales.plan, close: period)
    }

    /// The forecasts' output tables in the order they are written, each rendered only when
    /// `body` asks for it.
    func forEachTable(names: SalesData.Names, _ body: (TableBlocks) throws -> Void) rethrows {
        try body(TableBlocks(revenue.table(names: names)))
        try body(TableBlocks(ForecastCalculation.projectionTable(projections, names: names)))
        if let quantity { try body(TableBlocks(quantity.table(names: names))) }
    }

    /// How many tables `forEachTable` gives.
    var tableCount: Int { quantity == nil ? 2 : 3 }
}
