import SalesCloseConfiguration
import SalesCloseCore
import SalesCloseImport
import SalesCloseWriters

/// Every figure of a monthly close but the forecasts: actuals, targets, achievement, growth,
/// ABC, backlog, delivery, receivables, plan vs actual, order-to-cash and the scorecard, with
/// the data-quality findings of their calculations.
struct CloseFigures {
    /// The figures of sales (actuals, targets and what reads only them).
    struct Sales {
        let actuals: MonthlyActuals
        let plan: TargetPlan
        let achievement: AchievementReport
        let growth: GrowthReport
        let abc: ABCAnalysis
        let weekly: WeeklyActuals

        init(imported: ImportResult, configuration: Configuration, period: Month) {
            let data = imported.data
            actuals = MonthlyActuals(data: data)
            plan = TargetPlan(rows: imported.targets, data: data, actuals: actuals, settings: configuration.targets.settings,
                              capacity: imported.capacity)
            achievement = AchievementReport(plan: plan, actuals: actuals, data: data, close: period)
            growth = GrowthReport(actuals: actuals, data: data, close: period)
            abc = ABCAnalysis(actuals: actuals, data: data, close: period, settings: configuration.abc)
            weekly = WeeklyActuals(data: data)
        }
    }

    /// The figures of stock that read the shipments matched to order lines: backlog and receivables.
    struct Stock {
        let matching: ShipmentMatching
        let backlog: BacklogReport
        let receivables: ReceivablesReport

        init(data: SalesData, period: Month, settings: OrderToCashSettings) {
            matching = ShipmentMatching(data: data)
            backlog = BacklogReport(data: data, matching: matching, period: period, settings: settings)
            receivables = ReceivablesReport(data: data, matching: matching, period: period, settings: settings)
        }
    }

    let sales: Sales
    let backlog: BacklogReport
    let receivables: ReceivablesReport
    let delivery: DeliveryReport
    let planVsActual: PlanVsActualReport
    let orderToCash: OrderToCashKPIs
    let scorecard: Scorecard
    /// The names behind the ids, for rendering the tables.
    let data: SalesData
    /// Data-quality findings of the calculations (targets, shipment matching, receivables).
    let findings: [Finding]

    /// The figures that read both sales and stock: delivery, plan vs actual and the scorecard.
    init(sales: Sales, stock: Stock, imported: ImportResult, configuration: Configuration, period: Month) {
        let data = imported.data
        let settings = configuration.receivables
        let monthTarget = sales.plan.target(.revenue, .total, 0, in: period...period).map(Money.init(minorUnits:))
        delivery = DeliveryReport(data: data, matching: stock.matching, period: period, settings: settings)
        planVsActual = PlanVsActualReport(data: data, matching: stock.matching, period: period, shippedValueTarget: monthTarget,
                                          settings: settings)
        scorecard = Scorecard(data: data, actuals: sales.actuals, plan: sales.plan, matching: stock.matching,
                              receivables: stock.receivables, delivery: delivery, close: period, settings: configuration.scorecard,
                              commission: configuration.commission, terms: settings)
        orderToCash = OrderToCashKPIs(backlog: stock.backlog, delivery: delivery, receivables: stock.receivables)
        (self.sales, backlog, receivables, self.data) = (sales, stock.backlog, stock.receivables, data)
        let paths = imported.filePaths
        findings = sales.plan.findings
            + (stock.matching.issues + stock.receivables.issues).map { $0.finding(file: paths[Int($0.source.file)]) }
    }
}

extension CloseFigures {
    /// The figures' output tables in the order they are written. Each is rendered only when
    /// `body` asks for it and dropped after, and the longest (actuals, backlog, delivery) a row at
    /// a time by the threads that format them, so their cells are never all in memory, nor made
    /// on one thread.
    func forEachTable(_ body: (TableBlocks) throws -> Void) rethrows {
        for render in tableRenderers { try body(render()) }
    }

    /// How many tables `forEachTable` gives.
    var tableCount: Int { tableRenderers.count }

    private var tableRenderers: [() -> TableBlocks] {
        let names = data.names
        let whole: [() -> ReportTable] = [
            { sales.weekly.table(names: names) }, { sales.achievement.table }, { sales.growth.table }, { sales.plan.allocationTable(names: names) },
            { scorecard.table(names: names) },
            { sales.abc.products.table }, { sales.abc.customers.table }, { sales.abc.matrix },
        ]
        let rest: [() -> ReportTable] = [
            { delivery.overdueTable(data: data) }, { receivables.table(data: data) }, { planVsActual.table() },
        ]
        return [{ sales.actuals.tableBlocks(names: names) }] + whole.map { r in { TableBlocks(r()) } }
            + [{ backlog.tableBlocks(names: names) }, { delivery.tableBlocks(names: names) }] + rest.map { r in { TableBlocks(r()) } }
    }
}
