import ArgumentParser
import SalesClosePipeline

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Sniff exports (encoding, delimiter, header, dates, decimal comma, table) and print a [tables.X] section to paste.")

    @Argument(help: "CSV files to inspect.") var files: [String]

    func run() throws {
        print(try inspectionText(files), terminator: "")
    }
}
