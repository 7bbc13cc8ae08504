import SalesCloseConfiguration
import SalesCloseCore
import SalesCloseImport
import SalesCloseWriters

/// Every figure of a monthly close, computed from the imported data on two lanes. The first
/// makes the sales figures, then the forecasts (themselves on both cores); the second the
/// shipment matching and the figures of stock, then, once the sales figures are there, delivery,
/// plan vs actual and the scorecard, and hands the complete figures to `whileForecasting`
/// (which writes their tables while the forecasts run).
struct CloseCalculation {
    let figures: CloseFigures
    let forecasts: CloseForecasts

    var findings: [Finding] { figures.findings }

    init(imported: ImportResult, configuration: Configuration, period: Month, progress: ProgressLine? = nil,
         whileForecasting: @escaping (CloseFigures) -> Void = { _ in }) {
        let salesReady = Handoff<CloseFigures.Sales>()
        let (forecasts, figures) = concurrently({
            let sales = CloseFigures.Sales(imported: imported, configuration: configuration, period: period)
            salesReady.put(sales)
            return CloseForecasts(sales: sales, data: imported.data, settings: configuration.forecast, period: period,
                                  progress: progress)
        }, {
            let stock = CloseFigures.Stock(data: imported.data, period: period, settings: configuration.receivables)
            let figures = CloseFigures(sales: salesReady.take(), stock: stock, imported: imported, configuration: configuration,
                                       period: period)
            whileForecasting(figures)
            return figures
        })
        (self.figures, self.forecasts) = (figures, forecasts)
    }
}
