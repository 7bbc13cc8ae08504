import Foundation
import SalesCloseConfiguration
import SalesCloseCore
import SalesCloseImport
import SalesCloseWriters

/// The daily flash report (营业日报): import, compute `FlashReport` as of a day, and write
/// `Output/flash/<as-of>/` (flash.csv, flash_daily.csv, flash_movers.csv, flash-<as-of>.xlsx,
/// manifest.json) atomically, like `run`.
public struct FlashRun {
    public struct Summary {
        public var asOf: Day
        public var outputPath: String
    }

    public let options: RunOptions
    /// nil = the last order date in the data.
    public let asOf: Day?
    public let log: (String) -> Void

    public init(options: RunOptions, asOf: Day?, log: @escaping (String) -> Void) {
        self.options = options; self.asOf = asOf; self.log = log
    }

    public func execute() throws -> Summary {
        let configuration = try loadConfiguration(options.configFolder)
        let imported = try importInputs(configuration: configuration, options: options, log: log)
        let data = imported.data
        guard let day = asOf ?? data.orderLines.lazy.filter({ !$0.isCancelled }).map(\.orderDate).max() else {
            throw PipelineError(exitCode: 1, "\(options.inputFolder): error: no order lines were read; no flash report")
        }
        let holidays = try readHolidays(configuration)
        let actuals = MonthlyActuals(data: data)
        let plan = TargetPlan(rows: imported.targets, data: data, actuals: actuals, settings: configuration.targets.settings,
                              capacity: imported.capacity)
        let flash = FlashReport(data: data, plan: plan, asOf: day, settings: FlashSettings(
            spread: configuration.flash.spread, holidays: holidays, movers: configuration.flash.movers))
        for note in flash.notes.prefix(5) { log("note: \(note)") }
        let tables = [flash.table(names: data.names), flash.dailyTable(names: data.names), flash.moversTable(data: data)]
        let destination = try OutputFolder(root: options.outputFolder).withLock(log: log) {
            try OutputFolder(root: (options.outputFolder as NSString).appendingPathComponent("flash")).replace(day.description) { folder in
                for table in tables {
                    try CSVTableWriter.write(table, to: (folder as NSString).appendingPathComponent(table.name + ".csv"))
                }
                try writeFlashWorkbook(flash, data: data, to: (folder as NSString).appendingPathComponent("flash-\(day).xlsx"),
                                       language: configuration.language)
                var manifest = makeManifest(imported: imported, configuration: configuration, period: day.month, command: "flash")
                try manifest.addOutputs(in: folder)
                try manifest.write(to: (folder as NSString).appendingPathComponent("manifest.json"))
            }
        }
        return Summary(asOf: day, outputPath: destination)
    }

    /// `[flash] holidays_file`: one ISO date per line in the configuration folder; a header line
    /// and anything after a comma are ignored. A missing file or a line that is not a date is an error.
    func readHolidays(_ configuration: Configuration) throws -> Set<Day> {
        guard let name = configuration.flash.holidaysFile else { return [] }
        let path = (configuration.folder as NSString).appendingPathComponent(name)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PipelineError(exitCode: 2, "\(path): error: [flash] holidays_file not found")
        }
        var days = Set<Day>()
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let field = raw.split(separator: ",", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            if field.isEmpty || (i == 0 && field.lowercased() == "date") { continue }
            guard let day = ForecastRun.runDate(field) else {
                throw PipelineError(exitCode: 2, "\(path):\(i + 1):1: error: \"\(field)\" is not a date YYYY-MM-DD")
            }
            days.insert(day)
        }
        return days
    }
}
