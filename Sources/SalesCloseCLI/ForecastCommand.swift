import ArgumentParser
import SalesClosePipeline

struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast the coming months; keep a snapshot in Output/forecasts/<run-date>/ and score earlier snapshots.")

    @OptionGroup var folders: FolderOptions
    @Option(help: "Months to forecast (default: [forecast] horizon, 12).") var horizon: Int?
    @Option(help: "Last month of history YYYY-MM (default: the last complete month in the data).") var period: String?
    @Option(help: "Snapshot date YYYY-MM-DD (default: today).") var runDate: String?

    func validate() throws {
        if let horizon, !(1...60).contains(horizon) { throw ValidationError("--horizon must be 1 to 60") }
    }

    func run() throws {
        let date = try runDate.map { text in
            guard let d = ForecastRun.runDate(text) else { throw ValidationError("--run-date must be YYYY-MM-DD, found \"\(text)\"") }
            return d
        } ?? ForecastRun.today()
        let summary = try ForecastRun(options: folders.runOptions(period: period), runDate: date, horizon: horizon,
                                      log: logToStderr).execute()
        print("\(summary.seriesCount) series forecast from \(summary.through.advanced(by: 1)); "
              + "\(summary.snapshotsEvaluated) earlier snapshots scored; written to \(summary.outputPath)")
    }
}
