import SalesCloseConfiguration
import SalesCloseCore

/// The monthly close workbook, as data: what the pipeline hands to `writeClosePack`.
/// The Summary sheet (KPIs and summary charts) always comes first, then `sheets` in order.
public struct ClosePack: Sendable {
    public var period: Month
    public var language: Language
    public var kpis: [KPI]
    /// Charts under the KPI block of the Summary sheet, two per row.
    public var summaryCharts: [ChartSpec]
    /// Sentences under the Summary title (already in `language`, or translation keys).
    public var summaryNotes: [String]
    public var sheets: [ClosePackSheet]

    public init(period: Month, language: Language, kpis: [KPI], summaryCharts: [ChartSpec] = [],
                summaryNotes: [String] = [], sheets: [ClosePackSheet]) {
        self.period = period; self.language = language; self.kpis = kpis
        self.summaryCharts = summaryCharts; self.summaryNotes = summaryNotes; self.sheets = sheets
    }
}

/// One KPI line of the Summary: its value and what it is compared with.
public struct KPI: Sendable {
    /// Translation key of the KPI name, e.g. `revenue`, `achievement_rate`.
    public var nameKey: String
    public var value: ReportTable.Cell
    public var comparisons: [KPIComparison]
    /// Colour the value (and rate comparisons) with the achievement colours.
    public var colourAsAchievement: Bool

    public init(_ nameKey: String, _ value: ReportTable.Cell, comparisons: [KPIComparison] = [],
                colourAsAchievement: Bool = false) {
        self.nameKey = nameKey; self.value = value; self.comparisons = comparisons
        self.colourAsAchievement = colourAsAchievement
    }
}

public struct KPIComparison: Sendable {
    /// Translation key of what the value is compared with, e.g. `target`, `prior_year`.
    public var labelKey: String
    public var value: ReportTable.Cell
    public init(_ labelKey: String, _ value: ReportTable.Cell) { self.labelKey = labelKey; self.value = value }
}

/// One sheet of the close pack (after Summary).
public struct ClosePackSheet: Sendable {
    /// Translation key of the sheet title and tab name, e.g. `achievement`.
    public var titleKey: String
    /// The sheet's main table: frozen header, filter, print titles. Longer than a sheet holds →
    /// continued on further sheets `Title (2)`, `Title (3)` ….
    public var table: ReportTable?
    /// A main table too large to hold in memory, streamed row by row instead of `table`.
    public var detail: DetailRows?
    /// Small tables shown to the right of the main table (e.g. the ABC-XYZ matrix), each under a
    /// caption translated from its `name`.
    public var sideTables: [ReportTable]
    /// Sentences under the title (translated when they are translation keys).
    public var notes: [String]
    public var charts: [ChartSpec]
    /// When set, the sheet says plainly `Not available yet: <reason>` and shows nothing else.
    public var unavailableReason: String?
    /// Rate columns (of any table on the sheet) coloured by the achievement thresholds.
    public var achievementColumns: [String]
    /// A sheet sized for people: short tables one under the other (each a caption, a header and
    /// its rows), then the charts. Used instead of `table`/`detail` when not empty.
    public var sections: [ClosePackSection]

    public init(titleKey: String, table: ReportTable? = nil, detail: DetailRows? = nil,
                sideTables: [ReportTable] = [], notes: [String] = [], charts: [ChartSpec] = [],
                achievementColumns: [String] = []) {
        self.titleKey = titleKey; self.table = table; self.detail = detail; self.sideTables = sideTables
        self.notes = notes; self.charts = charts; self.unavailableReason = nil
        self.achievementColumns = achievementColumns; self.sections = []
    }

    /// A sheet of sections (see `sections`); charts draw from tables of their own (`.table`).
    public init(titleKey: String, sections: [ClosePackSection], notes: [String] = [], charts: [ChartSpec] = [],
                achievementColumns: [String] = []) {
        self.init(titleKey: titleKey, notes: notes, charts: charts, achievementColumns: achievementColumns)
        self.sections = sections
    }

    /// A sheet whose capability is not built yet (or whose input is missing).
    public static func unavailable(_ titleKey: String, reason: String = "not_built_yet") -> ClosePackSheet {
        var sheet = ClosePackSheet(titleKey: titleKey)
        sheet.unavailableReason = reason
        return sheet
    }
}

/// One short table of a sheet: its caption and rows, and which rows are the "others" line (the
/// rows not shown, added up) and the total line, written in italics and bold.
public struct ClosePackSection: Sendable {
    /// Already in the pack's language (or a translation key).
    public var caption: String
    public var table: ReportTable
    public var othersRow: Int?
    public var totalRow: Int?

    public init(_ caption: String, _ table: ReportTable, othersRow: Int? = nil, totalRow: Int? = nil) {
        self.caption = caption; self.table = table; self.othersRow = othersRow; self.totalRow = totalRow
    }
}

/// Rows of a large table produced on demand, so a million-row sheet never sits in memory.
/// `rows` is called twice: once for at most `widthSampleRows` rows to fit column widths, then to
/// write every row.
public struct DetailRows: Sendable {
    public var name: String
    public var columns: [ReportTable.Column]
    let makeIterator: @Sendable () -> AnyIterator<[ReportTable.Cell]>

    public init<S: Sequence & SendableMetatype>(name: String, columns: [ReportTable.Column], rows: @escaping @Sendable () -> S)
    where S.Element == [ReportTable.Cell] {
        self.name = name; self.columns = columns
        self.makeIterator = { AnyIterator(rows().makeIterator()) }
    }
}

/// A chart drawn from columns of a table: one category column and one series per value column.
public struct ChartSpec: Sendable {
    public enum Kind: Sendable {
        case column, line, stackedColumn, stackedBar, bar
        /// The cumulative share of items ranked by share, with the ABC cut-offs as dashed lines, on
        /// one 0–100 % axis. `valueColumns` = [cumulative share, cut-off columns …].
        case pareto
    }
    public enum Source: Sendable {
        /// The main table of the sheet the chart is on.
        case sheetTable
        /// A table of its own, written to the hidden `Chart data` sheet.
        case table(ReportTable)
    }
    public enum Look: Sendable { case solid, dashed, band }

    public var kind: Kind
    /// Translation key of the chart title.
    public var titleKey: String
    public var source: Source
    public var categoryColumn: String
    public var valueColumns: [String]
    /// Only the first `maxRows` rows of the source are drawn (e.g. top 20 customers).
    public var maxRows: Int?
    /// Line style per value column (default solid): `dashed` for a forecast, `band` for interval bounds.
    public var looks: [String: Look]
    /// Category labels turned by this many degrees (e.g. -45 for long names); nil: flat.
    public var categoryRotation: Int?

    public init(_ kind: Kind, titleKey: String, source: Source = .sheetTable, category: String,
                values: [String], maxRows: Int? = nil, looks: [String: Look] = [:], categoryRotation: Int? = nil) {
        self.kind = kind; self.titleKey = titleKey; self.source = source
        self.categoryColumn = category; self.valueColumns = values; self.maxRows = maxRows; self.looks = looks
        self.categoryRotation = categoryRotation
    }
}

/// Achievement colouring: red below `low`, amber from `low` up to `high`, green from `high` on.
public struct AchievementColours: Sendable {
    public var low: Double
    public var high: Double
    public init(low: Double = 0.8, high: Double = 1.0) { self.low = low; self.high = high }
}

/// How the workbook is written; the defaults are right for the product, tests shrink them.
public struct ClosePackOptions: Sendable {
    /// Rows per sheet including the title and header rows (Excel: 1,048,576).
    public var maxRowsPerSheet: Int = xlsxMaxRows
    /// Write in libxlsxwriter's constant-memory mode when a detail stream is present or any
    /// table has more rows than this.
    public var constantMemoryAbove: Int = 50_000
    /// Rows looked at to fit column widths.
    public var widthSampleRows: Int = 2_000
    public init() {}
}
