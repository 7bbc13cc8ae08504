import SalesCloseConfiguration
import SalesCloseCore
import SalesCloseImport
import SalesCloseWriters

/// Every figure of a monthly close, computed from the imported data on two lanes: sales figures
/// beside shipment matching, backlog and receivables, then forecasts beside delivery and the
/// scorecard.
struct CloseCalculation {
    let actuals: MonthlyActuals
    let plan: TargetPlan
    let achievement: AchievementReport
    let growth: GrowthReport
    let abc: ABCAnalysis
    let backlog: BacklogReport
    let delivery: DeliveryReport
    let receivables: ReceivablesReport
    let planVsActual: PlanVsActualReport
    let orderToCash: OrderToCashKPIs
    let forecast: ForecastCalculation
    let projections: [ForecastCalculation.Projection]
    let scorecard: Scorecard
    let weekly: WeeklyActuals
    /// The quantity forecasts, when `[forecast] metrics` asks for them.
    let quantityForecast: ForecastCalculation?
    /// The names behind the ids, for rendering the tables.
    private let data: SalesData
    /// Data-quality findings of the calculations (targets, shipment matching, receivables).
    let findings: [Finding]

    init(imported: ImportResult, configuration: Configuration, period: Month, progress: ProgressLine? = nil) {
        let data = imported.data
        let settings = configuration.receivables
        let forecastSettings = configuration.forecast
        // Two lanes, twice: sales figures beside shipment matching and the reports of stock
        // (backlog, receivables); then forecasts (themselves on both cores) beside delivery,
        // plan vs actual and the scorecard, which reads the figures of the first.
        let (sales, toCash) = concurrently({
            let actuals = MonthlyActuals(data: data)
            let plan = TargetPlan(rows: imported.targets, data: data, actuals: actuals, settings: configuration.targets.settings,
                                  capacity: imported.capacity)
            return (actuals: actuals, plan: plan,
                    achievement: AchievementReport(plan: plan, actuals: actuals, data: data, close: period),
                    growth: GrowthReport(actuals: actuals, data: data, close: period),
                    abc: ABCAnalysis(actuals: actuals, data: data, close: period, settings: configuration.abc),
                    weekly: WeeklyActuals(data: data))
        }, {
            let matching = ShipmentMatching(data: data)
            return (matching: matching,
                    backlog: BacklogReport(data: data, matching: matching, period: period, settings: settings),
                    receivables: ReceivablesReport(data: data, matching: matching, period: period, settings: settings))
        })
        let (actuals, plan, matching, receivables) = (sales.actuals, sales.plan, toCash.matching, toCash.receivables)
        (self.actuals, self.plan, achievement, growth, abc, weekly) = (actuals, plan, sales.achievement, sales.growth, sales.abc, sales.weekly)
        (backlog, self.receivables) = (toCash.backlog, receivables)
        let monthTarget = plan.target(.revenue, .total, 0, in: period...period).map(Money.init(minorUnits:))

        let (forecasts, delivered) = concurrently({
            func forecast(_ metric: TargetMetric) -> ForecastCalculation {
                ForecastCalculation(actuals: actuals, data: data, through: period, horizon: forecastSettings.horizon,
                                    levels: forecastSettings.levels, reconciliation: forecastSettings.reconciliation,
                                    metric: metric, progress: progress)
            }
            let revenue = forecast(.revenue)
            return (revenue: revenue, quantity: forecastSettings.metrics.contains(.quantity) ? forecast(.quantity) : nil,
                    projections: revenue.projections(actuals: actuals, plan: plan, close: period))
        }, {
            let delivery = DeliveryReport(data: data, matching: matching, period: period, settings: settings)
            return (delivery: delivery,
                    planVsActual: PlanVsActualReport(data: data, matching: matching, period: period,
                                                     shippedValueTarget: monthTarget, settings: settings),
                    scorecard: Scorecard(data: data, actuals: actuals, plan: plan, matching: matching, receivables: receivables,
                                         delivery: delivery, close: period, settings: configuration.scorecard,
                                         commission: configuration.commission, terms: settings))
        })
        (forecast, quantityForecast, projections) = (forecasts.revenue, forecasts.quantity, forecasts.projections)
        (delivery, planVsActual, scorecard) = (delivered.delivery, delivered.planVsActual, delivered.scorecard)
        orderToCash = OrderToCashKPIs(backlog: backlog, delivery: delivery, receivables: receivables)
        self.data = data
        let paths = imported.filePaths
        findings = plan.findings + (matching.issues + receivables.issues).map { $0.finding(file: paths[Int($0.source.file)]) }
    }
}

extension CloseCalculation {
    /// The output tables in the order they are written. Each is rendered only when `body` asks
    /// for it and dropped after, and the longest (actuals, backlog, delivery) a row at a time by
    /// the threads that format them, so their cells are never all in memory, nor made on one
    /// thread.
    func forEachTable(_ body: (TableBlocks) throws -> Void) rethrows {
        for render in tableRenderers { try body(render()) }
    }

    /// How many tables `forEachTable` gives.
    var tableCount: Int { tableRenderers.count }

    private var tableRenderers: [() -> TableBlocks] {
        let names = data.names
        let whole: [() -> ReportTable] = [
            { weekly.table(names: names) }, { achievement.table }, { growth.table }, { plan.allocationTable(names: names) },
            { scorecard.table(names: names) },
            { abc.products.table }, { abc.customers.table }, { abc.matrix },
        ]
        let rest: [() -> ReportTable] = [
            { delivery.overdueTable(data: data) },
            { receivables.table(data: data) }, { planVsActual.table() },
            { forecast.table(names: names) },
            { ForecastCalculation.projectionTable(projections, names: names) },
        ] + (quantityForecast.map { q in [{ q.table(names: names) }] } ?? [])
        return [{ actuals.tableBlocks(names: names) }] + whole.map { r in { TableBlocks(r()) } }
            + [{ backlog.tableBlocks(names: names) }, { delivery.tableBlocks(names: names) }] + rest.map { r in { TableBlocks(r()) } }
    }
}
