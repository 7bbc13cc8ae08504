import SalesCloseImport

/// `salesclose validate`: read and check the inputs, write nothing.
public struct Validation {
    public let files: Int
    public let rowsRead: Int
    public let rejected: Int
    public let findings: Int

    public init(options: RunOptions, log: (String) -> Void) throws {
        let result = try importInputs(configuration: try loadConfiguration(options.configFolder), options: options, log: log)
        files = result.files.count
        rowsRead = result.files.reduce(0) { $0 + $1.rowsRead }
        rejected = result.rejects.count
        findings = result.findings.count
    }
}
