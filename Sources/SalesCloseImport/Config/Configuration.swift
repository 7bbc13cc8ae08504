import SalesCloseCore

/// The configuration in effect: `Config/salesclose.toml` over built-in defaults.
/// The `[tables.*]`, `[[lookups]]`, `[targets]` and `[abc]` parts are the SPEC contract;
/// every other key has a default and is printed by `salesclose config`.
public struct Configuration: Sendable {
    /// Reading settings of one input table.
    public struct TableSettings: Sendable {
        /// File-name globs; a matching file is this table whatever its header says.
        public var files: [String] = []
        /// Canonical field → source column header. Wins over the built-in aliases.
        public var columns: [String: String] = [:]
        /// `,` `;` or tab; nil = detected from the header line.
        public var delimiter: UInt8?
        /// nil = decimal comma when the delimiter is `;`, else decimal point.
        public var decimalComma: Bool?
        /// A date pattern such as `DD.MM.YYYY`; nil = year-first dates.
        public var dateFormat: String?
        /// nil = strict UTF-8 when the file is valid UTF-8, else GB18030.
        public var encoding: TextEncoding?
        /// `escape`, `comment`, `quote_padding`: a non-RFC 4180 dialect to read.
        public var dialect = CSVDialect()
        /// Status values that mark a cancelled line (compared case-insensitively).
        public var cancelledValues: [String] = ["cancelled", "canceled", "已取消", "取消", "作废"]
        public init() {}
    }

    /// Fills a dimension missing from the orders from a master file in the input folder.
    public struct Lookup: Sendable {
        public var dimension: Dimension
        /// The order field whose value is the key (a dimension field such as `salesperson`).
        public var from: Dimension
        public var file: String
        public var key: String
        public var value: String
        public init(dimension: Dimension, from: Dimension, file: String, key: String, value: String) {
            self.dimension = dimension; self.from = from; self.file = file; self.key = key; self.value = value
        }
    }

    public var language = "en"
    public var tables: [TableKind: TableSettings] = Dictionary(uniqueKeysWithValues: TableKind.allCases.map { ($0, TableSettings()) })
    public var lookups: [Lookup] = []

    // [targets]
    public var targetsFile = "targets.csv"
    public var allocation = "prior_year"
    public var allocationWeights: [Double] = []
    // [abc]
    public var abcWindowMonths = 12
    public var abcMetric = "revenue"
    public var abcA = 0.80
    public var abcB = 0.95
    public var xyzX = 0.5
    public var xyzY = 1.0
    // [achievement]
    public var achievementLow = 0.80
    public var achievementHigh = 1.00
    // [forecast]
    public var forecastHorizon = 12
    /// `total`, a dimension, or two crossed (`region*category`).
    public var forecastLevels = ["total", "region", "category", "sku"]
    /// `revenue` (forecast.csv) and optionally `quantity` (forecast_quantity.csv).
    public var forecastMetrics = ["revenue"]
    // [receivables]
    public var agingBuckets = [30, 60, 90]
    public var agingBasis = "ship_date"
    public var defaultPaymentTermsDays = 30

    /// SHA-256 of the configuration file's bytes ("" when there is none), for the manifest.
    public var digest = ""

    public init() {}

    public subscript(table: TableKind) -> TableSettings {
        get { tables[table]! }
        set { tables[table] = newValue }
    }
}
