import SalesCloseCore

/// The workbook's formats, by role, created once per workbook.
struct CellStyles {
    let title, subtitle, note, header, numericHeader, centeredHeader, caption, kpiName, comparisonLabel, comparisonHeader, centered, indented, indentedHeader: XLSXFormat
    let money, rate, quantity, fractionalQuantity, integer, number, day: XLSXFormat
    let bad, warning, good: XLSXFormat
    /// The total line of a section (bold over a thin top border) and the "others" line (italic).
    let totals: Emphasis, others: Emphasis

    /// The formats of one kind of line, by cell kind.
    struct Emphasis {
        let text, money, rate, quantity, fractionalQuantity, integer, number, day: XLSXFormat
        init(_ wb: XLSXWorkbook, bold: Bool, italic: Bool, topBorder: Bool) throws(XLSXError) {
            func f(_ numberFormat: String?, align: XLSXFormatSpec.Align = .general) throws(XLSXError) -> XLSXFormat {
                try wb.format(XLSXFormatSpec(numberFormat: numberFormat, bold: bold, italic: italic, topBorder: topBorder,
                                             align: align))
            }
            text = try f(nil); money = try f(CellStyles.moneyFormat); rate = try f(CellStyles.rateFormat)
            quantity = try f("#,##0"); fractionalQuantity = try f("#,##0.0##"); integer = try f("#,##0")
            number = try f("#,##0.00"); day = try f("yyyy-mm-dd", align: .right)
        }
    }

    static let moneyFormat = "#,##0.00"
    static let rateFormat = "0.0%"

    init(_ wb: XLSXWorkbook) throws(XLSXError) {
        title = try wb.format(XLSXFormatSpec(bold: true, fontSize: 14, fontColor: 0x1F3864))
        subtitle = try wb.format(XLSXFormatSpec(fontColor: 0x404040))
        note = try wb.format(XLSXFormatSpec(italic: true, fontColor: 0x595959))
        header = try wb.format(XLSXFormatSpec(bold: true, fillColor: 0xDDEBF7, wrap: true, bottomBorder: true,
                                              verticalAlign: .center))
        numericHeader = try wb.format(XLSXFormatSpec(bold: true, fillColor: 0xDDEBF7, wrap: true, bottomBorder: true,
                                                     align: .right, verticalAlign: .center))
        centeredHeader = try wb.format(XLSXFormatSpec(bold: true, fillColor: 0xDDEBF7, wrap: true, bottomBorder: true,
                                                      align: .center, verticalAlign: .center))
        comparisonLabel = try wb.format(XLSXFormatSpec(fontColor: 0x404040, indent: 2))
        comparisonHeader = try wb.format(XLSXFormatSpec(bold: true, fillColor: 0xDDEBF7, wrap: true, bottomBorder: true,
                                                        verticalAlign: .center, indent: 2))
        centered = try wb.format(XLSXFormatSpec(align: .center))
        indented = try wb.format(XLSXFormatSpec(indent: 1))
        indentedHeader = try wb.format(XLSXFormatSpec(bold: true, fillColor: 0xDDEBF7, wrap: true, bottomBorder: true,
                                                      verticalAlign: .center, indent: 1))
        caption = try wb.format(XLSXFormatSpec(bold: true, fontColor: 0x1F3864))
        kpiName = try wb.format(XLSXFormatSpec(bold: true))
        money = try wb.format(XLSXFormatSpec(numberFormat: CellStyles.moneyFormat))
        rate = try wb.format(XLSXFormatSpec(numberFormat: CellStyles.rateFormat))
        quantity = try wb.format(XLSXFormatSpec(numberFormat: "#,##0"))
        fractionalQuantity = try wb.format(XLSXFormatSpec(numberFormat: "#,##0.0##"))
        integer = try wb.format(XLSXFormatSpec(numberFormat: "#,##0"))
        number = try wb.format(XLSXFormatSpec(numberFormat: "#,##0.00"))
        day = try wb.format(XLSXFormatSpec(numberFormat: "yyyy-mm-dd", align: .right))
        // Excel's own "light red / yellow / green fill with dark text".
        bad = try wb.format(XLSXFormatSpec(fontColor: 0x9C0006, fillColor: 0xFFC7CE))
        warning = try wb.format(XLSXFormatSpec(fontColor: 0x9C5700, fillColor: 0xFFEB9C))
        good = try wb.format(XLSXFormatSpec(fontColor: 0x006100, fillColor: 0xC6EFCE))
        totals = try Emphasis(wb, bold: true, italic: false, topBorder: true)
        others = try Emphasis(wb, bold: false, italic: true, topBorder: false)
    }

    /// Writes one cell by its own kind: text always as a string (never a formula), money,
    /// quantities and rates as numbers with their formats, days as real dates, months as text.
    func write(_ cell: ReportTable.Cell, to ws: XLSXWorksheet, row: Int, column: Int,
               textFormat: XLSXFormat? = nil) throws(XLSXError) {
        switch cell {
        case .text(let s): try ws.writeString(row, column, s, textFormat)
        case .money(let m): try ws.writeNumber(row, column, m.doubleValue, money)
        case .quantity(let q):
            try ws.writeNumber(row, column, q.doubleValue,
                               q.thousandths % Quantity.scale == 0 ? quantity : fractionalQuantity)
        case .integer(let i): try ws.writeNumber(row, column, Double(i), integer)
        case .rate(let r): if r.isFinite { try ws.writeNumber(row, column, r, rate) }
        case .number(let d): if d.isFinite { try ws.writeNumber(row, column, d, number) }
        case .day(let d): try ws.writeNumber(row, column, excelSerial(d), day)
        case .month(let m): try ws.writeString(row, column, m.description)
        case .empty: break
        }
    }

    /// Writes one cell of a total or "others" line in that line's emphasis.
    func write(_ cell: ReportTable.Cell, to ws: XLSXWorksheet, row: Int, column: Int, emphasis e: Emphasis) throws(XLSXError) {
        switch cell {
        case .text(let s): try ws.writeString(row, column, s, e.text)
        case .money(let m): try ws.writeNumber(row, column, m.doubleValue, e.money)
        case .quantity(let q):
            try ws.writeNumber(row, column, q.doubleValue, q.thousandths % Quantity.scale == 0 ? e.quantity : e.fractionalQuantity)
        case .integer(let i): try ws.writeNumber(row, column, Double(i), e.integer)
        case .rate(let r): if r.isFinite { try ws.writeNumber(row, column, r, e.rate) } else { try ws.writeBlank(row, column, e.text) }
        case .number(let d): if d.isFinite { try ws.writeNumber(row, column, d, e.number) } else { try ws.writeBlank(row, column, e.text) }
        case .day(let d): try ws.writeNumber(row, column, excelSerial(d), e.day)
        case .month(let m): try ws.writeString(row, column, m.description, e.text)
        case .empty: try ws.writeBlank(row, column, e.text)
        }
    }

    /// Excel's serial day number (1900 date system): 1970-01-01 is 25569.
    func excelSerial(_ day: Day) -> Double { Double(Int(day.daysSinceEpoch) + 25569) }

    /// The header format of a column: numbers right-aligned over their values, short codes centred.
    func header(for kind: ReportTable.Kind, centred: Bool, indented: Bool = false) -> XLSXFormat {
        switch kind {
        case .text, .month: return centred ? centeredHeader : indented ? indentedHeader : header
        default: return numericHeader
        }
    }

    /// How wide the cell shows, in column units.
    static func width(of cell: ReportTable.Cell) -> Int {
        switch cell {
        case .text(let s): return DisplayWidth.of(s)
        case .money(let m): return DisplayWidth.ofGroupedNumber(m.doubleValue, decimals: 2)
        case .quantity(let q):
            return DisplayWidth.ofGroupedNumber(q.doubleValue, decimals: q.thousandths % Quantity.scale == 0 ? 0 : 3)
        case .integer(let i): return DisplayWidth.ofGroupedNumber(Double(i), decimals: 0)
        case .rate(let r): return r.isFinite ? DisplayWidth.ofGroupedNumber(r * 100, decimals: 1) + 1 : 0
        case .number(let d): return d.isFinite ? DisplayWidth.ofGroupedNumber(d, decimals: 2) : 0
        case .day: return 10
        case .month: return 7
        case .empty: return 0
        }
    }
}

/// `0` → `A`, `27` → `AB`.
func columnLetters(_ column: Int) -> String {
    var n = column + 1
    var s = ""
    while n > 0 {
        let r = (n - 1) % 26
        s = String(UnicodeScalar(UInt8(65 + r))) + s
        n = (n - 1) / 26
    }
    return s
}
