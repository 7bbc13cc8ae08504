import Foundation
import SalesCloseConfiguration
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
            guard lookupFiles.contains(name) else { importTable(path: path, state: state); continue }
            let indices = configuration.lookups.indices.filter { configuration.lookups[$0].file == name }
            let tables = LookupReader.read(path: path, lookups: indices.map { configuration.lookups[$0] }, state: state)
            for (i, table) in zip(indices, tables) { lookupTables[i] = table }
        }
        for (i, lookup) in configuration.lookups.enumerated() where lookupTables[i] == nil {
            state.findings.append(Finding(.warning, file: (inputFolder as NSString).appendingPathComponent(lookup.file),
                                          message: "lookup file for \(lookup.dimension.rawValue) not found in the input folder"))
        }
        var targets: [TargetRow] = []
        let targetsPath = (configFolder as NSString).appendingPathComponent(configuration.targets.fileName)
        if FileManager.default.fileExists(atPath: targetsPath) {
            targets = TargetsReader.read(path: targetsPath, state: state)
        }
        var capacity: [String: Double] = [:]
        if let file = configuration.targets.capacity.file {
            let path = (configFolder as NSString).appendingPathComponent(file)
            capacity = CapacityReader.read(path: path, source: configuration.targets.capacity, state: state)
        }
        let data = Finalizer(state: state, configuration: configuration, lookupTables: lookupTables).salesData()
        state.rejects.finish()
        return ImportResult(data: data, files: state.files, rejects: state.rejects, findings: state.findings, targets: targets,
                            capacity: capacity)
    }

    /// Reads one table file into `state`, recording its report, rejects and findings. A file
    /// that cannot be read (not text, encoding unknown, not openable) or fits no table is
    /// rejected as a whole; an unclosed quote rejects only the record it opens in.
    func importTable(path: String, state: ImportState) {
        let name = (path as NSString).lastPathComponent
        let globTable = TableKind.allCases.first { kind in
            configuration[kind].files.contains { fnmatch($0, name, 0) == 0 }
        }
        let settings = globTable.map { configuration[$0] }
        guard let (fileIndex, encoding, delimiter) = Importer.admit(path: path, role: .skipped, encoding: settings?.encoding.map(TextEncoding.init),
                                                                   delimiter: settings?.delimiter?.byte, table: globTable?.rawValue,
                                                                   state: state) else { return }
        var rowReader: TableRowReader?
        var headerSeen = false
        let reader = CSVReader()
        do {
            let dialect = settings.map { CSVDialect(escape: $0.escape, comment: $0.comment, quotePadding: $0.quotePadding) } ?? CSVDialect()
            try reader.read(path: path, options: .init(delimiter: delimiter, encoding: encoding, dialect: dialect), onUnreadable: { bad in
                guard headerSeen else {
                    state.rejectFile(fileIndex, line: bad.line, column: bad.column, value: bad.start,
                                     reason: bad.reason + " (in the header)", code: "unterminated-quote")
                    return false
                }
                state.countRejectedRow(fileIndex)
                // In a file rejected as a whole, its one reject row stands for every record.
                if state.files[fileIndex].role != .rejected {
                    state.rejects.append(Reject(file: path, line: bad.line, column: bad.column, field: "", value: bad.start,
                                                reason: bad.reason, code: "unterminated-quote"))
                }
                return true
            }) { record in
                if !headerSeen {
                    headerSeen = true
                    let headers = (0..<record.count).map { record.string($0) }
                    state.files[fileIndex].header = headers
                    if !dialect.quotePadding, let i = headers.firstIndex(where: { Importer.isPaddedOutsideQuotes($0, delimiter: delimiter) }) {
                        state.files[fileIndex].table = globTable
                        let section = globTable.map { "[tables.\($0.rawValue)]" } ?? "[tables.<table>] (with files = [\"\(name)\"])"
                        state.rejectFile(fileIndex, line: record.line, column: i + 1, value: headers[i], reason:
                            "header field \(i + 1) is padded outside its quotes, which RFC 4180 does not allow and would shift or garble the fields; set quote_padding = true under \(section)",
                            code: "padded-header")
                        return true
                    }
                    rowReader = self.rowReader(path: path, headers: headers, globTable: globTable, delimiter: delimiter,
                                               fileIndex: fileIndex, state: state)
                    return true
                }
                guard rowReader != nil else {
                    // A file rejected as a whole: its rows are counted, not read.
                    state.countRejectedRow(fileIndex)
                    return true
                }
                state.files[fileIndex].rowsRead += 1
                do throws(RowProblem) {
                    try rowReader!.read(record, into: state)
                    state.files[fileIndex].accepted += 1
                } catch {
                    state.files[fileIndex].rejected += 1
                    var reject = error
                    reject.location.file = path
                    reject.location.line = record.line
                    reject.location.record = state.files[fileIndex].rowsRead
                    state.rejects.append(reject)
                }
                return true
            }
        } catch {
            state.rejectFile(fileIndex, because: error)
            return
        }
        if var finished = rowReader { state.findings += finished.finish() }
        if !headerSeen && state.files[fileIndex].role != .rejected {
            state.findings.append(Finding(.warning, code: "empty-file", file: path, message: "the file is empty; skipped"))
        }
        if reader.replacedBytes > 0 {
            state.findings.append(Finding(.warning, code: "replaced-bytes", file: path, message:
                "\(reader.replacedBytes) byte(s) are not valid \(encoding.rawValue) and were read as U+FFFD; set encoding for this table if the file uses another one"))
        }
    }

    /// A header field read from `"name" , "next"` or ` "name"`: spaces between a quote and a
    /// delimiter or the start of the field.
    static func isPaddedOutsideQuotes(_ field: String, delimiter: UInt8) -> Bool {
        let d = Character(UnicodeScalar(delimiter))
        let trimmed = field.drop { $0 == " " }
        if trimmed.count < field.count && trimmed.first == "\"" { return true }
        let chars = Array(field)
        for (i, c) in chars.enumerated() where c == "\"" {
            var j = i + 1
            while j < chars.count, chars[j] == " " { j += 1 }
            if j > i + 1, j == chars.count || chars[j] == d { return true }
        }
        return false
    }

    /// Scans `path` and decides how to read it, recording its report in `state` with `role`.
    /// Returns nil when the file is rejected as a whole (then its rows are counted as rejected
    /// where they can be counted: a text file whose encoding is unknown is parsed for that).
    static func admit(path: String, role: InputFileReport.Role, encoding: TextEncoding?, delimiter: UInt8?,
                      table: String?, state: ImportState) -> (index: Int, encoding: TextEncoding, delimiter: UInt8)? {
        let fileIndex = state.files.count
        let scan: FileScan
        do { scan = try FileScan.scan(path: path) } catch {
            state.files.append(InputFileReport(path: path, role: role, sha256: "", bytes: 0, encoding: .utf8,
                                               delimiter: UInt8(ascii: ",")))
            state.rejectFile(fileIndex, because: error)
            return nil
        }
        state.files.append(InputFileReport(path: path, role: role, sha256: scan.sha256, bytes: scan.byteCount,
                                           encoding: .utf8, delimiter: delimiter ?? scan.detectedDelimiter))
        switch TextAdmission.decide(scan, encoding: encoding, delimiter: delimiter, table: table) {
        case .read(let encoding, let source, let delimiter):
            state.files[fileIndex].encoding = encoding
            state.files[fileIndex].encodingSource = source
            state.files[fileIndex].delimiter = delimiter
            return (fileIndex, encoding, delimiter)
        case .unreadable(let line, let column, let reason, let code):
            state.rejectFile(fileIndex, line: line, column: column, reason: reason, code: code)
            if scan.binary.reason == nil {
                // Text in an unknown encoding: its records can still be counted (delimiters and
                // line ends are ASCII in every encoding considered).
                var header = true
                _ = try? CSVReader().read(path: path, options: .init(delimiter: scan.detectedDelimiter, encoding: .windows1252),
                                          onUnreadable: { _ in state.countRejectedRow(fileIndex); return true }) { _ in
                    if header { header = false } else { state.countRejectedRow(fileIndex) }
                    return true
                }
            }
            return nil
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
                state.files[fileIndex].table = globTable
                state.rejectFile(fileIndex, line: 1, column: 1, value: headers.joined(separator: String(UnicodeScalar(delimiter))),
                                 reason: "\(globTable.rawValue) file lacks required column(s) \(mapping.missingFields.joined(separator: ", ")); headers found: \(headerList)",
                                 code: "missing-column")
                return nil
            }
        } else {
            // The complete table with most required fields; but a table that found more required
            // fields than that one has (an orders export lacking only its amount beside a customer
            // code) is what the file nearly is, so the file is reported, not misread.
            let complete = mappings.filter(\.isComplete)
            let best = complete.max(by: { ($0.table.requiredFields.count, $0.columns.count) < ($1.table.requiredFields.count, $1.columns.count) })
            let closest = mappings.max { ($0.requiredFound, -$0.missingFields.count) < ($1.requiredFound, -$1.missingFields.count) }!
            guard let best, closest.isComplete || closest.requiredFound <= best.table.requiredFields.count else {
                state.rejectFile(fileIndex, line: 1, column: 1, value: headers.joined(separator: String(UnicodeScalar(delimiter))),
                                 reason: "matches no table; closest is \(closest.table.rawValue), which lacks \(closest.missingFields.joined(separator: ", ")); headers found: \(headerList)",
                                 severity: .warning, code: "no-table")
                return nil
            }
            mapping = best
        }
        let settings = configuration[mapping.table]
        state.files[fileIndex].role = .table
        state.files[fileIndex].table = mapping.table
        state.files[fileIndex].unknownColumns = mapping.unknownHeaders
        let glob = globTable.flatMap { kind in configuration[kind].files.first { fnmatch($0, (path as NSString).lastPathComponent, 0) == 0 } }
        state.files[fileIndex].mapping = FileMapping(table: mapping.table, reason: glob.map(FileMapping.Reason.fileGlob) ?? .header,
                                                     fields: mapping.assignments)
        for (field, header) in mapping.missingConfigured {
            state.findings.append(Finding(.warning, code: "configured-column-missing", file: path, line: 1, field: field, value: header, message:
                "configured column \"\(header)\" for \(field) ([tables.\(mapping.table.rawValue).columns]) is not in the header; \(field) is read as empty"))
        }
        if !mapping.orderTotalColumns.isEmpty, mapping.origins["amount"] == nil {
            state.findings.append(Finding(.note, code: "order-total-not-amount", file: path, line: 1, message:
                "\(mapping.orderTotalColumns.map { "\"\($0)\"" }.joined(separator: ", ")) \(mapping.orderTotalColumns.count == 1 ? "looks like an order total" : "look like order totals"), not a line amount; not used as amount (map amount in [tables.\(mapping.table.rawValue).columns] if it is)"))
        }
        if !mapping.unknownHeaders.isEmpty {
            state.findings.append(Finding(.note, code: "ignored-columns", file: path, line: 1, message:
                "ignored column(s) not used by \(mapping.table.rawValue): \(mapping.unknownHeaders.joined(separator: ", "))"))
        }
        let decimalComma = settings.decimal.map { $0 == .comma } ?? (delimiter == UInt8(ascii: ";"))
        let dates = DateParser(settings.dateFormat, timeZone: settings.timeZone)
        let parser = RowParser(numbers: NumberParser(decimalComma: decimalComma), dates: dates, headerCount: headers.count,
                               delimiter: delimiter)
        return TableRowReader(table: mapping.table, mapping: mapping, parser: parser, fileIndex: fileIndex, path: path,
                              cancelledValues: settings.cancelledValues)
    }
}
