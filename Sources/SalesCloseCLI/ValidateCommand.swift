import ArgumentParser
import SalesCloseImport
import SalesClosePipeline

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Read and check the inputs without writing outputs.")

    @OptionGroup var folders: FolderOptions

    func run() throws {
        let options = try folders.runOptions(period: nil)
        let result = try importInputs(configuration: try loadConfiguration(options.configFolder), options: options, log: logToStderr)
        let rows = result.files.reduce(0) { $0 + $1.rowsRead }
        print("\(result.files.count) files, \(rows) rows read, \(result.rejects.count) rejected, \(result.findings.count) findings")
    }
}
