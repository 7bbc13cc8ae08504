import Foundation
import SalesCloseConfiguration
import SalesCloseCore

/// Reads `Config/targets.csv`: period, value, optional metric and dimension columns.
enum TargetsReader {
    static let headerAliases: [String: [String]] = [
        "period": ["period", "期间", "月份", "年度", "时间"],
        "value": ["value", "target", "目标", "目标值", "目标金额"],
        "metric": ["metric", "指标"],
        "region": ["region", "大区", "区域"],
        "salesperson": ["salesperson", "销售员", "业务员"],
        "channel": ["channel", "渠道"],
        "category": ["category", "品类"],
        "sku": ["sku", "产品编码"],
        "customer_id": ["customer_id", "customer", "客户编号"],
    ]

    /// A file that cannot be read is rejected as a whole (and gives no targets).
    static func read(path: String, state: ImportState) -> [TargetRow] {
        guard let (fileIndex, encoding, delimiter) = Importer.admit(path: path, role: .targets, encoding: nil, delimiter: nil,
                                                                   table: nil, state: state) else { return [] }
        var columns: [String: Int]?
        var rows: [TargetRow] = []
        let numbers = NumberParser(decimalComma: delimiter == UInt8(ascii: ";"))
        do {
        try CSVReader().read(path: path, options: .init(delimiter: delimiter, encoding: encoding), onUnreadable: { bad in
            state.countRejectedRow(fileIndex)
            state.rejects.append(Reject(file: path, line: bad.line, column: bad.column, field: "", value: bad.start, reason: bad.reason, code: "unterminated-quote"))
            return columns != nil
        }) { record in
            guard let cols = columns else {
                let normalized = (0..<record.count).map { normalizedHeader(record.string($0)) }
                var found: [String: Int] = [:]
                for (field, aliases) in headerAliases {
                    if let i = normalized.firstIndex(where: { aliases.map(normalizedHeader).contains($0) }) { found[field] = i }
                }
                guard found["period"] != nil, found["value"] != nil else {
                    state.findings.append(Finding(.error, file: path, line: 1,
                                                  message: "targets file needs columns period and value"))
                    return false
                }
                columns = found
                return true
            }
            state.files[fileIndex].rowsRead += 1
            func reject(_ column: Int, _ reason: String) {
                state.files[fileIndex].rejected += 1
                state.rejects.append(Reject(file: path, line: record.line, column: column + 1, field: "",
                                            value: column < record.count ? record.string(column) : "", reason: reason))
            }
            let periodText = record.string(cols["period"]!)
            guard let period = TargetPeriod(periodText) else {
                reject(cols["period"]!, "period \"\(periodText)\" is not YYYY, YYYY-Qn or YYYY-MM"); return true
            }
            var metric = TargetMetric.revenue
            if let m = cols["metric"], !record.string(m).isEmpty {
                guard let parsed = TargetMetric(rawValue: record.string(m).trimmingCharacters(in: .whitespaces)) else {
                    reject(m, "metric \"\(record.string(m))\" is not revenue, quantity or gross_margin"); return true
                }
                metric = parsed
            }
            let valueColumn = cols["value"]!
            guard case .success(let value) = numbers.parse(record[valueColumn], scale: metric == .quantity ? 3 : 2) else {
                reject(valueColumn, "value \"\(record.string(valueColumn))\" is not a number"); return true
            }
            var dimensions: [SalesCloseCore.Dimension: String] = [:]
            for d in SalesCloseCore.Dimension.allCases {
                if let c = cols[d.fieldName], c < record.count, record[c].count > 0 { dimensions[d] = record.string(c) }
            }
            rows.append(TargetRow(period: period, metric: metric, dimensions: dimensions, value: value, line: record.line))
            state.files[fileIndex].accepted += 1
            return true
        }
        } catch {
            state.rejectFile(fileIndex, because: error)
        }
        return rows
    }
}
