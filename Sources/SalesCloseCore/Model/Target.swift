/// What a target measures.
public enum TargetMetric: String, Sendable, Codable, CaseIterable {
    case revenue, quantity, grossMargin = "gross_margin"
}

/// The period a target row is given for: a year (`2026`), quarter (`2026-Q3`) or month (`2026-07`).
public enum TargetPeriod: Hashable, Sendable, CustomStringConvertible {
    case year(Int)
    case quarter(year: Int, quarter: Int)
    case month(Month)

    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: " ")
        if t.count == 4, let y = Int(t) { self = .year(y); return }
        let parts = t.split(separator: "-")
        if parts.count == 2, parts[0].count == 4, let y = Int(parts[0]) {
            let p = parts[1].uppercased()
            if p.count == 2, p.hasPrefix("Q"), let q = Int(p.dropFirst()), (1...4).contains(q) {
                self = .quarter(year: y, quarter: q); return
            }
            if let m = Month(t) { self = .month(m); return }
            _ = y
        }
        return nil
    }

    /// The months the period covers, in order.
    public var months: [Month] {
        switch self {
        case .year(let y): (1...12).map { Month(year: y, month: $0) }
        case .quarter(let y, let q): (0..<3).map { Month(year: y, month: (q - 1) * 3 + 1 + $0) }
        case .month(let m): [m]
        }
    }

    public var description: String {
        switch self {
        case .year(let y): String(y)
        case .quarter(let y, let q): "\(y)-Q\(q)"
        case .month(let m): m.description
        }
    }
}

/// One row of the targets file. `value` is in minor units for money metrics and in
/// thousandths for quantity.
public struct TargetRow: Sendable {
    public var period: TargetPeriod
    public var metric: TargetMetric
    /// Dimension values the row is given for; empty means the company total.
    public var dimensions: [Dimension: String]
    public var value: Int64
    /// 1-based line in the targets file.
    public var line: Int

    public init(period: TargetPeriod, metric: TargetMetric = .revenue, dimensions: [Dimension: String] = [:],
                value: Int64, line: Int = 0) {
        self.period = period; self.metric = metric; self.dimensions = dimensions
        self.value = value; self.line = line
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
