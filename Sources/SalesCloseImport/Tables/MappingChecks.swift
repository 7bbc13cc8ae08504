import SalesCloseConfiguration
import SalesCloseCore

/// Checks that catch a wrong mapping in an orders file, fed line by line:
/// - when a line has both an amount and quantity × unit price (× (1 − discount)), the two agree
///   within a cent; a warning when they do not on more than a few lines (more than 3, or at
///   least 2 and more than 10 % of the lines checked);
/// - when the file has an order total or subtotal column the import does not use, the line
///   amounts of each order (its consecutive lines) add up to it within a cent per line; a
///   warning when they do not, by the same rule over orders. `Subtotal` is preferred to `Total`,
///   which usually includes shipping and taxes.
/// Each check looks at the first `limit` lines of a file, which is enough to see a systematic
/// mistake and keeps large files cheap.
struct MappingChecks {
    static let limit = 100_000

    let file: String
    /// The order total column used, and its header.
    let totalColumn: Int?
    let totalHeader: String

    private var linesChecked = 0, lineDisagreements: [(line: Int, text: String)] = [], lineCount = 0
    private var ordersChecked = 0, orderDisagreements: [(line: Int, text: String)] = []
    private var open: (order: NameID, orderText: String, line: Int, lines: Int, sum: Int64, total: Int64?)?

    init(file: String, mapping: HeaderMapping) {
        self.file = file
        let normalized = mapping.headers.map(normalizedHeader)
        let candidates = mapping.orderTotalColumns.compactMap { h in mapping.headers.firstIndex(of: h) }
        let sub = candidates.first { ["subtotal", "subtotal amount", "小计", "小计金额"].map(normalizedHeader).contains(normalized[$0]) }
        let chosen = sub ?? candidates.first
        totalColumn = mapping.column("order_id") >= 0 ? chosen : nil
        totalHeader = chosen.map { mapping.headers[$0] } ?? ""
    }

    /// A line whose amount column and derived amount are both known.
    mutating func compare(amount: Money, derived: Money, line: Int, detail: @autoclosure () -> String) {
        guard linesChecked < Self.limit else { return }
        linesChecked += 1
        if abs(amount.minorUnits - derived.minorUnits) > 1 {
            lineDisagreements.append((line, detail()))
        }
    }

    /// Every accepted line of the file: its order, its amount and the order total column's value.
    mutating func add(order: NameID, orderText: @autoclosure () -> String, line: Int, amount: Money, total: Int64?) {
        guard totalColumn != nil, lineCount < Self.limit else { return }
        lineCount += 1
        if var current = open, current.order == order {
            current.sum += amount.minorUnits
            current.lines += 1
            if current.total == nil { current.total = total }
            open = current
            return
        }
        closeOrder()
        open = (order, orderText(), line, 1, amount.minorUnits, total)
    }

    private mutating func closeOrder() {
        guard let current = open, let total = current.total else { open = nil; return }
        ordersChecked += 1
        if abs(current.sum - total) > Int64(current.lines) {
            orderDisagreements.append((current.line, "order \(current.orderText): lines \(Money(minorUnits: current.sum)), \(totalHeader) \(Money(minorUnits: total))"))
        }
        open = nil
    }

    /// Whether these checks, of a file's first piece, are also those of the file with `later`
    /// (the checks of a later piece) read after it: each check had either seen its `limit` lines
    /// here or sees none there.
    func absorbs(_ later: MappingChecks) -> Bool {
        (linesChecked >= Self.limit || later.linesChecked == 0) && (lineCount >= Self.limit || later.lineCount == 0)
    }

    static func isMoreThanAFew(_ n: Int, of checked: Int) -> Bool { n > 3 || (n >= 2 && n * 10 > checked) }

    /// The warnings, once the file is read.
    mutating func findings() -> [Finding] {
        closeOrder()
        var out: [Finding] = []
        func firstThree(_ list: [(line: Int, text: String)]) -> String {
            list.prefix(3).map { "line \($0.line): \($0.text)" }.joined(separator: "; ")
        }
        if Self.isMoreThanAFew(lineDisagreements.count, of: linesChecked) {
            out.append(Finding(.warning, code: "amount-disagrees-with-price", file: file, line: lineDisagreements[0].line, field: "amount", message:
                "amount disagrees with quantity × unit_price on \(lineDisagreements.count) of \(linesChecked) lines (\(firstThree(lineDisagreements))); check which column is mapped to amount"))
        }
        if Self.isMoreThanAFew(orderDisagreements.count, of: ordersChecked) {
            out.append(Finding(.warning, code: "lines-disagree-with-order-total", file: file, line: orderDisagreements[0].line, field: "amount", message:
                "line amounts do not add up to \"\(totalHeader)\" on \(orderDisagreements.count) of \(ordersChecked) orders (\(firstThree(orderDisagreements))); check the amount mapping (a total with shipping or taxes differs by design)"))
        }
        return out
    }
}
