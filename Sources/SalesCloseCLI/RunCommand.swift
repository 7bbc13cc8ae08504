import ArgumentParser
import SalesClosePipeline

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Close a month: read the inputs and write Output/<period>/.")

    @OptionGroup var folders: FolderOptions
    @Option(help: "Close period YYYY-MM (default: the last complete month in the data).") var period: String?

    func run() throws {
        let progress = ProgressLine.standardError()
        let summary = try CloseRun(options: folders.runOptions(period: period), log: progress.log, progress: progress).execute()
        print("outputs for \(summary.period) written to \(summary.outputPath)")
    }
}
