import SalesCloseCore

extension ABCResult {
    /// `abc_products.csv` / `abc_customers.csv`: one row per item in rank order, the window, the
    /// metric and the thresholds written on every row.
    public var table: ReportTable {
        let s = settings
        return ReportTable(name: "abc_\(subject.rawValue)", columns: [
            .init("key", .text), .init("name", .text), .init("metric", s.metric.cellKind),
            .init("share", .rate), .init("cumulative_share", .rate), .init("rank", .integer),
            .init("abc_class", .text), .init("cv", .number), .init("xyz_class", .text),
            .init("window_start", .month), .init("window_end", .month), .init("metric_name", .text),
            .init("a_threshold", .rate), .init("b_threshold", .rate),
            .init("x_threshold", .number), .init("y_threshold", .number),
        ], rows: items.map { item in
            [.text(item.keyText), .textOrEmpty(item.name), s.metric.cell(item.metric),
             .rateOrEmpty(item.share), .rateOrEmpty(item.cumulativeShare), .integer(item.rank), .text(item.abcClass.rawValue),
             item.cv.map(ReportTable.Cell.number) ?? .empty, .textOrEmpty(item.xyzClass?.rawValue),
             .month(window.lowerBound), .month(window.upperBound), .text(s.metric.rawValue),
             .rate(s.a), .rate(s.b), .number(s.x), .number(s.y)]
        })
    }

    /// The ABC × XYZ counts of this subject: one row per ABC class.
    public var matrixRows: [[ReportTable.Cell]] {
        ABCClass.allCases.map { abc in
            let counts = (XYZClass.allCases.map(Optional.some) + [nil]).map { count(abc, $0) }
            return [.text(abc.rawValue)] + counts.map(ReportTable.Cell.integer) + [.integer(counts.reduce(0, +))]
        }
    }

    static let matrixColumns: [ReportTable.Column] = [.init("abc_class", .text)]
        + XYZClass.allCases.map { ReportTable.Column($0.rawValue.lowercased(), .integer) }
        + [.init("no_xyz", .integer), .init("total", .integer)]

    /// The matrix of this subject alone, as the pack shows it beside the ABC table.
    public var matrixTable: ReportTable {
        ReportTable(name: "abc_xyz_matrix", columns: Self.matrixColumns, rows: matrixRows)
    }
}

extension ABCAnalysis {
    /// `abc_matrix.csv`: the counts of products, then customers.
    public var matrix: ReportTable {
        ReportTable(name: "abc_matrix", columns: [.init("subject", .text)] + ABCResult.matrixColumns,
                    rows: [products, customers].flatMap { result in
                        result.matrixRows.map { [.text(result.subject.rawValue)] + $0 }
                    })
    }
}
