import SalesCloseConfiguration
import SalesCloseCore

/// Reads the key and value columns of a `[[lookups]]` master file (e.g. employees → office).
enum LookupReader {
    /// One key → value table per lookup, in order. Records the file in `state.files`.
    /// A file that cannot be read is rejected as a whole (and its lookups are empty).
    static func read(path: String, lookups: [Lookup], state: ImportState) -> [[String: String]] {
        var tables = [[String: String]](repeating: [:], count: lookups.count)
        guard let (fileIndex, encoding, delimiter) = Importer.admit(path: path, role: .lookup, encoding: nil, delimiter: nil,
                                                                   table: nil, state: state) else { return tables }
        var columns: [(key: Int, value: Int)?] = []
        do {
        try CSVReader().read(path: path, options: .init(delimiter: delimiter, encoding: encoding), onUnreadable: { bad in
            state.countRejectedRow(fileIndex)
            state.rejects.append(Reject(file: path, line: bad.line, column: bad.column, field: "", value: bad.start, reason: bad.reason, code: "unterminated-quote"))
            return !columns.isEmpty
        }) { record in
            if columns.isEmpty {
                let headers = (0..<record.count).map { record.string($0) }
                let normalized = headers.map(normalizedHeader)
                columns = lookups.map { lookup in
                    guard let k = normalized.firstIndex(of: normalizedHeader(lookup.key)),
                          let v = normalized.firstIndex(of: normalizedHeader(lookup.value)) else {
                        state.findings.append(Finding(.error, file: path, line: 1, message:
                            "lookup for \(lookup.dimension.rawValue) needs columns \"\(lookup.key)\" and \"\(lookup.value)\"; headers found: \(headers.joined(separator: ", "))"))
                        return nil
                    }
                    return (k, v)
                }
                return true
            }
            state.files[fileIndex].rowsRead += 1
            var ok = true
            for (i, c) in columns.enumerated() {
                guard let c, c.key < record.count, c.value < record.count, record[c.key].count > 0 else { ok = false; continue }
                tables[i][record.string(c.key)] = record.string(c.value)
            }
            if ok {
                state.files[fileIndex].accepted += 1
            } else {
                state.files[fileIndex].rejected += 1
                state.rejects.append(Reject(file: path, line: record.line, column: 1, field: "",
                                            value: record.count > 0 ? record.string(0) : "",
                                            reason: "lookup row lacks its key or value"))
            }
            return true
        }
        } catch {
            state.rejectFile(fileIndex, because: error)
        }
        return tables
    }
}
