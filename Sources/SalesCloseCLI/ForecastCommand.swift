import ArgumentParser
import Foundation
import SalesCloseCore
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
        let date: Day
        if let runDate {
            let parts = runDate.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, let d = Day(year: parts[0], month: parts[1], day: parts[2]) else {
                throw ValidationError("--run-date must be YYYY-MM-DD, found \"\(runDate)\"")
            }
            date = d
        } else {
            date = Day(daysSinceEpoch: Int32(Int(Date().timeIntervalSince1970) / 86_400))
        }
        let summary = try ForecastRun(options: folders.runOptions(period: period), runDate: date, horizon: horizon,
                                      log: logToStderr).execute()
        print("\(summary.seriesCount) series forecast from \(summary.through.advanced(by: 1)); "
              + "\(summary.snapshotsEvaluated) earlier snapshots scored; written to \(summary.outputPath)")
    }
}
