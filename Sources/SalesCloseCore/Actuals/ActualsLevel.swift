/// A level at which actuals are reported: the company total or one grouping dimension.
public enum ActualsLevel: String, CaseIterable, Sendable, Comparable {
    case total, region, salesperson, channel, category, sku, customer

    /// The dimension behind the level; nil for the total. (A switch: this runs for every line.)
    public var dimension: Dimension? {
        switch self {
        case .total: nil
        case .region: .region
        case .salesperson: .salesperson
        case .channel: .channel
        case .category: .category
        case .sku: .sku
        case .customer: .customer
        }
    }

    /// Position in outputs (declaration order).
    public var order: Int {
        switch self {
        case .total: 0
        case .region: 1
        case .salesperson: 2
        case .channel: 3
        case .category: 4
        case .sku: 5
        case .customer: 6
        }
    }

    public static func < (a: ActualsLevel, b: ActualsLevel) -> Bool { a.order < b.order }

    /// The level's key on an order line (`0` for the total, `noName` when the line has no value).
    public func key(of line: OrderLine) -> NameID {
        guard let dimension else { return 0 }
        return line.value(of: dimension)
    }
}

extension ActualsLevel {
    /// The text of `key` at this level as outputs write it (`total` for the company total).
    public func text(of key: NameID, names: SalesData.Names) -> String {
        dimension.map { names.table(for: $0)[key] } ?? "total"
    }
}

/// A level and one of its keys.
public struct LevelKey: Hashable, Sendable {
    public var level: ActualsLevel
    public var key: NameID
    public init(level: ActualsLevel, key: NameID) { self.level = level; self.key = key }

    /// This level key in `month` as one word for a `FlatIndex`: the month in the high bits, then
    /// the level, then the key.
    public func packed(in month: Month) -> UInt64 { packed(inPeriod: month.index) }

    /// This level key in a numbered period (a month index, a week's Monday) as one word: the
    /// period in the high 29 bits (sign kept), then the level (3 bits), then the key (32 bits).
    public func packed(inPeriod period: Int32) -> UInt64 {
        UInt64(bitPattern: Int64(period) << 35) | UInt64(level.order) << 32 | UInt64(UInt32(bitPattern: key))
    }
}
