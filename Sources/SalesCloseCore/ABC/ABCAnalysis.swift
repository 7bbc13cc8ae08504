/// ABC-XYZ analysis of products (`abc_products`) and customers (`abc_customers`), and the
/// `abc_matrix` of item counts per ABC × XYZ class.
///
/// The window is the `windowMonths` (at least one) months ending with the close month, starting no
/// earlier than the first month of the order data (so months before the data do not count as
/// months without sales) unless the close month itself is earlier; its effective start and end, the metric and the thresholds are written on every row so
/// a reader of the file knows the rule. Items are the SKUs (customers) with any counted line in
/// the window. ABC ranks them by `settings.metric` summed over the window (`classifyABC`); XYZ
/// uses the CV of monthly quantity for products and of monthly revenue for customers, months
/// without sales counting as 0 (`coefficientOfVariation`). Items with no XYZ class (mean ≤ 0)
/// have empty cv and xyz_class cells and are counted under `no_xyz` in the matrix.
public struct ABCAnalysis: Sendable {
    public let products: ReportTable
    public let customers: ReportTable
    public let matrix: ReportTable

    public init(actuals: MonthlyActuals, data: SalesData, close: Month, settings: ABCSettings = ABCSettings()) {
        let start = close.advanced(by: 1 - max(1, settings.windowMonths))
        let window = min(max(start, data.orderMonthRange?.lowerBound ?? start), close)...close
        let rule = Rule(window: window, settings: settings)
        let productResult = rule.table("abc_products", level: .sku, xyzMetric: .quantity, actuals: actuals, names: data.names,
                                       name: data.productName)
        let customerResult = rule.table("abc_customers", level: .customer, xyzMetric: .revenue, actuals: actuals, names: data.names,
                                        name: data.customerName)
        products = productResult.table
        customers = customerResult.table
        let xyzColumns = XYZClass.allCases.map { ReportTable.Column($0.rawValue.lowercased(), .integer) }
        matrix = ReportTable(name: "abc_matrix",
                             columns: [.init("subject", .text), .init("abc_class", .text)] + xyzColumns
                                + [.init("no_xyz", .integer), .init("total", .integer)],
                             rows: [("products", productResult.classes), ("customers", customerResult.classes)].flatMap { subject, classes in
            ABCClass.allCases.map { abc in
                let counts = (XYZClass.allCases.map(Optional.some) + [nil]).map { xyz in
                    classes.count { $0 == (abc, xyz) }
                }
                return [.text(subject), .text(abc.rawValue)] + counts.map(ReportTable.Cell.integer) + [.integer(counts.reduce(0, +))]
            }
        })
    }

    /// The window and settings shared by both tables.
    private struct Rule {
        let window: ClosedRange<Month>
        let settings: ABCSettings

        func table(_ name: String, level: ActualsLevel, xyzMetric: TargetMetric, actuals: MonthlyActuals,
                   names: SalesData.Names, name itemName: (NameID) -> String)
            -> (table: ReportTable, classes: [(ABCClass, XYZClass?)]) {
            let months = window.list
            let keys = Set(actuals.figures.keys.lazy.filter { $0.level == level && window.contains($0.month) }.map(\.key))
            let items = keys.map { key in
                (key: key, keyText: level.text(of: key, names: names),
                 metric: months.reduce(Int64(0)) { $0 + settings.metric.value(of: actuals.figures(level, key, $1)) })
            }
            let rankings = classifyABC(items.map { ($0.keyText, $0.metric) }, a: settings.a, b: settings.b)
            var classes: [(ABCClass, XYZClass?)] = []
            let rows: [[ReportTable.Cell]] = rankings.map { r in
                let item = items[r.index]
                let xyz = coefficientOfVariation(months.map { xyzMetric.value(of: actuals.figures(level, item.key, $0)) },
                                                 x: settings.x, y: settings.y)
                classes.append((r.abcClass, xyz?.xyzClass))
                return [
                    .text(item.keyText), .textOrEmpty(itemName(item.key)), settings.metric.cell(item.metric),
                    .rateOrEmpty(r.share), .rateOrEmpty(r.cumulativeShare), .integer(r.rank), .text(r.abcClass.rawValue),
                    xyz.map { .number($0.cv) } ?? .empty, .textOrEmpty(xyz?.xyzClass.rawValue),
                    .month(window.lowerBound), .month(window.upperBound), .text(settings.metric.rawValue),
                    .rate(settings.a), .rate(settings.b), .number(settings.x), .number(settings.y),
                ]
            }
            return (ReportTable(name: name, columns: [
                .init("key", .text), .init("name", .text), .init("metric", settings.metric.cellKind),
                .init("share", .rate), .init("cumulative_share", .rate), .init("rank", .integer),
                .init("abc_class", .text), .init("cv", .number), .init("xyz_class", .text),
                .init("window_start", .month), .init("window_end", .month), .init("metric_name", .text),
                .init("a_threshold", .rate), .init("b_threshold", .rate),
                .init("x_threshold", .number), .init("y_threshold", .number),
            ], rows: rows), classes)
        }
    }
}
