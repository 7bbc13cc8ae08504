/// The months one achievement row covers, and the spans it is compared with.
///
/// - `month`: the close month; prior period = the month before.
/// - `qtd`: quarter start … close month; prior period = the same number of months from the start
///   of the previous quarter (close in August: July–August against April–May), so like is
///   compared with like.
/// - `ytd`: January … close month; no prior period (its only natural comparison is the prior
///   year, which `priorYear` already gives), so prior_period_actual and mom_growth stay empty.
///
/// `priorYear` is always the same span twelve months earlier.
public struct ReportingSpan: Sendable, Equatable {
    public enum PeriodType: String, Sendable, CaseIterable { case month, qtd, ytd }

    public let type: PeriodType
    public let months: ClosedRange<Month>
    /// `2026-08` for a month, `2026-Q3` for quarter-to-date, `2026` for year-to-date.
    public let label: String
    public var priorYear: ClosedRange<Month> { shifted(months, by: -12) }
    public let priorPeriod: ClosedRange<Month>?

    public init(_ type: PeriodType, closing close: Month) {
        self.type = type
        switch type {
        case .month:
            months = close...close
            label = close.description
            priorPeriod = shifted(months, by: -1)
        case .qtd:
            months = close.quarterStart...close
            label = "\(close.year)-Q\(close.quarter)"
            priorPeriod = shifted(months, by: -3)
        case .ytd:
            months = close.yearStart...close
            label = String(close.year)
            priorPeriod = nil
        }
    }
}

func shifted(_ months: ClosedRange<Month>, by n: Int) -> ClosedRange<Month> {
    months.lowerBound.advanced(by: n)...months.upperBound.advanced(by: n)
}

extension ClosedRange<Month> {
    /// The months in order.
    var list: [Month] { Array(stride(from: lowerBound, through: upperBound, by: 1)) }
}
