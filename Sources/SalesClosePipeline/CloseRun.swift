import Foundation
import SalesCloseCore
import SalesCloseImport
import SalesCloseWriters

/// The monthly close: import the inputs, calculate, and write `Output/<period>/` atomically.
public struct CloseRun {
    public static let toolVersion = "0.1.0"

    public struct Summary {
        public var period: Month
        public var outputPath: String
        public var imported: ImportResult
    }

    public let options: RunOptions
    /// Progress and findings, one line each (the CLI prints them to stderr).
    public let log: (String) -> Void

    public init(options: RunOptions, log: @escaping (String) -> Void) { self.options = options; self.log = log }

    public func execute() throws -> Summary {
        let clock = ContinuousClock()
        var phaseStart = clock.now
        func logPhase(_ what: String) {
            let d = (clock.now - phaseStart).components
            log(String(format: "%@ in %.1f s", what, Double(d.seconds) + Double(d.attoseconds) / 1e18))
            phaseStart = clock.now
        }
        let configuration = try loadConfiguration(options.configFolder)
        let imported = try importInputs(configuration: configuration, options: options, log: log)
        let bytes = imported.files.reduce(0) { $0 + $1.bytes }
        logPhase("imported \(imported.files.count) files, \(bytes / 1_000_000) MB")
        guard let period = options.period ?? lastCompleteMonth(of: imported.data) else {
            throw PipelineError(exitCode: 1, "\(options.inputFolder): error: no order lines were read; nothing to close")
        }
        log("close period \(period)")
        let close = CloseCalculation(imported: imported, configuration: configuration, period: period)
        logPhase("calculated the close and \(close.forecast.series.count) forecasts")
        for finding in close.findings.prefix(20) { log(finding.description) }
        if close.findings.count > 20 { log("… and \(close.findings.count - 20) more findings, listed in data_quality.csv") }
        let rejects = rejectsTable(imported.rejects)
        let findings = findingsTable(imported.findings + close.findings)
        let tables = close.tables + [rejects, findings]
        let pack = ClosePackBuilder(close: close, imported: imported, configuration: configuration, period: period,
                                    findingsTable: findings, rejectsTable: rejects).pack()
        let destination = try OutputFolder(root: options.outputFolder).withLock(log: log) {
            try OutputFolder(root: options.outputFolder).replace(period.description) { folder in
                for table in tables {
                    try CSVTableWriter.write(table, to: (folder as NSString).appendingPathComponent(table.name + ".csv"))
                }
                try writeClosePack(pack, to: (folder as NSString).appendingPathComponent("close-\(period).xlsx"),
                                   createdAt: period.lastDay,
                                   thresholds: AchievementColours(low: configuration.achievementLow, high: configuration.achievementHigh))
                var manifest = makeManifest(imported: imported, configuration: configuration, period: period, command: "run")
                try manifest.addOutputs(in: folder)
                try manifest.write(to: (folder as NSString).appendingPathComponent("manifest.json"))
            }
        }
        logPhase("wrote \(tables.count) tables and the workbook")
        return Summary(period: period, outputPath: destination, imported: imported)
    }

}

/// Loads the configuration, turning its errors into exit code 2.
public func loadConfiguration(_ folder: String) throws -> Configuration {
    do { return try Configuration.load(folder: folder) } catch let e as ConfigurationError {
        throw PipelineError(exitCode: 2, e.description)
    }
}

/// Imports the input folder, logging findings and rejects like a compiler; under `strict`,
/// any reject or error fails with exit code 1.
public func importInputs(configuration: Configuration, options: RunOptions, log: (String) -> Void) throws -> ImportResult {
    guard FileManager.default.fileExists(atPath: options.inputFolder) else {
        throw PipelineError(exitCode: 2, "\(options.inputFolder): error: input folder not found")
    }
    let result: ImportResult
    do {
        result = try Importer(configuration: configuration).run(inputFolder: options.inputFolder, configFolder: options.configFolder)
    } catch let e as CSVReader.ReadError {
        throw PipelineError(exitCode: 1, e.description)
    }
    for file in result.files {
        log("read \(file.path): \(file.table?.rawValue ?? file.role.rawValue), \(file.rowsRead) rows, \(file.rejected) rejected, \(file.superseded) duplicate")
    }
    let shown = 20
    for finding in result.findings.prefix(shown) { log(finding.description) }
    if result.findings.count > shown { log("… and \(result.findings.count - shown) more findings") }
    for reject in result.rejects.prefix(shown) { log(reject.finding.description) }
    if result.rejects.count > shown { log("… and \(result.rejects.count - shown) more rejected rows, listed in rejects.csv") }
    let errors = result.rejects.count + result.findings.filter { $0.severity == .error }.count
    if options.strict && (errors > 0 || result.findings.contains { $0.severity == .warning }) {
        throw PipelineError(exitCode: 1, "error: --strict: \(result.rejects.count) rejected rows and \(result.findings.count) findings; no outputs written")
    }
    return result
}

func rejectsTable(_ rejects: [Reject]) -> ReportTable {
    ReportTable(name: "rejects", columns: [
        .init("file", .text), .init("line", .integer), .init("column", .integer), .init("value", .text),
        .init("reason", .text), .init("field", .text),
    ], rows: rejects.map { [.text($0.file), .integer($0.line), .integer($0.column), .text($0.value), .text($0.reason), .text($0.field)] })
}

/// `data_quality.csv`: every finding of the import and the calculations, with its place.
func findingsTable(_ findings: [Finding]) -> ReportTable {
    ReportTable(name: "data_quality", columns: [
        .init("severity", .text), .init("file", .text), .init("line", .integer), .init("column", .integer),
        .init("field", .text), .init("value", .text), .init("message", .text),
    ], rows: findings.map {
        [.text($0.severity.rawValue), .text($0.file), $0.line.map(ReportTable.Cell.integer) ?? .empty,
         $0.column.map(ReportTable.Cell.integer) ?? .empty, .textOrEmpty($0.field), .textOrEmpty($0.value), .text($0.message)]
    })
}

func makeManifest(imported: ImportResult, configuration: Configuration, period: Month, command: String) -> Manifest {
    let inputs = imported.files.map { f in
        Manifest.Input(path: f.path, role: f.role.rawValue, table: f.table?.rawValue, sha256: f.sha256, bytes: f.bytes,
                       encoding: f.encoding.rawValue, delimiter: f.delimiter == 9 ? "\t" : String(UnicodeScalar(f.delimiter)),
                       rowsRead: f.rowsRead, accepted: f.accepted, rejected: f.rejected, duplicate: f.superseded,
                       exactDuplicates: f.exactDuplicates, replacements: f.replacements, counted: f.counted)
    }
    let formatter = ISO8601DateFormatter()
    let totals = [
        "rows_read": imported.files.reduce(0) { $0 + $1.rowsRead },
        "rows_rejected": imported.rejects.count,
        "order_lines": imported.data.orderLines.count,
        "shipments": imported.data.shipments.count,
        "payments": imported.data.payments.count,
        "findings": imported.findings.count,
    ]
    return Manifest(toolVersion: CloseRun.toolVersion, runTime: formatter.string(from: Date()), command: command,
                    period: period.description, configDigest: configuration.digest, inputs: inputs, totals: totals)
}
