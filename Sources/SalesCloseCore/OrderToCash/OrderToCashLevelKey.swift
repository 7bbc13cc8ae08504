/// One key of one level (the total, a region, a salesperson …) in the order-to-cash reports.
struct OrderToCashLevelKey: Hashable {
    var level: ActualsLevel
    var key: NameID
}

extension SalesData.Names {
    /// The text of a level key in outputs: `total` for the total, else the dimension value.
    func text(of key: NameID, at level: ActualsLevel) -> String {
        guard let dimension = level.dimension else { return "total" }
        return table(for: dimension)[key]
    }
}
