import Foundation
import SalesCloseConfiguration
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

    /// Warnings of the step that prepared the inputs (the inbox: quarantined files, schema
    /// drift), reported with the import's.
    public let inboxFindings: [Diagnostic]

    /// The live progress line of an interactive run (nil: none, as under `watch`).
    public let progress: ProgressLine?

    public init(options: RunOptions, log: @escaping (String) -> Void, progress: ProgressLine? = nil,
                inboxFindings: [Diagnostic] = []) {
        self.options = options; self.log = log; self.progress = progress; self.inboxFindings = inboxFindings
    }

    public func execute() throws -> Summary {
        var phases = PhaseClock(log: log)
        let configuration = try loadConfiguration(options.configFolder)
        progress?.begin("reading", unit: .bytes, total: inputBytes(options.inputFolder))
        var imported = try importInputs(configuration: configuration, options: options, log: log, enforceStrict: false,
                                        progress: progress)
        progress?.end()
        imported.findings = inboxFindings + imported.findings
        for line in DiagnosticSummary(rejects: [], findings: inboxFindings).lines { log(line) }
        let bytes = imported.files.reduce(0) { $0 + $1.bytes }
        phases.end("imported \(imported.files.count) files, \(bytes / 1_000_000) MB")
        var period = options.period
        var calculationFindings: [Finding] = []
        do {
            if options.strict, let failure = strictFailure(imported.rejects, imported.findings) { throw failure }
            guard let closePeriod = options.period ?? lastCompleteMonth(of: imported.data) else {
                throw PipelineError(exitCode: 1, "\(options.inputFolder): error: no order lines were read; nothing to close")
            }
            period = closePeriod
            log("close period \(closePeriod)")
            let destination = try calculateAndWrite(imported: imported, configuration: configuration, period: closePeriod, phases: &phases,
                                                    calculationFindings: &calculationFindings)
            return Summary(period: closePeriod, outputPath: destination, imported: imported)
        } catch let error as PipelineError {
            progress?.end()
            throw failed(error, imported: imported, findings: calculationFindings, configuration: configuration, period: period)
        } catch {
            progress?.end()
            throw failed(PipelineError(exitCode: 1, "\(options.outputFolder): error: \(error)"), imported: imported,
                         findings: calculationFindings, configuration: configuration, period: period)
        }
    }

    /// Calculates the close and writes it into `Output/<period>/` (replacing it whole), then
    /// removes the diagnostics of an earlier failed run. The tables of the figures are written
    /// while the forecasts are computed (see `CloseCalculation`); the forecasts' tables and the
    /// workbook, which reads everything, after.
    private func calculateAndWrite(imported: ImportResult, configuration: Configuration, period: Month, phases: inout PhaseClock,
                               calculationFindings: inout [Finding]) throws -> String {
        let output = OutputFolder(root: options.outputFolder)
        let clock = ContinuousClock()
        var packTime = Duration.zero
        let destination = try output.withLock(log: log) {
            let destination = try output.replace(period.description) { folder in
                func write(_ table: TableBlocks) throws {
                    try CSVTableWriter.write(table, to: (folder as NSString).appendingPathComponent(table.name + ".csv"))
                }
                // The figures' tables, written while the forecasts run (a strict run that then fails
                // on the findings discards them with the temporary folder).
                var figureTables: Result<Void, Error> = .success(())
                progress?.begin("calculating the close", unit: .items("series"), total: 0)
                let close = CloseCalculation(imported: imported, configuration: configuration, period: period, progress: progress) { figures in
                    figureTables = Result {
                        try figures.forEachTable(write)
                        try writeRejects(imported.rejects, in: folder)
                        try write(TableBlocks(findingsTable(imported.findings + figures.findings)))
                    }
                }
                progress?.end()
                calculationFindings = close.findings
                phases.end("calculated the close and \(close.forecasts.revenue.series.count) forecasts")
                for line in DiagnosticSummary(rejects: [], findings: close.findings).lines { log(line) }
                if options.strict, let failure = strictFailure([], close.findings) { throw failure }
                try figureTables.get()

                progress?.begin("writing", unit: .items("tables"), total: close.forecasts.tableCount + 1)
                let allFindings = imported.findings + close.findings
                // The workbook is laid out and written beside the forecasts' tables.
                let (tables, workbook) = concurrently({
                    Result { () throws -> Void in
                        try close.forecasts.forEachTable(names: imported.data.names) { table in
                            progress?.advance(by: 0, detail: table.name + ".csv")
                            try write(table)
                            progress?.advance(by: 1)
                        }
                    }
                }, {
                    Result { () throws -> Duration in
                        let start = clock.now
                        let pack = ClosePackBuilder(figures: close.figures, forecasts: close.forecasts, imported: imported,
                                                    configuration: configuration, period: period, findings: allFindings,
                                                    shownRejects: rejectsTable(imported.rejects.prefix(configuration.workbook.topN))).pack()
                        try writeClosePack(pack, to: (folder as NSString).appendingPathComponent("close-\(period).xlsx"),
                                           createdAt: period.lastDay,
                                           thresholds: AchievementColours(low: configuration.achievement.low, high: configuration.achievement.high))
                        return clock.now - start
                    }
                })
                try tables.get()
                packTime = try workbook.get()
                progress?.advance(by: 1, detail: "close-\(period).xlsx")
                var manifest = makeManifest(imported: imported, configuration: configuration, period: period, command: "run")
                try manifest.addOutputs(in: folder)
                try manifest.write(to: (folder as NSString).appendingPathComponent("manifest.json"))
                progress?.end()
            }
            output.removeDiagnostics()
            return destination
        }
        let d = packTime.components
        log(String(format: "laid out and wrote the workbook in %.2f s", Double(d.seconds) + Double(d.attoseconds) / 1e18))
        phases.end("wrote the forecasts' tables and the workbook")
        return destination
    }

    /// A run that read its inputs but could not close: writes `rejects.csv`, `data_quality.csv`
    /// and `manifest.json` (status `failed`) into `Output/diagnostics/`, leaving every close
    /// folder as it was, and returns the error with where they are.
    private func failed(_ error: PipelineError, imported: ImportResult, findings: [Finding], configuration: Configuration,
                        period: Month?) -> PipelineError {
        let output = OutputFolder(root: options.outputFolder)
        let findingsTable = findingsTable(imported.findings + findings)
        do {
            let folder = try output.withLock(log: log) {
                try output.replace(OutputFolder.diagnosticsName) { folder in
                    try writeRejects(imported.rejects, in: folder)
                    try CSVTableWriter.write(findingsTable, to: (folder as NSString).appendingPathComponent(findingsTable.name + ".csv"))
                    var manifest = makeManifest(imported: imported, configuration: configuration, period: period, command: "run")
                    manifest.status = "failed"
                    manifest.failure = error.description
                    try manifest.addOutputs(in: folder)
                    try manifest.write(to: (folder as NSString).appendingPathComponent("manifest.json"))
                }
            }
            return PipelineError(exitCode: error.exitCode, error.description
                + "\nthe close was not written (earlier outputs are unchanged); rejects.csv, data_quality.csv and manifest.json are in \(folder)/")
        } catch let writeError {
            return PipelineError(exitCode: 1, "\(error.description)\n\(options.outputFolder): error: the diagnostics could not be written either: \(writeError)")
        }
    }
}

/// The bytes of the CSV files an import of `folder` reads, through symbolic links (0 when it
/// cannot be listed).
func inputBytes(_ folder: String) -> Int {
    let paths = (try? Importer.inputFiles(in: folder)) ?? []
    return paths.reduce(0) { total, path in
        var info = stat()
        return total + (stat(path, &info) == 0 ? Int(info.st_size) : 0)
    }
}

/// Loads the configuration `--config` names (its folder or the `.toml` file), turning its errors
/// into exit code 2.
public func loadConfiguration(_ location: String) throws -> Configuration {
    do { return try Configuration.load(location) } catch {
        throw PipelineError(exitCode: 2, error.description)
    }
}

/// The configuration in effect as TOML (`salesclose config`).
public func configurationText(_ location: String) throws -> String {
    try loadConfiguration(location).renderedTOML()
}

/// Imports the input folder, logging findings and rejects like a compiler; under `strict`
/// (unless `enforceStrict` is false: the caller checks, after writing its diagnostics), any
/// reject or warning fails with exit code 1.
public func importInputs(configuration: Configuration, options: RunOptions, log: (String) -> Void,
                         enforceStrict: Bool = true, progress: ProgressLine? = nil) throws -> ImportResult {
    guard FileManager.default.fileExists(atPath: options.inputFolder) else {
        throw PipelineError(exitCode: 2, "\(options.inputFolder): error: input folder not found")
    }
    let result: ImportResult
    do {
        var importer = Importer(configuration: configuration)
        if let progress { importer.progress = { bytes, lines, file in progress.advance(by: bytes, rows: lines, detail: file) } }
        result = try importer.run(inputFolder: options.inputFolder, configFolder: configuration.folder)
    } catch {
        throw PipelineError(exitCode: 1, "\(options.inputFolder): error: cannot list the input folder: \(error)")
    }
    for file in result.files {
        log("read \(file.path): \(file.table?.rawValue ?? file.role.rawValue), \(file.rowsRead) rows, \(file.rejected) rejected, \(file.superseded) duplicate")
        if let mapping = file.mapping {
            log("  as \(mapping.table.rawValue): \(mapping.reasonText)")
            log("  \(mapping.fieldsText)")
        }
    }
    for line in DiagnosticSummary(rejects: result.rejects, findings: result.findings).lines { log(line) }
    if enforceStrict, options.strict, let failure = strictFailure(result.rejects, result.findings) { throw failure }
    return result
}

/// Under `--strict`, any reject, error or warning fails the run (exit 1); notes do not.
func strictFailure(_ rejects: RejectLog, _ findings: [Finding]) -> PipelineError? {
    let serious = findings.filter { $0.severity != .note }.count
    guard !rejects.isEmpty || serious > 0 else { return nil }
    return PipelineError(exitCode: 1, "error: --strict: \(rejects.count) rejected rows or files and \(serious) errors or warnings")
}

/// `rejects.csv`'s rows for `rejects` (a block of them: see `writeRejects`).
func rejectsTable(_ rejects: some Sequence<Reject>) -> ReportTable {
    ReportTable(name: "rejects", columns: [
        .init("file", .text), .init("line", .integer), .init("column", .integer), .init("value", .text),
        .init("reason", .text), .init("field", .text),
    ], rows: rejects.map {
        [.text($0.file), $0.line.map(ReportTable.Cell.integer) ?? .empty, $0.column.map(ReportTable.Cell.integer) ?? .empty,
         .text($0.value ?? ""), .text($0.reason), .text($0.field ?? "")]
    })
}

/// Writes `rejects.csv` into `folder` a block of rows at a time, so a million rejects are never
/// all in memory as table rows.
func writeRejects(_ rejects: RejectLog, in folder: String) throws {
    // The first block is written even when empty: it carries the header.
    let blocks = sequence(state: (reading: rejects.makeIterator(), first: true)) { state -> ReportTable? in
        var block: [Reject] = []
        while block.count < 8_192, let reject = state.reading.next() { block.append(reject) }
        defer { state.first = false }
        return block.isEmpty && !state.first ? nil : rejectsTable(block)
    }
    try CSVTableWriter.write(blocks, to: (folder as NSString).appendingPathComponent("rejects.csv"))
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

func makeManifest(imported: ImportResult, configuration: Configuration, period: Month?, command: String) -> Manifest {
    let inputs = imported.files.map { f in
        var input = Manifest.Input(path: f.path, role: f.role.rawValue, table: f.table?.rawValue, sha256: f.sha256, bytes: f.bytes,
                       encoding: f.encoding.rawValue, encodingSource: f.encodingSource.rawValue, delimiter: f.delimiter == 9 ? "\t" : String(UnicodeScalar(f.delimiter)),
                       rowsRead: f.rowsRead, accepted: f.accepted, rejected: f.rejected, duplicate: f.superseded,
                       exactDuplicates: f.exactDuplicates, replacements: f.replacements, counted: f.counted)
        if f.table == .orders { input.filledFromOrderLine = f.filledFromOrderLine }
        input.mapping = f.mapping.map { m in
            Manifest.Mapping(table: m.table.rawValue, reason: m.reasonText, fields: m.fields.map {
                .init(field: $0.field, header: $0.header, column: $0.column + 1, source: $0.origin.rawValue)
            })
        }
        return input
    }
    let formatter = ISO8601DateFormatter()
    let totals = [
        "rows_read": imported.files.reduce(0) { $0 + $1.rowsRead },
        "rows_rejected": imported.files.reduce(0) { $0 + $1.rejected },
        "files_rejected": imported.files.filter { $0.role == .rejected }.count,
        "order_lines": imported.data.orderLines.count,
        "shipments": imported.data.shipments.count,
        "payments": imported.data.payments.count,
        "findings": imported.findings.count,
    ]
    return Manifest(toolVersion: CloseRun.toolVersion, runTime: formatter.string(from: Date()), command: command,
                    period: period?.description ?? "", configDigest: configuration.digest, inputs: inputs, totals: totals)
}
