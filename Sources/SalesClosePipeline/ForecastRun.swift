import Foundation
import SalesCloseCore
import SalesCloseForecast
import SalesCloseConfiguration
import SalesCloseImport
import SalesCloseWriters

/// A scheduled forecast update: forecasts from the last complete month, written as a snapshot
/// in `Output/forecasts/<run-date>/`, with the accuracy of every earlier snapshot on the months
/// that have since become actual.
public struct ForecastRun {
    public struct Summary {
        public var through: Month
        public var outputPath: String
        public var seriesCount: Int
        public var snapshotsEvaluated: Int
    }

    public let options: RunOptions
    /// The snapshot's date (the folder name); the CLI passes today.
    public let runDate: Day
    public let horizon: Int?
    public let log: (String) -> Void

    public init(options: RunOptions, runDate: Day, horizon: Int?, log: @escaping (String) -> Void) {
        self.options = options; self.runDate = runDate; self.horizon = horizon; self.log = log
    }

    /// The snapshot date of `--run-date YYYY-MM-DD`, nil when it is not a calendar day.
    public static func runDate(_ text: String) -> Day? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return Day(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Today (UTC), the default snapshot date.
    public static func today() -> Day { Day(daysSinceEpoch: Int32(Int(Date().timeIntervalSince1970) / 86_400)) }

    public func execute() throws -> Summary {
        let configuration = try loadConfiguration(options.configFolder)
        let imported = try importInputs(configuration: configuration, options: options, log: log)
        let data = imported.data
        guard let through = options.period ?? lastCompleteMonth(of: data) else {
            throw PipelineError(exitCode: 1, "\(options.inputFolder): error: no order lines were read; nothing to forecast")
        }
        log("forecasting from \(through.advanced(by: 1)) for \(horizon ?? configuration.forecast.horizon) months")
        let actuals = MonthlyActuals(data: data)
        let plan = TargetPlan(rows: imported.targets, data: data, actuals: actuals, settings: configuration.targets.settings)
        let forecast = ForecastCalculation(actuals: actuals, data: data, through: through,
                                           horizon: horizon ?? configuration.forecast.horizon, levels: configuration.forecast.levels,
                                   reconciliation: configuration.forecast.reconciliation)
        let forecastTable = forecast.table(names: data.names)
        let quantityTables = configuration.forecast.metrics.contains(.quantity)
            ? [ForecastCalculation(actuals: actuals, data: data, through: through, horizon: forecast.horizon,
                                   levels: configuration.forecast.levels,
                                   reconciliation: configuration.forecast.reconciliation, metric: .quantity).table(names: data.names)]
            : []
        let projection = ForecastCalculation.projectionTable(
            forecast.projections(actuals: actuals, plan: plan, close: through), names: data.names)
        let snapshotsFolder = (options.outputFolder as NSString).appendingPathComponent("forecasts")
        let accuracy = try SnapshotAccuracy(folder: snapshotsFolder, excluding: runDate.description,
                                            actuals: actuals, names: data.names, through: through)
        let tables = [forecastTable, projection, accuracy.detail, accuracy.summary] + quantityTables
        let next = forecast.total(through.advanced(by: 1))?.mean
        let year = (1...forecast.horizon).compactMap { forecast.total(through.advanced(by: $0))?.mean }.reduce(0, +)
        let kpis = [
            KPI("forecast_next_month", .moneyOrEmpty(next)),
            KPI("forecast_horizon_total", .moneyOrEmpty(year)),
        ]
        let pack = ClosePack(period: through, language: configuration.language,
                             kpis: kpis, sheets: [
            ClosePackSheet(titleKey: "forecast", table: forecastTable, sideTables: [projection],
                           notes: [Translations.text("forecast_note", configuration.language)]),
            ClosePackSheet(titleKey: "forecast_accuracy", table: accuracy.summary, sideTables: [accuracy.detail]),
        ])
        let destination = try OutputFolder(root: options.outputFolder).withLock(log: log) {
            try OutputFolder(root: snapshotsFolder).replace(runDate.description) { folder in
                for table in tables {
                    try CSVTableWriter.write(table, to: (folder as NSString).appendingPathComponent(table.name + ".csv"))
                }
                try writeClosePack(pack, to: (folder as NSString).appendingPathComponent("forecast-\(runDate).xlsx"),
                                   createdAt: runDate)
                var manifest = makeManifest(imported: imported, configuration: configuration, period: through, command: "forecast")
                try manifest.addOutputs(in: folder)
                try manifest.write(to: (folder as NSString).appendingPathComponent("manifest.json"))
            }
        }
        return Summary(through: through, outputPath: destination, seriesCount: forecast.series.count,
                       snapshotsEvaluated: accuracy.snapshots)
    }
}

/// The accuracy of earlier forecast snapshots on the months that are now actual (up to `through`).
struct SnapshotAccuracy {
    let detail: ReportTable
    let summary: ReportTable
    let snapshots: Int

    init(folder: String, excluding current: String, actuals: MonthlyActuals, names: SalesData.Names, through: Month) throws {
        var detailRows: [[ReportTable.Cell]] = []
        var summaryRows: [[ReportTable.Cell]] = []
        var evaluated = 0
        let snapshotNames = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != current }.sorted()
        for snapshot in snapshotNames {
            let path = (folder as NSString).appendingPathComponent(snapshot + "/forecast.csv")
            guard FileManager.default.fileExists(atPath: path) else { continue }
            var byLevel: [ActualsLevel: AccuracyAccumulator] = [:]
            var header: [String: Int] = [:]
            try CSVReader().read(path: path, options: .init()) { r in
                if header.isEmpty {
                    for i in 0..<r.count { header[r.string(i)] = i }
                    return true
                }
                guard let l = header["level"], let k = header["key"], let m = header["month"], let f = header["forecast"],
                      let level = ActualsLevel(rawValue: r.string(l)), let month = Month(r.string(m)), month <= through,
                      let forecast = Double(r.string(f)) else { return true }
                let keyText = r.string(k)
                let key: NameID? = level.dimension.map { names.table(for: $0).id(of: keyText) } ?? 0
                let actual = key.map { actuals.figures(level, $0, month).revenue.doubleValue } ?? 0
                detailRows.append([.text(snapshot), .text(level.rawValue), .text(keyText), .month(month),
                                   .moneyOrEmpty(forecast), .moneyOrEmpty(actual), .moneyOrEmpty(forecast - actual)])
                byLevel[level, default: AccuracyAccumulator()].add(forecast: [forecast], actual: [actual], scale: 0)
                return true
            }
            if !byLevel.isEmpty { evaluated += 1 }
            for level in byLevel.keys.sorted() {
                let a = byLevel[level]!
                summaryRows.append([.text(snapshot), .text(level.rawValue), .integer(a.count),
                                    .rateOrEmpty(a.accuracy?.wape), .rateOrEmpty(a.accuracy?.bias)])
            }
        }
        snapshots = evaluated
        detail = ReportTable(name: "forecast_accuracy_detail", columns: [
            .init("snapshot", .text), .init("level", .text), .init("key", .text), .init("month", .month),
            .init("forecast", .money), .init("actual", .money), .init("error", .money),
        ], rows: detailRows)
        // bias = Σ(forecast − actual) ÷ Σ actual: positive means the snapshot over-forecast.
        summary = ReportTable(name: "forecast_accuracy", columns: [
            .init("snapshot", .text), .init("level", .text), .init("points", .integer), .init("wape", .rate), .init("bias", .rate),
        ], rows: summaryRows)
    }
}
