import Foundation
import SalesCloseConfiguration
import SalesCloseCore

/// Reads every input file of a run into typed, de-duplicated rows.
///
/// Files are read in file-name order, so a later export's row replaces an earlier one with the
/// same key. Each file is classified by the configured globs, else by its header; a row that
/// cannot be read becomes a `Reject`, never a silent loss.
///
/// The reading runs on `lanes` threads: every file is scanned (digest, encoding evidence) while
/// the large ones are cut at record boundaries, then each file or piece is read into a partial
/// state of its own, and the partials are merged in file order (`PartialMerge`) into the state one
/// pass would have built.
public struct Importer: Sendable {
    public let configuration: Configuration
    /// A file larger than this is read in pieces of about this size; nil for the default: a
    /// quarter of the input per lane, between 8 and 64 MB, so that the last pieces, read while
    /// nothing else is left to read, are short.
    let pieceSize: Int?
    /// How many files or pieces are read at once.
    let lanes: Int
    /// Told as the tables are read: bytes and lines of a chunk of the named file (from any lane).
    public var progress: (@Sendable (_ bytes: Int, _ lines: Int, _ file: String) -> Void)?

    public init(configuration: Configuration) { self.init(configuration: configuration, pieceSize: nil, lanes: 2) }

    init(configuration: Configuration, pieceSize: Int?, lanes: Int) {
        self.configuration = configuration; self.pieceSize = pieceSize; self.lanes = lanes
    }

    /// The input files of a folder: `*.csv`, sorted by name (subfolders such as `inbox/` are not read).
    public static func inputFiles(in folder: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        return names.filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    public func run(inputFolder: String, configFolder: String) throws -> ImportResult {
        try read(inputFolder: inputFolder, configFolder: configFolder).result
    }

    /// What one job of the reading produced: a partial state, and how the piece ended (nil for a
    /// lookup file) or the lookup tables; or the digest of a file read in pieces.
    private struct PieceOutcome {
        var state = ImportState()
        var end: PieceEnd?
        var lookupTables: [[String: String]] = []
        var digest = ""
    }

    /// `run`, with the number of pieces each input file was read in (1 for a file read whole,
    /// also when its pieces did not join exactly and it was read again whole).
    func read(inputFolder: String, configFolder: String) throws -> (result: ImportResult, pieces: [Int]) {
        let paths = try Importer.inputFiles(in: inputFolder)
        let lookupFiles = Set(configuration.lookups.map(\.file))
        let isLookup = paths.map { lookupFiles.contains(($0 as NSString).lastPathComponent) }
        let (scans, cuts) = prepare(paths, isLookup: isLookup)
        // A file scanned without its digest (one large enough to cut) has it made beside its
        // pieces, by a job before its first piece.
        let needsDigest = scans.map { (try? $0?.get())?.sha256.isEmpty ?? false }
        var pieceJobs: [(file: Int, piece: FilePiece?)] = []
        for file in paths.indices {
            if needsDigest[file] { pieceJobs.append((file, nil)) }
            guard let size = scans[file].flatMap({ try? $0.get().byteCount }), !cuts[file].isEmpty else {
                pieceJobs.append((file, .whole)); continue
            }
            let bounds = [RecordBoundaries.PieceStart(offset: 0, line: 1)] + cuts[file]
            let last = bounds[bounds.count - 1]
            for (k, start) in bounds.enumerated() {
                let end = k + 1 < bounds.count ? bounds[k + 1].offset : size
                // The last piece's lines at the density of those before it.
                let lines = k + 1 < bounds.count ? bounds[k + 1].line - start.line
                    : last.offset > 0 ? Int(Double(last.line - 1) / Double(last.offset) * Double(size - last.offset)) + 1 : 0
                pieceJobs.append((file, FilePiece(range: start.offset..<end, firstLine: start.line, isLast: k + 1 == bounds.count,
                                                  expectedRecords: lines)))
            }
        }
        // In file order: the merge follows it, so a piece read early would only wait in memory.
        let jobs = pieceJobs
        let state = ImportState(keepsFirstRows: false)
        /// Key → value of each `[[lookups]]` entry, by its index in the configuration.
        var lookupTables: [Int: [String: String]] = [:]
        var pieceCounts = [Int](repeating: 1, count: paths.count)
        var join: PieceJoin?
        var digest = ""
        let buffers = RowBuffers(kept: lanes + 1)
        OrderedLanes<PieceOutcome>.run(count: jobs.count, lanes: lanes, job: { j in
            let file = jobs[j].file
            guard let piece = jobs[j].piece else { return PieceOutcome(digest: (try? FileScan.digest(path: paths[file])) ?? "") }
            let part = ImportState()
            guard isLookup[file] else {
                if !piece.isFirst { buffers.lend(to: part) }
                return PieceOutcome(state: part, end: importTable(path: paths[file], state: part, scan: scans[file], piece: piece))
            }
            let name = (paths[file] as NSString).lastPathComponent
            let lookups = configuration.lookups.filter { $0.file == name }
            return PieceOutcome(state: part, lookupTables: LookupReader.read(path: paths[file], lookups: lookups, state: part))
        }, handOver: { j, outcome in
            let file = jobs[j].file
            guard let piece = jobs[j].piece else { digest = outcome.digest; return }
            if isLookup[file] {
                let name = (paths[file] as NSString).lastPathComponent
                let indices = configuration.lookups.indices.filter { configuration.lookups[$0].file == name }
                for (i, table) in zip(indices, outcome.lookupTables) { lookupTables[i] = table }
            }
            defer { if piece.isLast && needsDigest[file] { state.files[file].sha256 = digest } }
            guard !(piece.isFirst && piece.isLast) else { state.merge(outcome.state, as: file); return }
            if piece.isFirst { join = PieceJoin(fileBytes: (try? scans[file]?.get())?.byteCount ?? 0) }
            join!.add(outcome.state, end: outcome.end, bytes: piece.range?.count ?? 0)
            // The first piece's rows became the file's (`PieceJoin`); a later one's were copied.
            if !piece.isFirst { buffers.takeBack(from: outcome.state) }
            guard piece.isLast else { return }
            buffers.release()
            if join!.isExact {
                state.merge(join!.state, as: file)
                finishTable(path: paths[file], file: file, end: join!.end, state: state)
                pieceCounts[file] = join!.pieces
            } else {
                let whole = ImportState()
                importTable(path: paths[file], state: whole, scan: scans[file])
                state.merge(whole, as: file)
            }
            join = nil
        })
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
        return (ImportResult(data: data, files: state.files, rejects: state.rejects, findings: state.findings, targets: targets,
                             capacity: capacity), pieceCounts)
    }

    /// Each table file's scan (nil for lookup files, which are scanned as they are read) and where
    /// to cut the files larger than the piece size, found on every lane at once.
    private func prepare(_ paths: [String], isLookup: [Bool]) -> (scans: [Result<FileScan, any Error>?], cuts: [[RecordBoundaries.PieceStart]]) {
        enum Job { case scan(Int), cut(Int, pieces: Int) }
        enum Outcome { case scan(Result<FileScan, any Error>), cut([RecordBoundaries.PieceStart]) }
        let sizes = paths.map { path in
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : 0   // of the file a link points to
        }
        let total = zip(sizes, isLookup).reduce(0) { $0 + ($1.1 ? 0 : $1.0) }
        let pieceSize = self.pieceSize ?? min(64 << 20, max(8 << 20, total / (lanes * 4)))
        var planned: [(job: Job, size: Int)] = []
        for (file, path) in paths.enumerated() where !isLookup[file] {
            let size = sizes[file]
            planned.append((.scan(file), size))
            let settings = globTable(of: path).map { configuration[$0] }
            let utf16 = settings?.encoding.map { [.utf16LE, .utf16BE].contains(TextEncoding($0)) } ?? false
            let standard = settings.map { CSVDialect(escape: $0.escape, comment: $0.comment, quotePadding: $0.quotePadding).isStandard } ?? true
            if size > pieceSize, pieceSize > 0, !utf16, standard {
                planned.append((.cut(file, pieces: (size + pieceSize - 1) / pieceSize), size))
            }
        }
        let jobs = planned.sorted { $0.size > $1.size }
        var scans = [Result<FileScan, any Error>?](repeating: nil, count: paths.count)
        var cuts = [[RecordBoundaries.PieceStart]](repeating: [], count: paths.count)
        OrderedLanes<Outcome>.run(count: jobs.count, lanes: lanes, job: { j in
            switch jobs[j].job {
            case .scan(let file):
                // The digest of a file to be cut is made beside its pieces.
                let cut = jobs.contains { if case .cut(file, _) = $0.job { true } else { false } }
                return .scan(Result { try FileScan.scan(path: paths[file], digest: !cut) })
            case .cut(let file, let pieces):
                return .cut(RecordBoundaries.pieceStarts(path: paths[file], pieces: pieces,
                                                         delimiter: globTable(of: paths[file]).flatMap { configuration[$0].delimiter?.byte },
                                                         columns: configuration[.orders].columns))
            }
        }, handOver: { j, outcome in
            switch (jobs[j].job, outcome) {
            case (.scan(let file), .scan(let scan)): scans[file] = scan
            case (.cut(let file, _), .cut(let starts)): cuts[file] = starts
            default: preconditionFailure("a job's outcome is of its kind")
            }
        })
        return (scans, cuts)
    }

    /// The table whose `files` globs match the file's name, if any.
    private func globTable(of path: String) -> TableKind? {
        let name = (path as NSString).lastPathComponent
        return TableKind.allCases.first { kind in configuration[kind].files.contains { fnmatch($0, name, 0) == 0 } }
    }

    /// Reads one table file, or one piece of it, into `state`, recording its report, rejects and
    /// findings (the file's closing findings after its last piece). A file that cannot be read
    /// (not text, encoding unknown, not openable) or fits no table is rejected as a whole; an
    /// unclosed quote rejects only the record it opens in. `scan` is the file's scan when it was
    /// made beforehand.
    @discardableResult
    func importTable(path: String, state: ImportState, scan: Result<FileScan, any Error>? = nil, piece: FilePiece = .whole) -> PieceEnd {
        let name = (path as NSString).lastPathComponent
        let globTable = globTable(of: path)
        let settings = globTable.map { configuration[$0] }
        let dialect = settings.map { CSVDialect(escape: $0.escape, comment: $0.comment, quotePadding: $0.quotePadding) } ?? CSVDialect()
        let notRead = PieceEnd(rowReader: nil, headerSeen: true)
        var rowReader: TableRowReader?
        var headerSeen = false
        let fileIndex: Int, encoding: TextEncoding, delimiter: UInt8
        if piece.isFirst {
            guard let admitted = Importer.admit(path: path, role: .skipped, encoding: settings?.encoding.map(TextEncoding.init),
                                                delimiter: settings?.delimiter?.byte, table: globTable?.rawValue, scan: scan,
                                                state: state) else { return notRead }
            (fileIndex, encoding, delimiter) = admitted
        } else {
            // A later piece: the first one admitted the file from the same scan and reported its header.
            guard case .success(let scan) = scan,
                  case .read(let e, let source, let d) = TextAdmission.decide(scan, encoding: settings?.encoding.map(TextEncoding.init),
                                                                              delimiter: settings?.delimiter?.byte, table: globTable?.rawValue)
            else { return notRead }
            (fileIndex, encoding, delimiter) = (state.files.count, e, d)
            state.files.append(InputFileReport(path: path, role: .table, sha256: scan.sha256, bytes: scan.byteCount, encoding: e,
                                               encodingSource: source, delimiter: d))
            rowReader = laterPieceRowReader(path: path, encoding: encoding, delimiter: delimiter, dialect: dialect,
                                            globTable: globTable, report: state.files[fileIndex])
            guard let table = rowReader?.table else { return notRead }
            state.expect(records: piece.expectedRecords, of: table)
            headerSeen = true
        }
        let reader = CSVReader()
        do {
            var options = CSVReader.Options(delimiter: delimiter, encoding: encoding, dialect: dialect)
            options.range = piece.range
            options.firstLine = piece.firstLine
            if let progress { options.onChunk = { bytes, lines in progress(bytes, lines, name) } }
            try reader.read(path: path, options: options, onUnreadable: { bad in
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
                    if let table = rowReader?.table { state.expect(records: piece.expectedRecords, of: table) }
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
            return notRead
        }
        let end = PieceEnd(rowReader: rowReader, headerSeen: headerSeen, replacedBytes: reader.replacedBytes,
                           endedInsideRecord: reader.endedInsideRecord)
        if piece.isFirst && piece.isLast { finishTable(path: path, file: fileIndex, end: end, state: state) }
        return end
    }

    /// The findings that close the reading of table file `file`: its mapping checks, an empty
    /// file, bytes not valid in its encoding.
    private func finishTable(path: String, file: Int, end: PieceEnd, state: ImportState) {
        if var finished = end.rowReader { state.findings += finished.finish() }
        if !end.headerSeen && state.files[file].role != .rejected {
            state.findings.append(Finding(.warning, code: "empty-file", file: path, message: "the file is empty; skipped"))
        }
        if end.replacedBytes > 0 {
            state.findings.append(Finding(.warning, code: "replaced-bytes", file: path, message:
                "\(end.replacedBytes) byte(s) are not valid \(state.files[file].encoding.rawValue) and were read as U+FFFD; set encoding for this table if the file uses another one"))
        }
    }

    /// The row reader of a later piece of a file: the header is read again and classified on a
    /// scratch state (the first piece reported it); nil when the first piece reads no rows either.
    private func laterPieceRowReader(path: String, encoding: TextEncoding, delimiter: UInt8, dialect: CSVDialect,
                                     globTable: TableKind?, report: InputFileReport) -> TableRowReader? {
        var headers: [String]?
        _ = try? CSVReader().read(path: path, options: .init(delimiter: delimiter, encoding: encoding, dialect: dialect),
                                  onUnreadable: { _ in false }) { record in
            headers = (0..<record.count).map { record.string($0) }
            return false
        }
        guard let headers, dialect.quotePadding || !headers.contains(where: { Importer.isPaddedOutsideQuotes($0, delimiter: delimiter) })
        else { return nil }
        let scratch = ImportState()
        scratch.files.append(report)
        return rowReader(path: path, headers: headers, globTable: globTable, delimiter: delimiter, fileIndex: 0, state: scratch)
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
    /// `scan` is the file's scan when it was made beforehand.
    static func admit(path: String, role: InputFileReport.Role, encoding: TextEncoding?, delimiter: UInt8?,
                      table: String?, scan precomputed: Result<FileScan, any Error>? = nil,
                      state: ImportState) -> (index: Int, encoding: TextEncoding, delimiter: UInt8)? {
        let fileIndex = state.files.count
        let scan: FileScan
        do { scan = try (precomputed ?? Result { try FileScan.scan(path: path) }).get() } catch {
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
