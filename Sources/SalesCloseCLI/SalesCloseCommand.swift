import ArgumentParser
import Foundation
import SalesClosePipeline

struct SalesCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "salesclose",
        abstract: "Monthly sales close: targets, achievement, ABC, order-to-cash and forecasts from CSV exports.",
        version: CloseRun.toolVersion,
        subcommands: [InspectCommand.self, RunCommand.self, ForecastCommand.self, FlashCommand.self, WatchCommand.self, ValidateCommand.self, ConfigCommand.self])
}

/// The folders and flags every data command shares.
struct FolderOptions: ParsableArguments {
    @Option(help: "Folder of CSV exports.") var input = "Input"
    @Option(help: "Folder with salesclose.toml and targets.csv, or the .toml file itself.") var config = "Config"
    @Option(help: "Folder the outputs are written under.") var output = "Output"
    @Flag(help: "Fail (exit 1) on any rejected row or data warning instead of reporting it.") var strict = false

    func runOptions(period: String?) throws -> RunOptions {
        var o = RunOptions()
        o.inputFolder = input; o.configFolder = config; o.outputFolder = output; o.strict = strict
        if let period {
            guard o.setPeriod(period) else { throw ValidationError("--period must be YYYY-MM, found \"\(period)\"") }
        }
        return o
    }
}

/// Progress and findings go to stderr; stdout carries results only.
func logToStderr(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
