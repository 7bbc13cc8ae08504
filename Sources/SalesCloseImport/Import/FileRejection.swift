import SalesCloseCore

extension ImportState {
    /// Rejects file `index` as a whole: one row of `rejects.csv` saying why and where, and an
    /// error in `data_quality.csv`. Its rows, if it has any that can be counted, are counted as
    /// rejected by the caller.
    func rejectFile(_ index: Int, line: Int, column: Int, value: String = "", reason: String,
                    severity: Finding.Severity = .error) {
        let path = files[index].path
        files[index].role = .rejected
        rejects.append(Reject(file: path, line: line, column: column, field: "", value: value, reason: reason))
        findings.append(Finding(severity, file: path, line: line, column: column,
                                message: "file not read: \(reason)"))
    }

    /// Counts one more row of file `index` as read and rejected.
    func countRejectedRow(_ index: Int) {
        files[index].rowsRead += 1
        files[index].rejected += 1
    }
}
