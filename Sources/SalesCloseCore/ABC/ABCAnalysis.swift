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
    public let products: ABCResult
    public let customers: ABCResult

    public init(actuals: MonthlyActuals, data: SalesData, close: Month, settings: ABCSettings = ABCSettings()) {
        let start = close.advanced(by: 1 - max(1, settings.windowMonths))
        let window = min(max(start, data.orderMonthRange?.lowerBound ?? start), close)...close
        products = ABCResult(.products, level: .sku, xyzMetric: .quantity, window: window, settings: settings,
                             actuals: actuals, names: data.names, name: data.productName)
        customers = ABCResult(.customers, level: .customer, xyzMetric: .revenue, window: window, settings: settings,
                              actuals: actuals, names: data.names, name: data.customerName)
    }
}

/// The ABC-XYZ classes of one subject (products or customers) with the rule that made them:
/// the window, the metric and the thresholds.
public struct ABCResult: Sendable {
    public enum Subject: String, Sendable, CaseIterable { case products, customers }

    public struct Item: Sendable, Equatable {
        public var key: NameID
        public var keyText: String
        /// The product's or customer's name from the master file; empty when unknown.
        public var name: String
        /// `settings.metric` summed over the window, in its integer unit.
        public var metric: Int64
        public var share: Double?
        public var cumulativeShare: Double?
        public var rank: Int
        public var abcClass: ABCClass
        public var cv: Double?
        public var xyzClass: XYZClass?
    }

    public let subject: Subject
    /// The effective window (see `ABCAnalysis`).
    public let window: ClosedRange<Month>
    public let settings: ABCSettings
    /// In rank order.
    public let items: [Item]

    /// Items of an ABC class and an XYZ class (nil: no XYZ class).
    public func count(_ abc: ABCClass, _ xyz: XYZClass?) -> Int {
        items.count { $0.abcClass == abc && $0.xyzClass == xyz }
    }

    init(_ subject: Subject, level: ActualsLevel, xyzMetric: TargetMetric, window: ClosedRange<Month>,
         settings: ABCSettings, actuals: MonthlyActuals, names: SalesData.Names, name itemName: (NameID) -> String) {
        self.subject = subject
        self.window = window
        self.settings = settings
        let months = window.list
        let keys = Set(actuals.keys.lazy.filter { $0.level == level && window.contains($0.month) }.map(\.key))
        let candidates = keys.map { key in
            (key: key, keyText: level.text(of: key, names: names),
             metric: months.reduce(Int64(0)) { $0 + settings.metric.value(of: actuals.figures(level, key, $1)) })
        }
        let rankings = classifyABC(candidates.map { ($0.keyText, $0.metric) }, a: settings.a, b: settings.b)
        items = rankings.map { r in
            let c = candidates[r.index]
            let xyz = coefficientOfVariation(months.map { xyzMetric.value(of: actuals.figures(level, c.key, $0)) },
                                             x: settings.x, y: settings.y)
            return Item(key: c.key, keyText: c.keyText, name: itemName(c.key), metric: c.metric,
                        share: finite(r.share), cumulativeShare: finite(r.cumulativeShare), rank: r.rank,
                        abcClass: r.abcClass, cv: xyz?.cv, xyzClass: xyz?.xyzClass)
        }
    }
}
