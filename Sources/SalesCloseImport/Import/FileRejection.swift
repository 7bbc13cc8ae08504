import SalesCloseCore

extension ImportState {
    /// Rejects file `index` as a whole: one row of `rejects.csv` saying why and where, and an
    /// error in `data_quality.csv`. Its rows, if it has any that can be counted, are counted as
    /// rejected by the caller.
    func rejectFile(_ index: Int, line: Int, column: Int, value: String = "", reason: String,
                    severity: Finding.Severity = .error, code: String) {
        let path = files[index].path
        files[index].role = .rejected
        rejects.append(Reject(file: path, line: line, column: column, field: "", value: value, reason: reason, code: code))
        findings.append(Finding(severity, code: code, file: path, line: line, column: column,
                                message: "file not read: \(reason)"))
    }

    /// Rejects file `index` as a whole because reading it threw `error`.
    func rejectFile(_ index: Int, because error: Error) {
        if let d = error as? Diagnostic {
            rejectFile(index, line: d.line ?? 1, column: d.column ?? 1, reason: d.message, code: d.code)
        } else {
            rejectFile(index, line: 1, column: 1, reason: "\(error)", code: "unreadable-file")
        }
    }

    /// Counts one more row of file `index` as read and rejected.
    func countRejectedRow(_ index: Int) {
        files[index].rowsRead += 1
        files[index].rejected += 1
    }
}
