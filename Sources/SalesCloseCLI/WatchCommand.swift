import ArgumentParser
import SalesClosePipeline

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Take exports dropped into <input>/inbox/ into the input folder and run the close again.")

    @OptionGroup var folders: FolderOptions
    @Option(help: "Seconds between two looks at the inbox.") var interval: Double = 5
    @Flag(help: "Take what the inbox holds now, run once and exit (for cron).") var once = false

    func validate() throws {
        guard interval >= 0.1 else { throw ValidationError("--interval must be at least 0.1 seconds") }
    }

    func run() throws {
        let watcher = InboxWatcher(options: try folders.runOptions(period: nil), log: logToStderr)
        if once {
            if let summary = try watcher.runOnce() { print("outputs for \(summary.period) written to \(summary.outputPath)") }
        } else {
            try watcher.watch(interval: interval)
        }
    }
}
