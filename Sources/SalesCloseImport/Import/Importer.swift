import Foundation
import SalesCloseCore

/// Reads every input file of a run into typed, de-duplicated rows.
///
/// Files are read in file-name order, so a later export's row replaces an earlier one with the
/// same key. Each file is classified by the configured globs, else by its header; a row that
/// cannot be read becomes a `Reject`, never a silent loss.
public struct Importer {
    public let configuration: Configuration
    public init(configuration: Configuration) { self.configuration = configuration }

    /// The input files of a folder: `*.csv`, sorted by name (subfolders such as `inbox/` are not read).
    public static func inputFiles(in folder: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        return names.filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    public func run(inputFolder: String, configFolder: String) throws -> ImportResult {
        let state = ImportState()
        let lookupFiles = Set(configuration.lookups.map(\.file))
        /// Key → value of each `[[lookups]]` entry, by its index in the configuration.
        var lookupTables: [Int: [String: String]] = [:]
        for path in try Importer.inputFiles(in: inputFolder) {
            let name = (path as NSString).lastPathComponent
            guard lookupFiles.contains(name) else { try importTable(path: path, state: state); continue }
            let indices = configuration.lookups.indices.filter { configuration.lookups[$0].file == name }
            let tables = try LookupReader.read(path: path, lookups: indices.map { configuration.lookups[$0] }, state: state)
            for (i, table) in zip(indices, tables) { lookupTables[i] = table }
        }
        for (i, lookup) in configuration.lookups.enumerated() where lookupTables[i] == nil {
            state.findings.append(Finding(.warning, file: (inputFolder as NSString).appendingPathComponent(lookup.file),
                                          message: "lookup file for \(lookup.dimension.rawValue) not found in the input folder"))
        }
        var targets: [TargetRow] = []
        let targetsPath = (configFolder as NSString).appendingPathComponent(configuration.targetsFile)
        if FileManager.default.fileExists(atPath: targetsPath) {
            targets = try TargetsReader.read(path: targetsPath, fileIndex: state.files.count, state: state)
        }
        let data = Finalizer(state: state, configuration: configuration, lookupTables: lookupTables).salesData()
        return ImportResult(data: data, files: state.files, rejects: state.rejects, findings: state.findings, targets: targets)
    }

    /// Reads one table file into `state`, recording its report, rejects and findings.
    func importTable(path: String, state: ImportState) throws {
        let scan = try FileScan.scan(path: path)
        let name = (path as NSString).lastPathComponent
        let globTable = TableKind.allCases.first { kind in
            configuration[kind].files.contains { fnmatch($0, name, 0) == 0 }
        }
        let settings = globTable.map { configuration[$0] }
        let delimiter = settings?.delimiter ?? scan.detectedDelimiter
        let encoding = settings?.encoding ?? (scan.isValidUTF8 ? .utf8 : .gb18030)
        let fileIndex = state.files.count
        state.files.append(InputFileReport(path: path, role: .skipped, sha256: scan.sha256, bytes: scan.byteCount,
                                           encoding: encoding, delimiter: delimiter))
        var rowReader: TableRowReader?
        var headerSeen = false
        let reader = CSVReader()
        try reader.read(path: path, options: .init(delimiter: delimiter, encoding: encoding)) { record in
            if !headerSeen {
                headerSeen = true
                let headers = (0..<record.count).map { record.string($0) }
                rowReader = self.rowReader(path: path, headers: headers, globTable: globTable, delimiter: delimiter,
                                           fileIndex: fileIndex, state: state)
                return rowReader != nil
            }
            state.files[fileIndex].rowsRead += 1
            do throws(RowProblem) {
                try rowReader!.read(record, into: state)
                state.files[fileIndex].accepted += 1
            } catch {
                state.files[fileIndex].rejected += 1
                state.rejects.append(Reject(file: path, line: record.line, column: error.column, field: error.field,
                                            value: error.value, reason: error.reason))
            }
            return true
        }
        if !headerSeen {
            state.findings.append(Finding(.warning, file: path, message: "the file is empty; skipped"))
        }
        if reader.replacedBytes > 0 {
            state.findings.append(Finding(.warning, file: path, message:
                "\(reader.replacedBytes) byte(s) are neither UTF-8 nor \(encoding.rawValue) and were read as U+FFFD; set encoding for this table if the file uses another one"))
        }
    }

    /// Classifies a file by its header and prepares its row reader; nil (with a finding) if it
    /// matches no table or lacks a required column.
    private func rowReader(path: String, headers: [String], globTable: TableKind?, delimiter: UInt8,
                           fileIndex: Int, state: ImportState) -> TableRowReader? {
        let mappings = TableKind.allCases.map { HeaderMapping(table: $0, headers: headers, explicit: configuration[$0].columns) }
        let headerList = headers.map { "\"\($0)\"" }.joined(separator: ", ")
        let mapping: HeaderMapping
        if let globTable {
            mapping = mappings.first { $0.table == globTable }!
            guard mapping.isComplete else {
                state.findings.append(Finding(.error, file: path, line: 1, message:
                    "\(globTable.rawValue) file lacks required column(s) \(mapping.missingFields.joined(separator: ", ")); headers found: \(headerList)"))
                return nil
            }
        } else {
            let complete = mappings.filter(\.isComplete)
            guard let best = complete.max(by: { ($0.table.requiredFields.count, $0.columns.count) < ($1.table.requiredFields.count, $1.columns.count) }) else {
                // Closest: the table with most required fields found, then fewest missing.
                let closest = mappings.max {
                    let found0 = $0.table.requiredFields.count - $0.missingFields.count
                    let found1 = $1.table.requiredFields.count - $1.missingFields.count
                    return (found0, -$0.missingFields.count) < (found1, -$1.missingFields.count)
                }!
                state.findings.append(Finding(.warning, file: path, line: 1, message:
                    "matches no table; closest is \(closest.table.rawValue), which lacks \(closest.missingFields.joined(separator: ", ")); headers found: \(headerList); skipped"))
                return nil
            }
            mapping = best
        }
        let settings = configuration[mapping.table]
        state.files[fileIndex].role = .table
        state.files[fileIndex].table = mapping.table
        state.files[fileIndex].unknownColumns = mapping.unknownHeaders
        if !mapping.unknownHeaders.isEmpty {
            state.findings.append(Finding(.note, file: path, line: 1, message:
                "ignored column(s) not used by \(mapping.table.rawValue): \(mapping.unknownHeaders.joined(separator: ", "))"))
        }
        let decimalComma = settings.decimalComma ?? (delimiter == UInt8(ascii: ";"))
        let dates = settings.dateFormat.flatMap(DateParser.init(pattern:)) ?? .yearFirst
        let parser = RowParser(numbers: NumberParser(decimalComma: decimalComma), dates: dates, headerCount: headers.count)
        return TableRowReader(table: mapping.table, mapping: mapping, parser: parser, fileIndex: fileIndex,
                              cancelledValues: settings.cancelledValues)
    }
}
