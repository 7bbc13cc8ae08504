@testable import SalesCloseCore
import SalesCloseWriters

/// Builds a hand-made `SalesData` one order line at a time (`b = b.line(…)`); every line is its
/// own order unless `order` is given.
struct SalesDataBuilder {
    private(set) var data = SalesData()

    func line(_ date: String, amount: Int64, customer: String = "C1", sku: String = "P1",
                       region: String? = nil, salesperson: String? = nil, category: String? = nil,
                       quantity: Int64 = 1, cost: Int64? = nil, order: String? = nil,
                       cancelled: Bool = false) -> Self {
        var data = data
        let parts = date.split(separator: "-").map { Int($0)! }
        let sku = data.names.skus.intern(sku)
        let categoryID = category.map { data.names.categories.intern($0) } ?? noName
        while data.products.count <= Int(sku) { data.products.append(ProductInfo()) }
        if categoryID != noName { data.products[Int(sku)].category = categoryID }
        data.orderLines.append(OrderLine(
            order: data.names.orders.intern(order ?? "O\(data.orderLines.count + 1)"),
            orderDate: Day(year: parts[0], month: parts[1], day: parts[2])!,
            customer: data.names.customers.intern(customer), sku: sku,
            region: region.map { data.names.regions.intern($0) } ?? noName,
            salesperson: salesperson.map { data.names.salespeople.intern($0) } ?? noName,
            category: categoryID, quantity: Quantity(units: quantity), amount: Money(minorUnits: amount),
            cost: cost.map { Money(minorUnits: $0) }, isCancelled: cancelled,
            source: SourceRef(file: 0, line: data.orderLines.count + 2)))
        var copy = self
        copy.data = data
        return copy
    }

    var actuals: MonthlyActuals { MonthlyActuals(data: data) }

    func id(_ dimension: Dimension, _ text: String) -> NameID { data.names.table(for: dimension).id(of: text)! }
}

func month(_ text: String) -> Month { Month(text)! }

extension ReportTable {
    /// The rows whose cells in the named columns equal the given texts.
    func rows(where conditions: [String: String]) -> [[Cell]] {
        rows.filter { row in conditions.allSatisfy { row[columnIndex($0.key)!] == .text($0.value) } }
    }

    func cell(_ row: [Cell], _ column: String) -> Cell { row[columnIndex(column)!] }
}

extension ReportTable.Cell {
    var minorUnits: Int64? { if case .money(let m) = self { m.minorUnits } else { nil } }
    var rateValue: Double? { if case .rate(let r) = self { r } else { nil } }
}
