/// A dimension that order lines can be grouped, targeted and looked up by.
public enum Dimension: String, CaseIterable, Sendable, Codable {
    case region, salesperson, channel, category, sku, customer

    /// The canonical field name in inputs (`customer` is keyed by `customer_id`).
    public var fieldName: String { self == .customer ? "customer_id" : rawValue }
}
