import ArgumentParser
import SalesClosePipeline

struct FlashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flash",
        abstract: "The daily flash report (营业日报): month to date, projection, the day against last week and last year; Output/flash/<as-of>/.")

    @OptionGroup var folders: FolderOptions
    @Option(help: "The report's day YYYY-MM-DD (default: the last order date in the data).") var asOf: String?

    func run() throws {
        let day = try asOf.map { text in
            guard let d = ForecastRun.runDate(text) else { throw ValidationError("--as-of must be YYYY-MM-DD, found \"\(text)\"") }
            return d
        }
        let summary = try FlashRun(options: folders.runOptions(period: nil), asOf: day, log: logToStderr).execute()
        print("flash report as of \(summary.asOf) written to \(summary.outputPath)")
    }
}
