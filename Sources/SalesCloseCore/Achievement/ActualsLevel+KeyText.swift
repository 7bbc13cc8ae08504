extension ActualsLevel {
    /// The text of `key` at this level as outputs write it (`total` for the company total).
    func text(of key: NameID, names: SalesData.Names) -> String {
        dimension.map { names.table(for: $0)[key] } ?? "total"
    }
}
