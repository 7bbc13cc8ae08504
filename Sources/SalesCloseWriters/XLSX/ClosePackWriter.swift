import SalesCloseCore

/// Writes the close pack to `path` (an `.xlsx` file). The workbook's creation time is `createdAt`
/// (the period end, midnight UTC), so the same pack always gives the same bytes.
public func writeClosePack(_ pack: ClosePack, to path: String, createdAt: Day,
                           thresholds: AchievementColours = AchievementColours(),
                           options: ClosePackOptions = ClosePackOptions()) throws {
    let large = pack.sheets.contains {
        $0.detail != nil || ($0.table?.rows.count ?? 0) > options.constantMemoryAbove
    }
    let settings = XLSXWorkbook.Options(
        constantMemory: large, createdAt: Int64(createdAt.daysSinceEpoch) * 86_400,
        title: Translations.text("pack_title", pack.language, pack.period.description), author: "SalesClose")
    try XLSXWorkbook.write(to: path, options: settings) { workbook in
        var writer = try ClosePackWriter(workbook: workbook, pack: pack, thresholds: thresholds, options: options)
        try writer.write()
    }
}

/// Lays the pack out sheet by sheet. Every sheet is written strictly top to bottom, so the same
/// code runs in libxlsxwriter's normal and constant-memory modes.
struct ClosePackWriter {
    let workbook: XLSXWorkbook
    let pack: ClosePack
    let thresholds: AchievementColours
    let options: ClosePackOptions
    let styles: CellStyles
    var names = SheetNames()
    /// Tables of charts that have no sheet of their own, placed on the hidden chart-data sheet.
    var helperBlocks: [(table: ReportTable, startRow: Int)] = []
    var helperNextRow = 0
    let helperSheetName: String

    init(workbook: XLSXWorkbook, pack: ClosePack, thresholds: AchievementColours,
         options: ClosePackOptions) throws(XLSXError) {
        self.workbook = workbook; self.pack = pack; self.thresholds = thresholds; self.options = options
        styles = try CellStyles(workbook)
        helperSheetName = SheetNames.sanitized(Translations.text("chart_data", pack.language))
        // Reserved first so no visible sheet takes the name; the sheet itself is added last.
        _ = names.unique(helperSheetName)
    }

    func t(_ key: String, _ arguments: String...) -> String {
        Translations.text(key, pack.language, arguments: arguments)
    }

    mutating func write() throws {
        try writeSummary()
        for sheet in pack.sheets { try writeSheet(sheet) }
        if !helperBlocks.isEmpty { try writeHelperSheet() }
    }

    // MARK: Summary

    mutating func writeSummary() throws {
        let ws = try workbook.addWorksheet(named: names.unique(t("summary")))
        ws.hideGridlines()
        let period = pack.period.description
        try ws.writeString(0, 0, t("pack_title", period), styles.title)
        try ws.writeString(1, 0, t("created_note", period, pack.period.lastDay.description), styles.subtitle)
        var row = 2
        for note in pack.summaryNotes { try ws.writeString(row, 0, t(note), styles.note); row += 1 }
        row += 1

        let comparisons = pack.kpis.map(\.comparisons.count).max() ?? 0
        var headers = [t("kpi"), t("value")]
        for _ in 0..<comparisons { headers += [t("comparison"), t("comparison_value")] }
        var widths = headers.map { DisplayWidth.of($0) }
        for kpi in pack.kpis {
            widths[0] = max(widths[0], DisplayWidth.of(t(kpi.nameKey)))
            widths[1] = max(widths[1], CellStyles.width(of: kpi.value))
            for (i, c) in kpi.comparisons.enumerated() {
                widths[2 + 2 * i] = max(widths[2 + 2 * i], DisplayWidth.of(t(c.labelKey)) + 3)
                widths[3 + 2 * i] = max(widths[3 + 2 * i], CellStyles.width(of: c.value))
            }
        }
        for (i, w) in widths.enumerated() { try ws.setColumn(i, i, width: Double(min(w, 50) + 3)) }

        let headerRow = row
        for (i, h) in headers.enumerated() {
            let format = i == 0 ? styles.header : i % 2 == 1 ? styles.numericHeader : styles.comparisonHeader
            try ws.writeString(headerRow, i, h, format)
        }
        row += 1
        for kpi in pack.kpis {
            try ws.writeString(row, 0, t(kpi.nameKey), styles.kpiName)
            try styles.write(kpi.value, to: ws, row: row, column: 1)
            if kpi.colourAsAchievement { try colourAchievement(ws, column: 1, firstRow: row, lastRow: row) }
            for (i, c) in kpi.comparisons.enumerated() {
                try ws.writeString(row, 2 + 2 * i, t(c.labelKey), styles.comparisonLabel)
                try styles.write(c.value, to: ws, row: row, column: 3 + 2 * i)
            }
            row += 1
        }
        if pack.kpis.contains(where: \.colourAsAchievement) {
            row += 1
            try ws.writeString(row, 0, colourLegend(), styles.note)
            row += 1
        }

        // Charts, two per row, under the KPIs.
        let chartTop = row + 1
        let width = 600.0, height = 320.0
        var placed = 0
        for spec in pack.summaryCharts {
            guard let chart = try makeChart(spec, sheetTable: nil) else { continue }
            let chartRow = chartTop + (placed / 2) * 17
            try ws.insertChartAt(chart, row: chartRow, xOffset: (placed % 2) * Int(width + 16), width: width, height: height)
            placed += 1
        }
        try ws.setPrintLayout(repeatRows: nil, footer: t("footer"), fitOnePage: true)
        ws.activate()
    }

    // MARK: Table sheets

    mutating func writeSheet(_ sheet: ClosePackSheet) throws {
        if !sheet.sections.isEmpty { return try writeSections(sheet) }
        let title = t(sheet.titleKey)
        let main: TableSource? = sheet.detail.map(TableSource.init) ?? sheet.table.map(TableSource.init)
        guard sheet.unavailableReason == nil, let main else {
            let ws = try workbook.addWorksheet(named: names.unique(title))
            try ws.writeString(0, 0, t("title_with_period", title, pack.period.description), styles.title)
            let reason = t(sheet.unavailableReason ?? "not_built_yet")
            try ws.writeString(2, 0, t("not_available_yet", reason))
            var row = 3
            for note in sheet.notes { try ws.writeString(row, 0, t(note), styles.note); row += 1 }
            try ws.setColumn(0, 0, width: 12)
            try ws.setPrintLayout(repeatRows: nil, footer: t("footer"), fitOnePage: false)
            return
        }

        var notes = sheet.notes.map { t($0) }
        if main.knownRowCount == 0 { notes.append(t("no_rows")) }
        if !sheet.achievementColumns.isEmpty { notes.append(colourLegend()) }
        let headerRow = notes.isEmpty ? 2 : 2 + notes.count
        let columnCount = main.columns.count

        // Column widths from the headers and a sample of the values.
        var widths = main.columns.map { min(DisplayWidth.of(Translations.columnHeader($0.name, pack.language)), 24) }
        var valueWidths = Array(repeating: 0, count: columnCount)
        var sampled = 0
        let sample = main.makeIterator()
        while sampled < options.widthSampleRows, let cells = sample.next() {
            for (i, c) in cells.prefix(columnCount).enumerated() {
                let w = CellStyles.width(of: c)
                widths[i] = max(widths[i], w)
                valueWidths[i] = max(valueWidths[i], w)
            }
            sampled += 1
        }

        // Side tables, laid out as cells by row to the right of the main table.
        let sideColumn = columnCount + 1
        var side: [Int: [(column: Int, cell: SideCell)]] = [:]
        var sideWidths: [Int] = []
        var sideRanges: [(table: ReportTable, firstRow: Int)] = []
        var sideRow = headerRow
        for table in sheet.sideTables {
            side[sideRow, default: []].append((sideColumn, .caption(t(table.name))))
            sideRow += 1
            for (i, c) in table.columns.enumerated() {
                side[sideRow, default: []].append((sideColumn + i, .header(Translations.columnHeader(c.name, pack.language), c.kind)))
                grow(&sideWidths, i, DisplayWidth.of(Translations.columnHeader(c.name, pack.language)))
            }
            sideRow += 1
            sideRanges.append((table, sideRow))
            for cells in table.rows {
                for (i, c) in cells.enumerated() {
                    side[sideRow, default: []].append((sideColumn + i, .value(c)))
                    grow(&sideWidths, i, CellStyles.width(of: c))
                }
                sideRow += 1
            }
            sideRow += 1
        }
        let chartColumn = sideWidths.isEmpty ? sideColumn : sideColumn + sideWidths.count + 1
        let sideEnd = sideRow
        let sideLast = side.keys.max() ?? -1
        // Short codes (ABC class, XYZ class) are centred; numbers keep a little room on their left.
        let centred = main.columns.indices.map { main.columns[$0].kind == .text && sampled > 0 && valueWidths[$0] <= 3 }
        // Text right after a right-aligned number is indented so the two do not run together.
        let isText = main.columns.map { $0.kind == .text || $0.kind == .month }
        let textFormats: [XLSXFormat?] = main.columns.indices.map { i in
            centred[i] ? styles.centered : (isText[i] && i > 0 && !isText[i - 1]) ? styles.indented : nil
        }
        widths = widths.indices.map { main.columns[$0].kind == .text || main.columns[$0].kind == .month ? widths[$0] : widths[$0] + 1 }

        var part = 1
        var ws = try startTablePart(title: title, part: part, notes: notes, headerRow: headerRow,
                                    columns: main.columns, widths: widths, centred: centred)
        for (i, w) in sideWidths.enumerated() { try ws.setColumn(sideColumn + i, sideColumn + i, width: Double(min(w, 40) + 2)) }
        var row = headerRow + 1
        var sideWritten = headerRow - 1
        let rows = main.makeIterator()
        while let cells = rows.next() {
            if row >= options.maxRowsPerSheet {
                // Filter first: in constant-memory mode it must name a row not yet flushed.
                try finishTablePart(ws, sheet: sheet, main: main, headerRow: headerRow, lastRow: row - 1)
                if part == 1 {
                    try writeSide(side, last: sideLast, ws, through: Int.max, after: &sideWritten)
                    try placeCharts(sheet, ws, headerRow: headerRow, lastRow: row - 1, column: chartColumn, below: nil, main: main)
                    try colourSideTables(sheet, ws, sideRanges, sideColumn: sideColumn)
                }
                part += 1
                ws = try startTablePart(title: title, part: part, notes: notes, headerRow: headerRow,
                                        columns: main.columns, widths: widths, centred: centred)
                row = headerRow + 1
            }
            if part == 1 { try writeSide(side, last: sideLast, ws, through: row - 1, after: &sideWritten) }
            for (i, c) in cells.prefix(columnCount).enumerated() {
                try styles.write(c, to: ws, row: row, column: i, textFormat: textFormats[i])
            }
            if part == 1 { try writeSide(side, last: sideLast, ws, through: row, after: &sideWritten) }
            row += 1
        }
        try finishTablePart(ws, sheet: sheet, main: main, headerRow: headerRow, lastRow: row - 1)
        if part == 1 { try writeSide(side, last: sideLast, ws, through: Int.max, after: &sideWritten) }
        if part == 1 {
            try placeCharts(sheet, ws, headerRow: headerRow, lastRow: row - 1, column: chartColumn,
                            below: max(row, sideEnd) + 2, main: main)
            try colourSideTables(sheet, ws, sideRanges, sideColumn: sideColumn)
        }
    }

    private func grow(_ widths: inout [Int], _ i: Int, _ w: Int) {
        while widths.count <= i { widths.append(0) }
        widths[i] = max(widths[i], w)
    }

    enum SideCell { case caption(String), header(String, ReportTable.Kind), value(ReportTable.Cell) }

    /// Writes the side-table rows after `written` up to `through`, in row order; `last` is the
    /// last side row (computed once: this runs for every row of the main table).
    private func writeSide(_ side: [Int: [(column: Int, cell: SideCell)]], last: Int, _ ws: XLSXWorksheet,
                           through: Int, after written: inout Int) throws {
        guard written < last else { return }
        let end = min(through, last)
        guard end > written else { return }
        for r in (written + 1)...end {
            for (column, cell) in side[r] ?? [] {
                switch cell {
                case .caption(let s): try ws.writeString(r, column, s, styles.caption)
                case .header(let s, let kind): try ws.writeString(r, column, s, styles.header(for: kind, centred: false))
                case .value(let c): try styles.write(c, to: ws, row: r, column: column)
                }
            }
        }
        written = end
    }

    mutating func startTablePart(title: String, part: Int, notes: [String], headerRow: Int,
                                 columns: [ReportTable.Column], widths: [Int], centred: [Bool]) throws -> XLSXWorksheet {
        let tabTitle = part == 1 ? title : t("continued", title, String(part))
        let ws = try workbook.addWorksheet(named: names.unique(tabTitle))
        for (i, w) in widths.enumerated() { try ws.setColumn(i, i, width: Double(min(w, 50) + 2)) }
        try ws.writeString(0, 0, t("title_with_period", tabTitle, pack.period.description), styles.title)
        for (i, note) in notes.enumerated() { try ws.writeString(1 + i, 0, note, styles.note) }
        for (i, c) in columns.enumerated() {
            let indented = i > 0 && columns[i - 1].kind != .text && columns[i - 1].kind != .month
            try ws.writeString(headerRow, i, Translations.columnHeader(c.name, pack.language),
                               styles.header(for: c.kind, centred: centred[i], indented: indented))
        }
        return ws
    }

    func finishTablePart(_ ws: XLSXWorksheet, sheet: ClosePackSheet, main: TableSource,
                         headerRow: Int, lastRow: Int) throws {
        ws.freezePanes(row: headerRow + 1, column: 0)
        try ws.autofilter(firstRow: headerRow, firstColumn: 0, lastRow: max(lastRow, headerRow),
                          lastColumn: max(main.columns.count - 1, 0))
        if lastRow > headerRow {
            for name in sheet.achievementColumns {
                guard let c = main.columns.firstIndex(where: { $0.name == name }) else { continue }
                try colourAchievement(ws, column: c, firstRow: headerRow + 1, lastRow: lastRow)
            }
        }
        try ws.setPrintLayout(repeatRows: headerRow...headerRow, footer: t("footer"), fitOnePage: false)
    }

    func colourSideTables(_ sheet: ClosePackSheet, _ ws: XLSXWorksheet,
                          _ ranges: [(table: ReportTable, firstRow: Int)], sideColumn: Int) throws {
        for (table, firstRow) in ranges where !table.rows.isEmpty {
            for name in sheet.achievementColumns {
                guard let c = table.columnIndex(name) else { continue }
                try colourAchievement(ws, column: sideColumn + c, firstRow: firstRow,
                                      lastRow: firstRow + table.rows.count - 1)
            }
        }
    }

    /// Red below `low`, amber up to `high`, green from `high` on; empty cells stay uncoloured.
    func colourAchievement(_ ws: XLSXWorksheet, column: Int, firstRow: Int, lastRow: Int) throws {
        let ref = columnLetters(column) + String(firstRow + 1)
        let low = String(thresholds.low), high = String(thresholds.high)
        let rules: [(String, XLSXFormat)] = [
            ("AND(ISNUMBER(\(ref)),\(ref)<\(low))", styles.bad),
            ("AND(ISNUMBER(\(ref)),\(ref)>=\(low),\(ref)<\(high))", styles.warning),
            ("AND(ISNUMBER(\(ref)),\(ref)>=\(high))", styles.good),
        ]
        for (formula, format) in rules {
            try ws.conditionalFormat(formula: formula, firstRow: firstRow, firstColumn: column,
                                     lastRow: lastRow, lastColumn: column, format: format)
        }
    }

    func colourLegend() -> String {
        t("colour_legend", percent(thresholds.low), percent(thresholds.high))
    }

    func percent(_ v: Double) -> String {
        let p = (v * 1000).rounded() / 10
        return (p == p.rounded() ? String(Int(p)) : String(p)) + " %"
    }

    // MARK: Charts

    /// Charts go under a short table (`below`: the first free row), where they print at a readable
    /// size, and to the right of a long one, where they are seen without scrolling.
    mutating func placeCharts(_ sheet: ClosePackSheet, _ ws: XLSXWorksheet, headerRow: Int, lastRow: Int,
                              column: Int, below: Int?, main: TableSource) throws {
        let underTable = below != nil && lastRow - headerRow <= Self.shortTableRows
        var placed = 0
        for spec in sheet.charts {
            let own = SheetTableRef(sheet: ws.name, firstDataRow: headerRow + 1, columns: main.columns,
                                    rowCount: lastRow - headerRow)
            guard let chart = try makeChart(spec, sheetTable: own) else { continue }
            if underTable, let below {
                try ws.insertChartAt(chart, row: below + (placed / 2) * 18, xOffset: (placed % 2) * 580,
                                     width: 560, height: 320)
            } else {
                try ws.insertChartAt(chart, row: headerRow + placed * 18, column: column, width: 560, height: 320)
            }
            placed += 1
        }
        // A short table with its charts prints on one page rather than splitting a chart.
        if underTable && placed > 0 { ws.fitToPages(wide: 1, tall: 1) }
    }

    static let shortTableRows = 30

    struct SheetTableRef {
        var sheet: String
        var firstDataRow: Int
        var columns: [ReportTable.Column]
        var rowCount: Int
    }

    static let palette: [UInt32] = [0x4472C4, 0xED7D31, 0xA5A5A5, 0xFFC000, 0x5B9BD5, 0x70AD47]
    /// Stacked charts read from good to bad (aging buckets 0–30 … 90+).
    static let stackedPalette: [UInt32] = [0x70AD47, 0xFFC000, 0xED7D31, 0xC00000, 0x7030A0, 0x595959]

    /// Builds a chart, or nil when its source has no rows.
    mutating func makeChart(_ spec: ChartSpec, sheetTable: SheetTableRef?) throws -> XLSXChart? {
        let ref: SheetTableRef
        switch spec.source {
        case .sheetTable:
            guard let own = sheetTable else {
                throw XLSXError(code: nil, message: "a chart on the Summary needs a table of its own",
                                operation: "chart '\(spec.titleKey)'")
            }
            ref = own
        case .table(let table):
            let start = helperNextRow
            helperBlocks.append((table, start))
            helperNextRow += table.rows.count + 2
            ref = SheetTableRef(sheet: helperSheetName, firstDataRow: start + 1, columns: table.columns,
                                rowCount: table.rows.count)
        }
        let n = min(ref.rowCount, spec.maxRows ?? Int.max)
        guard n > 0 else { return nil }
        func index(_ name: String) throws -> Int {
            guard let i = ref.columns.firstIndex(where: { $0.name == name }) else {
                throw XLSXError(code: nil, message: "no column '\(name)' in the chart's table",
                                operation: "chart '\(spec.titleKey)'")
            }
            return i
        }
        let category = try index(spec.categoryColumn)
        let values = try spec.valueColumns.map { try index($0) }

        let type: XLSXChart.ChartType
        switch spec.kind {
        case .column: type = .column
        case .line, .pareto: type = .line
        case .stackedColumn: type = .stackedColumn
        case .stackedBar: type = .stackedBar
        case .bar: type = .bar
        }
        let isBar = type == .stackedBar || type == .bar
        let isLine = type == .line
        let chart = try workbook.addChart(type)
        chart.setTitle(t(spec.titleKey))
        let lastRow = ref.firstDataRow + n - 1
        let categories = XLSXChart.Range(sheet: ref.sheet, firstRow: ref.firstDataRow, firstColumn: category,
                                         lastRow: lastRow, lastColumn: category)
        let palette = (type == .stackedBar || type == .stackedColumn) ? Self.stackedPalette : Self.palette
        for (i, column) in values.enumerated() {
            let name = ref.columns[column].name
            var style = XLSXChart.SeriesStyle(color: palette[i % palette.count], lineWidth: isLine ? 2.25 : nil)
            switch spec.looks[name] ?? .solid {
            case .solid: break
            case .dashed: style.dash = .dash
            case .band: style.dash = .roundDot; style.color = 0x7F7F7F; style.lineWidth = 1.25
            }
            // Pareto: the cumulative share in strong colour, the class cut-offs as thin dashed lines.
            if spec.kind == .pareto { style.color = i == 0 ? 0x2F5597 : 0x7F7F7F; if i > 0 { style.dash = .dash; style.lineWidth = 1.25 } }
            try chart.addSeries(name: Translations.columnHeader(name, pack.language), categories: categories,
                                values: XLSXChart.Range(sheet: ref.sheet, firstRow: ref.firstDataRow, firstColumn: column,
                                                        lastRow: lastRow, lastColumn: column),
                                style: style, isLine: isLine)
        }
        if let degrees = spec.categoryRotation { chart.setCategoryLabelRotation(degrees, isBar: isBar) }
        switch ref.columns[values.first ?? category].kind {
        case .rate: chart.setValueAxisFormat("0%", isBar: isBar)
        default: chart.setValueAxisFormat("#,##0", isBar: isBar)
        }
        if spec.kind == .pareto { chart.setValueAxisRange(min: 0, max: 1, isBar: false) }
        if type == .stackedBar || type == .stackedColumn { chart.setOverlap(100, gap: 60) }
        chart.setCategoryAxis(interval: isLine && n > 12 ? (n + 11) / 12 : nil, reverse: isBar, isBar: isBar)
        chart.setLegendBottom()
        chart.showBlanksAsGaps()
        return chart
    }

    mutating func writeHelperSheet() throws {
        let ws = try workbook.addWorksheet(named: helperSheetName)
        for (table, start) in helperBlocks {
            for (i, c) in table.columns.enumerated() {
                try ws.writeString(start, i, Translations.columnHeader(c.name, pack.language), styles.header)
            }
            for (r, cells) in table.rows.enumerated() {
                for (i, c) in cells.enumerated() { try styles.write(c, to: ws, row: start + 1 + r, column: i) }
            }
        }
        ws.hide()
    }
}

/// A main table, from memory or streamed.
struct TableSource {
    var name: String
    var columns: [ReportTable.Column]
    var knownRowCount: Int?
    var makeIterator: () -> AnyIterator<[ReportTable.Cell]>

    init(_ table: ReportTable) {
        name = table.name; columns = table.columns; knownRowCount = table.rows.count
        makeIterator = { AnyIterator(table.rows.makeIterator()) }
    }

    init(_ detail: DetailRows) {
        name = detail.name; columns = detail.columns; knownRowCount = nil
        makeIterator = detail.makeIterator
    }
}
