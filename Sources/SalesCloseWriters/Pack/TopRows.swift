import SalesCloseConfiguration
import SalesCloseCore

/// The rows a person reads: the `n` largest by a measure (largest first; ties keep their order),
/// and the rest, which a sheet adds up into one "others" line.
public struct TopRows<Row> {
    public var shown: [Row]
    public var others: [Row]

    public init(_ rows: [Row], n: Int, by measure: (Row) -> Int64) {
        let values = rows.map(measure)
        let order = rows.indices.sorted { (values[$1], $0) < (values[$0], $1) }
        shown = order.prefix(max(0, n)).map { rows[$0] }
        others = order.dropFirst(max(0, n)).map { rows[$0] }
    }
}

/// Builds one section of N rows, an "others" line when rows were left out, and a total line.
public struct SectionRows {
    public var rows: [[ReportTable.Cell]] = []
    public var othersRow: Int?
    public var totalRow: Int?

    public init<Row>(_ top: TopRows<Row>, cells: (Row) -> [ReportTable.Cell], others: ([Row]) -> [ReportTable.Cell],
              total: [ReportTable.Cell]?) {
        rows = top.shown.map(cells)
        if !top.others.isEmpty { othersRow = rows.count; rows.append(others(top.others)) }
        if let total { totalRow = rows.count; rows.append(total) }
    }
}
