import SalesCloseCore

/// A sheet of short sections one under the other: title, notes, then for each section its
/// caption, header and rows (the "others" line in italics, the total line in bold), then the
/// charts two by two. Every row is known before writing, so the cells go out top to bottom in
/// both of libxlsxwriter's modes.
extension ClosePackWriter {
    /// Widest a column is made; longer text (messages, in the last column) runs on to the right.
    static let maxSectionColumnWidth = 48
    /// Rows that fit on a printed page above the charts; a longer sheet starts its charts on a new page.
    static let rowsAboveCharts = 28
    /// Rows a landscape A4 page holds when the sheet, `columnWidths` wide, is fit to the page
    /// width: the printable height over the row height (13.5 pt: Calibri 11 with a CJK fallback
    /// font, as LibreOffice shows it) times the scale, one row kept spare. A section that would not fit in what is left
    /// of a page starts on the next one, so no page begins in the middle of a section.
    static func rowsPerPage(columnWidths: [Double]) -> Int {
        let points = columnWidths.reduce(0) { $0 + ($1 * 7 + 5) * 0.75 }
        let scale = min(1, (842 - 0.8 * 72) / max(points, 1))
        let height = 595 - (XLSXWorksheet.topMargin + XLSXWorksheet.bottomMargin) * 72
        return Int(height / (13.5 * scale)) - 1
    }

    mutating func writeSections(_ sheet: ClosePackSheet) throws {
        let title = t(sheet.titleKey)
        let ws = try workbook.addWorksheet(named: names.unique(title))
        ws.hideGridlines()
        try ws.writeString(0, 0, t("title_with_period", title, pack.period.description), styles.title)
        var row = 1
        var notes = sheet.notes.map { t($0) }
        if !sheet.achievementColumns.isEmpty { notes.append(colourLegend()) }
        for note in notes { try ws.writeString(row, 0, note, styles.note); row += 1 }

        // Column widths over every section: headers (up to 16 wide, they wrap) and values.
        let columnCount = sheet.sections.map(\.table.columns.count).max() ?? 0
        var widths = Array(repeating: 4, count: columnCount)
        var textColumn = Array(repeating: true, count: columnCount)
        for section in sheet.sections {
            for (i, c) in section.table.columns.enumerated() {
                widths[i] = max(widths[i], min(DisplayWidth.of(Translations.columnHeader(c.name, pack.language)), 16))
                if c.kind != .text && c.kind != .month { textColumn[i] = false }
            }
            for cells in section.table.rows {
                for (i, c) in cells.enumerated() { widths[i] = max(widths[i], CellStyles.width(of: c)) }
            }
        }
        let columnWidths = widths.map { Double(min($0, Self.maxSectionColumnWidth) + 2) }
        for (i, w) in columnWidths.enumerated() { try ws.setColumn(i, i, width: w) }
        let rowsPerPage = Self.rowsPerPage(columnWidths: columnWidths)

        var firstHeader: Int?
        var breaks: [Int] = []
        var pageStart = 0
        for section in sheet.sections {
            let height = section.table.rows.count + 3
            if row + 1 - pageStart + height > rowsPerPage && height <= rowsPerPage - 2 && row > pageStart + 3 {
                breaks.append(row + 1)
                pageStart = row + 1
            }
            row += 1
            try ws.writeString(row, 0, t(section.caption), styles.caption)
            row += 1
            let columns = section.table.columns
            for (i, c) in columns.enumerated() {
                let indented = i > 0 && columns[i - 1].kind != .text && columns[i - 1].kind != .month
                try ws.writeString(row, i, Translations.columnHeader(c.name, pack.language),
                                   styles.header(for: c.kind, centred: false, indented: indented))
            }
            firstHeader = firstHeader ?? row
            let headerRow = row
            // Text right after a right-aligned number is indented so the two do not run together.
            let textFormats: [XLSXFormat?] = columns.indices.map { i in
                columns[i].kind == .text && i > 0 && columns[i - 1].kind != .text && columns[i - 1].kind != .month
                    ? styles.indented : nil
            }
            for (r, cells) in section.table.rows.enumerated() {
                row += 1
                let emphasis = r == section.totalRow ? styles.totals : r == section.othersRow ? styles.others : nil
                for (i, c) in cells.enumerated() {
                    if let emphasis {
                        try styles.write(c, to: ws, row: row, column: i, emphasis: emphasis)
                    } else {
                        try styles.write(c, to: ws, row: row, column: i, textFormat: textFormats[i])
                    }
                }
            }
            if row > headerRow {
                for name in sheet.achievementColumns {
                    guard let c = columns.firstIndex(where: { $0.name == name }) else { continue }
                    try colourAchievement(ws, column: c, firstRow: headerRow + 1, lastRow: row)
                }
            }
            row += 1
        }

        // Charts under the tables, on a page of their own below a long sheet.
        var placed = 0
        let chartTop = row + 1
        if !sheet.charts.isEmpty && chartTop - pageStart > Self.rowsAboveCharts { breaks.append(chartTop) }
        if !breaks.isEmpty { try ws.setPageBreaks(before: breaks) }
        // One or two charts are drawn large, one under the other; more go two by two.
        let large = sheet.charts.count <= 2
        for spec in sheet.charts {
            guard let chart = try makeChart(spec, sheetTable: nil) else { continue }
            if large {
                try ws.insertChartAt(chart, row: chartTop + 1 + placed * 20, width: 900, height: 340)
            } else {
                try ws.insertChartAt(chart, row: chartTop + 1 + (placed / 2) * 18, xOffset: (placed % 2) * 580,
                                     width: 560, height: 320)
            }
            placed += 1
        }
        // A cell below the last chart, so the print area (the used cells) takes the charts in whole.
        if placed > 0 {
            try ws.writeBlank(chartTop + 1 + (large ? placed * 20 : ((placed + 1) / 2) * 18), 0, styles.note)
        }
        // One section: its header repeats on every page; several: the title row does.
        let repeated = sheet.sections.count == 1 ? 0...(firstHeader ?? 0) : 0...0
        ws.freezePanes(row: sheet.sections.count == 1 ? (firstHeader ?? 0) + 1 : 1, column: 0)
        try ws.setPrintLayout(repeatRows: repeated, footer: t("footer"), fitOnePage: false)
    }
}
