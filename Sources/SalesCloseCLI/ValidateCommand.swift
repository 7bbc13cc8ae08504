import ArgumentParser
import SalesClosePipeline

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Read and check the inputs without writing outputs.")

    @OptionGroup var folders: FolderOptions

    func run() throws {
        let v = try Validation(options: folders.runOptions(period: nil), log: logToStderr)
        print("\(v.files) files, \(v.rowsRead) rows read, \(v.rejected) rejected, \(v.findings) findings")
    }
}
