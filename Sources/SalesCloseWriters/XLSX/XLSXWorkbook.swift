import CLibXLSXWriter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The only file of SalesClose that calls libxlsxwriter. Everything above it works with the
// handles declared here: `XLSXWorkbook` (owns the C workbook and frees it on every path),
// `XLSXWorksheet`, `XLSXFormat` and `XLSXChart` (borrowed handles that keep their workbook alive).
// Every `lxw_error` is checked and becomes an `XLSXError` carrying `lxw_strerror`'s message.

/// The largest number of rows a worksheet holds (Excel's limit, 1,048,576).
public let xlsxMaxRows = Int(LXW_ROW_MAX)
/// The largest number of columns a worksheet holds (16,384).
public let xlsxMaxColumns = Int(LXW_COL_MAX)
/// The longest string a cell holds (32,767 characters).
public let xlsxMaxStringLength = 32_767

private func check(_ code: lxw_error, _ operation: String,
                   sheet: String? = nil, row: Int? = nil, column: Int? = nil) throws(XLSXError) {
    guard code != LXW_NO_ERROR else { return }
    let message = lxw_strerror(code).map { String(cString: $0) } ?? "unknown error"
    throw XLSXError(code: Int(code.rawValue), message: message, operation: operation,
                    sheet: sheet, row: row, column: column)
}

/// A workbook being written. Create it with `XLSXWorkbook.write(to:options:_:)`, which closes it
/// (writing the file) when the body returns and frees it without writing when the body throws.
public final class XLSXWorkbook {
    public struct Options: Sendable {
        /// Rows are flushed to a temporary file as soon as a later row is started: memory stays
        /// flat, but every sheet must be written strictly row by row, top to bottom.
        public var constantMemory = false
        /// The document's creation time (seconds since 1970); fixed, so the bytes are reproducible.
        public var createdAt: Int64 = 0
        public var title: String?
        public var author: String?
        public init(constantMemory: Bool = false, createdAt: Int64, title: String? = nil, author: String? = nil) {
            self.constantMemory = constantMemory; self.createdAt = createdAt
            self.title = title; self.author = author
        }
    }

    let handle: UnsafeMutablePointer<lxw_workbook>
    public let options: Options
    private var finished = false
    private var formats: [XLSXFormatSpec: XLSXFormat] = [:]

    private init(path: String, options: Options) throws(XLSXError) {
        var opts = lxw_workbook_options()
        opts.constant_memory = options.constantMemory ? UInt8(LXW_TRUE.rawValue) : 0
        opts.use_zip64 = 0
        guard let wb = workbook_new_opt(path, &opts) else {
            throw XLSXError(code: nil, message: "cannot create the workbook", operation: "workbook_new_opt")
        }
        handle = wb
        self.options = options
    }

    deinit {
        // Reached without `close()` only on an error path: free everything, write nothing.
        if !finished { lxw_workbook_free(handle) }
    }

    /// Creates a workbook at `path`, runs `body`, and closes it (writing the file). If `body`
    /// throws, the workbook is freed without being written and the error is rethrown.
    public static func write<R>(to path: String, options: Options,
                                _ body: (XLSXWorkbook) throws -> R) throws -> R {
        let workbook = try XLSXWorkbook(path: path, options: options)
        let result = try body(workbook)
        try workbook.close()
        return result
    }

    /// Writes the file and frees the workbook. Called once, by `write(to:options:_:)`.
    private func close() throws(XLSXError) {
        try setProperties()
        finished = true
        try check(workbook_close(handle), "workbook_close")
    }

    private func setProperties() throws(XLSXError) {
        var props = lxw_doc_properties()
        props.created = time_t(options.createdAt)
        let title = options.title.map { strdup($0) } ?? nil
        let author = options.author.map { strdup($0) } ?? nil
        defer { free(title); free(author) }
        props.title = title
        props.author = author
        try check(workbook_set_properties(handle, &props), "workbook_set_properties")
    }

    /// Adds a worksheet. `name` must already be valid (see `SheetNames`); libxlsxwriter's
    /// validation error is reported if it is not.
    public func addWorksheet(named name: String) throws(XLSXError) -> XLSXWorksheet {
        try check(workbook_validate_sheet_name(handle, name), "workbook_validate_sheet_name", sheet: name)
        guard let ws = workbook_add_worksheet(handle, name) else {
            throw XLSXError(code: nil, message: "libxlsxwriter returned no worksheet",
                            operation: "workbook_add_worksheet", sheet: name)
        }
        return XLSXWorksheet(handle: ws, name: name, workbook: self)
    }

    /// The format for `spec`, created once per workbook and shared by every cell that uses it.
    public func format(_ spec: XLSXFormatSpec) throws(XLSXError) -> XLSXFormat {
        if let existing = formats[spec] { return existing }
        guard let f = workbook_add_format(handle) else {
            throw XLSXError(code: nil, message: "cannot allocate a format", operation: "workbook_add_format")
        }
        if let n = spec.numberFormat { format_set_num_format(f, n) }
        if spec.bold { format_set_bold(f) }
        if spec.italic { format_set_italic(f) }
        if let size = spec.fontSize { format_set_font_size(f, size) }
        if let color = spec.fontColor { format_set_font_color(f, lxw_color_t(color)) }
        if let color = spec.fillColor {
            format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(f, lxw_color_t(color))
        }
        if spec.wrap { format_set_text_wrap(f) }
        if spec.bottomBorder { format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue)) }
        if spec.topBorder { format_set_top(f, UInt8(LXW_BORDER_THIN.rawValue)) }
        switch spec.verticalAlign {
        case .top: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .center: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .bottom: break
        }
        switch spec.align {
        case .general: break
        case .left: format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        if spec.indent > 0 { format_set_indent(f, UInt8(clamping: spec.indent)) }
        let format = XLSXFormat(handle: f)
        formats[spec] = format
        return format
    }

    public func addChart(_ type: XLSXChart.ChartType) throws(XLSXError) -> XLSXChart {
        let raw: lxw_chart_type
        switch type {
        case .column: raw = LXW_CHART_COLUMN
        case .stackedColumn: raw = LXW_CHART_COLUMN_STACKED
        case .bar: raw = LXW_CHART_BAR
        case .stackedBar: raw = LXW_CHART_BAR_STACKED
        case .line: raw = LXW_CHART_LINE
        }
        guard let c = workbook_add_chart(handle, UInt8(raw.rawValue)) else {
            throw XLSXError(code: nil, message: "cannot create a chart", operation: "workbook_add_chart")
        }
        return XLSXChart(handle: c, workbook: self)
    }
}

/// What a cell format looks like; equal specs share one libxlsxwriter format.
public struct XLSXFormatSpec: Hashable, Sendable {
    public enum Align: Hashable, Sendable { case general, left, center, right }
    public enum VerticalAlign: Hashable, Sendable { case bottom, center, top }
    public var numberFormat: String?
    public var bold = false
    public var italic = false
    public var fontSize: Double?
    /// 0xRRGGBB.
    public var fontColor: UInt32?
    public var fillColor: UInt32?
    public var wrap = false
    public var bottomBorder = false
    public var topBorder = false
    public var align: Align = .general
    public var verticalAlign: VerticalAlign = .bottom
    /// Indent level (about one character each).
    public var indent = 0
    public init(numberFormat: String? = nil, bold: Bool = false, italic: Bool = false, fontSize: Double? = nil,
                fontColor: UInt32? = nil, fillColor: UInt32? = nil, wrap: Bool = false,
                bottomBorder: Bool = false, topBorder: Bool = false, align: Align = .general,
                verticalAlign: VerticalAlign = .bottom, indent: Int = 0) {
        self.numberFormat = numberFormat; self.bold = bold; self.italic = italic; self.fontSize = fontSize
        self.fontColor = fontColor; self.fillColor = fillColor; self.wrap = wrap
        self.bottomBorder = bottomBorder; self.topBorder = topBorder; self.align = align; self.verticalAlign = verticalAlign
        self.indent = indent
    }
}

/// A format owned by its workbook (freed with it).
public struct XLSXFormat {
    let handle: UnsafeMutablePointer<lxw_format>
}

/// A worksheet of a workbook; valid while the workbook is being written.
public struct XLSXWorksheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    public let name: String
    let workbook: XLSXWorkbook

    private func row(_ r: Int) -> lxw_row_t { lxw_row_t(truncatingIfNeeded: r) }
    private func col(_ c: Int) -> lxw_col_t { lxw_col_t(truncatingIfNeeded: c) }

    /// Writes text as a string cell, never as a formula: `=HYPERLINK(...)` stays text.
    /// Text longer than a cell holds is cut at 32,767 characters.
    public func writeString(_ row: Int, _ column: Int, _ text: String, _ format: XLSXFormat? = nil) throws(XLSXError) {
        var value = text
        if value.utf8.count > xlsxMaxStringLength, value.unicodeScalars.count > xlsxMaxStringLength {
            value = String(String.UnicodeScalarView(value.unicodeScalars.prefix(xlsxMaxStringLength)))
        }
        try check(worksheet_write_string(handle, self.row(row), col(column), value, format?.handle),
                  "worksheet_write_string", sheet: name, row: row, column: column)
    }

    public func writeNumber(_ row: Int, _ column: Int, _ value: Double, _ format: XLSXFormat? = nil) throws(XLSXError) {
        try check(worksheet_write_number(handle, self.row(row), col(column), value, format?.handle),
                  "worksheet_write_number", sheet: name, row: row, column: column)
    }

    public func writeBlank(_ row: Int, _ column: Int, _ format: XLSXFormat?) throws(XLSXError) {
        try check(worksheet_write_blank(handle, self.row(row), col(column), format?.handle),
                  "worksheet_write_blank", sheet: name, row: row, column: column)
    }

    public func setColumn(_ first: Int, _ last: Int, width: Double, _ format: XLSXFormat? = nil) throws(XLSXError) {
        try check(worksheet_set_column(handle, col(first), col(last), width, format?.handle),
                  "worksheet_set_column", sheet: name, column: first)
    }

    public func setRowHeight(_ row: Int, _ height: Double) throws(XLSXError) {
        try check(worksheet_set_row(handle, self.row(row), height, nil), "worksheet_set_row", sheet: name, row: row)
    }

    public func freezePanes(row: Int, column: Int) {
        worksheet_freeze_panes(handle, self.row(row), col(column))
    }

    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws(XLSXError) {
        try check(worksheet_autofilter(handle, row(firstRow), col(firstColumn), row(lastRow), col(lastColumn)),
                  "worksheet_autofilter", sheet: name, row: firstRow)
    }

    /// A conditional format whose rule is a formula written relative to the range's top-left cell.
    public func conditionalFormat(formula: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                                  format: XLSXFormat) throws(XLSXError) {
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
        let text = strdup(formula)
        defer { free(text) }
        rule.value_string = text
        rule.format = format.handle
        try check(worksheet_conditional_format_range(handle, row(firstRow), col(firstColumn),
                                                     row(lastRow), col(lastColumn), &rule),
                  "worksheet_conditional_format_range", sheet: name, row: firstRow, column: firstColumn)
    }

    /// Inserts a chart with its top-left corner at a cell (plus `xOffset` pixels), `width` × `height` pixels.
    public func insertChartAt(_ chart: XLSXChart, row: Int, column: Int = 0, xOffset: Int = 0,
                              width: Double = 480, height: Double = 288) throws(XLSXError) {
        var options = lxw_chart_options()
        options.x_offset = Int32(clamping: xOffset)
        options.x_scale = width / 480
        options.y_scale = height / 288
        try check(worksheet_insert_chart_opt(handle, self.row(row), col(column), chart.handle, &options),
                  "worksheet_insert_chart", sheet: name, row: row, column: column)
    }

    /// Landscape, A4, one page wide (and one page tall with `fitOnePage`, else as many as needed),
    /// `repeatRows` printed at the top of every page, `footer` in Excel's `&L&A&R…` syntax.
    public func setPrintLayout(repeatRows: ClosedRange<Int>?, footer: String?, fitOnePage: Bool) throws(XLSXError) {
        worksheet_set_landscape(handle)
        worksheet_set_paper(handle, 9)  // A4
        worksheet_fit_to_pages(handle, 1, fitOnePage ? 1 : 0)
        worksheet_set_margins(handle, 0.4, 0.4, XLSXWorksheet.topMargin, XLSXWorksheet.bottomMargin)
        if let rows = repeatRows {
            try check(worksheet_repeat_rows(handle, row(rows.lowerBound), row(rows.upperBound)),
                      "worksheet_repeat_rows", sheet: name, row: rows.lowerBound)
        }
        if let footer {
            var options = lxw_header_footer_options()
            options.margin = 0.25
            try check(worksheet_set_footer_opt(handle, footer, &options), "worksheet_set_footer", sheet: name)
        }
    }

    /// Page margins in inches (top, bottom); the footer sits 0.25 in from the bottom edge.
    public static let topMargin = 0.35, bottomMargin = 0.55

    /// Print scaled to `wide` pages across and `tall` pages down (0: as many as needed).
    public func fitToPages(wide: Int, tall: Int) {
        worksheet_fit_to_pages(handle, UInt16(clamping: wide), UInt16(clamping: tall))
    }

    /// Starts a new printed page at each of `rows` (0-based rows that begin a page).
    public func setPageBreaks(before rows: [Int]) throws(XLSXError) {
        var breaks = rows.filter { $0 > 0 }.map { lxw_row_t(truncatingIfNeeded: $0) } + [0]
        try check(worksheet_set_h_pagebreaks(handle, &breaks), "worksheet_set_h_pagebreaks", sheet: name)
    }

    public func hide() { worksheet_hide(handle) }
    public func activate() { worksheet_activate(handle) }
    public func hideGridlines() { worksheet_gridlines(handle, UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue)) }
}

/// A chart owned by its workbook; insert it into a worksheet to show it.
public struct XLSXChart {
    public enum ChartType: Sendable { case column, stackedColumn, bar, stackedBar, line }
    public enum Dash: Sendable { case solid, dash, roundDot }

    /// A reference to a block of cells on a sheet (0-based, inclusive).
    public struct Range: Sendable {
        public var sheet: String
        public var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
        public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
            self.sheet = sheet; self.firstRow = firstRow; self.firstColumn = firstColumn
            self.lastRow = lastRow; self.lastColumn = lastColumn
        }
    }

    public struct SeriesStyle: Sendable {
        /// 0xRRGGBB.
        public var color: UInt32?
        public var dash: Dash = .solid
        public var lineWidth: Double?
        public var fillTransparency: Int?
        public init(color: UInt32? = nil, dash: Dash = .solid, lineWidth: Double? = nil, fillTransparency: Int? = nil) {
            self.color = color; self.dash = dash; self.lineWidth = lineWidth; self.fillTransparency = fillTransparency
        }
    }

    let handle: UnsafeMutablePointer<lxw_chart>
    let workbook: XLSXWorkbook

    /// Chart text never starts with `=` (libxlsxwriter would read it as a cell reference).
    private func literal(_ text: String) -> String {
        text.hasPrefix("=") ? String(text.dropFirst()) : text
    }

    /// Adds a series: its name, category labels and values read from cell ranges.
    public func addSeries(name: String, categories: Range, values: Range, style: SeriesStyle, isLine: Bool) throws(XLSXError) {
        guard let series = chart_add_series(handle, nil, nil) else {
            throw XLSXError(code: nil, message: "cannot add a series", operation: "chart_add_series")
        }
        chart_series_set_categories(series, categories.sheet, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstColumn),
                                    lxw_row_t(categories.lastRow), lxw_col_t(categories.lastColumn))
        chart_series_set_values(series, values.sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn),
                                lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
        chart_series_set_name(series, literal(name))
        if let color = style.color {
            var line = lxw_chart_line()
            line.color = lxw_color_t(color)
            if let w = style.lineWidth { line.width = Float(w) }
            switch style.dash {
            case .solid: line.dash_type = UInt8(LXW_CHART_LINE_DASH_SOLID.rawValue)
            case .dash: line.dash_type = UInt8(LXW_CHART_LINE_DASH_DASH.rawValue)
            case .roundDot: line.dash_type = UInt8(LXW_CHART_LINE_DASH_ROUND_DOT.rawValue)
            }
            chart_series_set_line(series, &line)
            if !isLine {
                var fill = lxw_chart_fill()
                fill.color = lxw_color_t(color)
                if let t = style.fillTransparency { fill.transparency = UInt8(clamping: t) }
                chart_series_set_fill(series, &fill)
            }
        }
    }

    public func setTitle(_ title: String) {
        chart_title_set_name(handle, literal(title))
        var font = lxw_chart_font()
        font.size = 11
        font.bold = UInt8(LXW_TRUE.rawValue)
        chart_title_set_name_font(handle, &font)
    }

    public func setLegendBottom() { chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue)) }
    public func hideLegend() { chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }

    /// Number format of the value axis (the y axis of column and line charts, the x axis of bar charts).
    public func setValueAxisFormat(_ numberFormat: String, isBar: Bool) {
        let axis = chart_axis_get(handle, isBar ? LXW_CHART_AXIS_TYPE_X : LXW_CHART_AXIS_TYPE_Y)
        chart_axis_set_num_format(axis, numberFormat)
    }

    public func setValueAxisRange(min: Double?, max: Double?, isBar: Bool) {
        let axis = chart_axis_get(handle, isBar ? LXW_CHART_AXIS_TYPE_X : LXW_CHART_AXIS_TYPE_Y)
        if let min { chart_axis_set_min(axis, min) }
        if let max { chart_axis_set_max(axis, max) }
    }

    /// Category labels: show every `interval`-th one, optionally reversed (bar charts list top-down).
    public func setCategoryAxis(interval: Int?, reverse: Bool, isBar: Bool) {
        let axis = chart_axis_get(handle, isBar ? LXW_CHART_AXIS_TYPE_Y : LXW_CHART_AXIS_TYPE_X)
        if let interval, interval > 1 { chart_axis_set_interval_unit(axis, UInt16(clamping: interval)) }
        if reverse { chart_axis_set_reverse(axis) }
    }

    /// Columns of different series drawn on top of each other (overlap 100) or side by side.
    public func setOverlap(_ overlap: Int, gap: Int) {
        chart_set_series_overlap(handle, Int8(clamping: overlap))
        chart_set_series_gap(handle, UInt16(clamping: gap))
    }

    /// Turns the category labels by `degrees` (−90 … 90), so long names do not wrap.
    public func setCategoryLabelRotation(_ degrees: Int, isBar: Bool) {
        let axis = chart_axis_get(handle, isBar ? LXW_CHART_AXIS_TYPE_Y : LXW_CHART_AXIS_TYPE_X)
        var font = lxw_chart_font()
        font.rotation = Int32(clamping: degrees)
        font.size = 8
        chart_axis_set_num_font(axis, &font)
    }

    public func showBlanksAsGaps() { chart_show_blanks_as(handle, UInt8(LXW_CHART_BLANKS_AS_GAP.rawValue)) }
}
