import SalesCloseConfiguration
import SalesCloseCore

extension ClosePackSheet {
    /// Data quality: the first `top` findings, an "others" line counting the rest and the total
    /// count (all are in `data_quality.csv`); the same for the rejected rows (`rejects.csv`), of
    /// which `rejects` holds the first ones and `rejectCount` says how many there are;
    /// the input files; the thresholds and settings in effect.
    public static func dataQuality(findings: [Finding], rejects: ReportTable, rejectCount: Int, inputFiles: ReportTable,
                                   settings: [(key: String, value: String)], top: Int, language: Language) -> ClosePackSheet {
        let text = PackText(language: language)
        func count(_ key: ReportTable.Cell, _ n: Int, width: Int) -> [ReportTable.Cell] {
            [key] + Array(repeating: .empty, count: width - 2) + [.text(text.t("rows_count", String(n)))]
        }
        let findingColumns: [ReportTable.Column] = [
            .init("severity", .text), .init("file", .text), .init("line", .integer), .init("field", .text),
            .init("value", .text), .init("message", .text),
        ]
        let shownFindings = findings.prefix(top).map { f -> [ReportTable.Cell] in
            [.text(text.t("severity." + f.severity.rawValue)), .text(f.file), f.line.map(ReportTable.Cell.integer) ?? .empty,
             .textOrEmpty(f.field.map(text.field)), .textOrEmpty(f.value), .text(Translations.findingMessage(f.message, language))]
        }
        var findingRows = shownFindings
        var findingsOthers: Int?
        if findings.count > top {
            findingsOthers = findingRows.count
            findingRows.append(count(text.others(findings.count - top), findings.count - top, width: findingColumns.count))
        }
        let findingsTotal = findingRows.count
        findingRows.append(count(text.total, findings.count, width: findingColumns.count))

        // The reason last, where its text has room; the columns as in rejects.csv otherwise.
        let order = rejects.columns.indices.filter { rejects.columns[$0].name != "reason" }
            + rejects.columns.indices.filter { rejects.columns[$0].name == "reason" }
        let rejectColumns = order.map { rejects.columns[$0] }
        var rejectRows = rejects.rows.prefix(top).map { row in
            order.map { i -> ReportTable.Cell in
                guard case .text(let s) = row[i] else { return row[i] }
                switch rejects.columns[i].name {
                case "reason": return .text(Translations.findingMessage(s, language))
                case "field": return .text(text.field(s))
                default: return row[i]
                }
            }
        }
        var rejectsOthers: Int?
        if rejectCount > rejectRows.count {
            rejectsOthers = rejectRows.count
            rejectRows.append(count(text.others(rejectCount - rejectRows.count), rejectCount - rejectRows.count, width: rejectColumns.count))
        }
        let rejectsTotal = rejectRows.count
        rejectRows.append(count(text.total, rejectCount, width: rejectColumns.count))

        return ClosePackSheet(titleKey: "data_quality", sections: [
            ClosePackSection("data_quality_findings", ReportTable(name: "data_quality", columns: findingColumns, rows: findingRows),
                             othersRow: findingsOthers, totalRow: findingsTotal),
            ClosePackSection("rejects", ReportTable(name: "rejects", columns: rejectColumns, rows: rejectRows),
                             othersRow: rejectsOthers, totalRow: rejectsTotal),
            ClosePackSection("input_files", ReportTable(name: inputFiles.name, columns: inputFiles.columns, rows: inputFiles.rows.map { row in
                row.enumerated().map { i, c in
                    guard inputFiles.columns[i].name == "table", case .text(let s) = c, Translations.has("table." + s) else { return c }
                    return .text(text.t("table." + s))
                }
            })),
            ClosePackSection("settings", ReportTable(name: "settings", columns: [.init("setting", .text), .init("column.value", .text)],
                                                     rows: settings.map {
                                                         [.text($0.key), .text(Translations.has("setting." + $0.value) ? text.t("setting." + $0.value) : $0.value)]
                                                     })),
        ])
    }
}
