/// One output table: the shape every writer (CSV, XLSX) consumes. Column names are the stable
/// English CSV names; writers translate them for display.
public struct ReportTable: Sendable {
    public enum Kind: Sendable, Equatable {
        case text, money, quantity, integer, rate, number, day, month
    }

    public struct Column: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        public init(_ name: String, _ kind: Kind) { self.name = name; self.kind = kind }
    }

    public enum Cell: Sendable, Equatable {
        case text(String)
        case money(Money)
        case quantity(Quantity)
        case integer(Int)
        /// A ratio written as a decimal (0.875 = 87.5 %).
        case rate(Double)
        case number(Double)
        case day(Day)
        case month(Month)
        /// An empty cell: the value is undefined (a zero divisor) or absent.
        case empty
    }

    /// The file stem, e.g. `actuals_monthly`.
    public var name: String
    public var columns: [Column]
    public var rows: [[Cell]]

    public init(name: String, columns: [Column], rows: [[Cell]] = []) {
        self.name = name; self.columns = columns; self.rows = rows
    }

    public func columnIndex(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }
}

extension ReportTable.Cell {
    /// A rate cell, or `.empty` when the rate is undefined (nil, NaN or infinite).
    public static func rateOrEmpty(_ value: Double?) -> Self {
        guard let v = value, v.isFinite else { return .empty }
        return .rate(v)
    }
    /// A money cell for an amount computed in floating point (a forecast), or `.empty`.
    public static func moneyOrEmpty(_ units: Double?) -> Self {
        guard let units, units.isFinite else { return .empty }
        return .money(Money(rounding: units))
    }
    public static func textOrEmpty(_ value: String?) -> Self {
        guard let v = value, !v.isEmpty else { return .empty }
        return .text(v)
    }
}
