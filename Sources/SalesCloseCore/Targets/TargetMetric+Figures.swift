extension TargetMetric {
    /// The metric in `figures`, in the integer unit of target values (minor units, or thousandths
    /// for quantity). Gross margin counts only the lines that carry a cost.
    func value(of figures: ActualsFigures) -> Int64 {
        switch self {
        case .revenue: figures.revenue.minorUnits
        case .quantity: figures.quantity.thousandths
        case .grossMargin: figures.grossMargin?.minorUnits ?? 0
        }
    }

    /// `value` as text in the metric's unit, for messages.
    func text(_ value: Int64) -> String {
        self == .quantity ? Quantity(thousandths: value).description : Money(minorUnits: value).description
    }
}
