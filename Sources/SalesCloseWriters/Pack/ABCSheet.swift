import SalesCloseConfiguration
import SalesCloseCore

extension ClosePackSheet {
    /// Products or customers ABC: the ABC × XYZ counts, then the `top` items by the metric,
    /// "others" and the total (adding up to `abc_products.csv` / `abc_customers.csv`). The note says
    /// the window, the metric and the cut-offs.
    public static func abc(_ result: ABCResult, top: Int, language: Language) -> ClosePackSheet {
        let text = PackText(language: language)
        let s = result.settings
        let metric = s.metric
        func cells(_ key: ReportTable.Cell, _ name: String, _ value: Int64, _ share: Double?, _ cumulative: Double?,
                   _ item: ABCResult.Item?) -> [ReportTable.Cell] {
            [key, .textOrEmpty(name), metric.cell(value), .rateOrEmpty(share), .rateOrEmpty(cumulative),
             item.map { .integer($0.rank) } ?? .empty, .textOrEmpty(item?.abcClass.rawValue),
             item?.cv.map(ReportTable.Cell.number) ?? .empty, .textOrEmpty(item?.xyzClass?.rawValue)]
        }
        func shareSum(_ items: [ABCResult.Item]) -> Double? {
            let shares = items.compactMap(\.share)
            return shares.isEmpty ? nil : shares.reduce(0, +)
        }
        let built = SectionRows(TopRows(result.items, n: top, by: \.metric),
                                cells: { cells(.text($0.keyText), PackText.short($0.name, width: 40), $0.metric, $0.share,
                                               $0.cumulativeShare, $0) },
                                others: { cells(text.others($0.count), "", $0.reduce(0) { $0 + $1.metric }, shareSum($0), nil, nil) },
                                total: cells(text.total, "", result.items.reduce(0) { $0 + $1.metric }, shareSum(result.items),
                                             nil, nil))
        let subject = result.subject.rawValue
        let ranked = ClosePackSection(text.t("abc_top", text.t("subject." + subject), String(top)), ReportTable(
            name: "abc_\(subject)_top", columns: [
                .init("key", .text), .init("name", .text), .init("metric", metric.cellKind), .init("share", .rate),
                .init("cumulative_share", .rate), .init("rank", .integer), .init("abc_class", .text), .init("cv", .number),
                .init("xyz_class", .text),
            ], rows: built.rows), othersRow: built.othersRow, totalRow: built.totalRow)
        let matrix = result.matrixTable
        let note = text.t("abc_window_note", result.window.lowerBound.description, result.window.upperBound.description,
                          text.t(metric.rawValue), percent(s.a), percent(s.b))
        let xyz = text.t(result.subject == .products ? "xyz_note" : "xyz_note_customers", String(s.x), String(s.y))
        return ClosePackSheet(titleKey: result.subject == .products ? "products_abc" : "customers_abc",
                              sections: [ClosePackSection("abc_matrix", matrix), ranked],
                              notes: [note, xyz])
    }
}

/// `0.8` → `80 %`.
func percent(_ x: Double) -> String {
    let p = (x * 1000).rounded() / 10
    return (p == p.rounded() ? String(Int(p)) : String(p)) + " %"
}
