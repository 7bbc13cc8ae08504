extension BacklogReport.Row {
    /// Rows of one month added up (an "others" or "total" line of the backlog); book-to-bill of the sums.
    public static func summed(_ rows: [Self], month: Month, level: ActualsLevel) -> Self {
        rows.reduce(Self(month: month, level: level, key: noName, opening: .zero, newOrders: .zero, shipped: .zero,
                         cancelled: .zero)) { s, r in
            Self(month: month, level: level, key: noName, opening: s.opening + r.opening, newOrders: s.newOrders + r.newOrders,
                 shipped: s.shipped + r.shipped, cancelled: s.cancelled + r.cancelled)
        }
    }
}

extension DeliveryReport.Figures {
    /// Figures of several keys added up; the longest delay is the longest of any.
    public static func summed(_ figures: [Self]) -> Self {
        figures.reduce(into: Self()) { s, f in
            s.linesShipped += f.linesShipped
            s.onTime += f.onTime
            s.partial += f.partial
            s.totalDaysLate += f.totalDaysLate
            s.maxDaysLate = max(s.maxDaysLate, f.maxDaysLate)
            s.ordersShipped += f.ordersShipped
        }
    }
}

extension ReceivablesReport.Row {
    /// Customers added up (an "others" or "total" line): amounts and buckets summed; credit limit
    /// and DSO left out (the company DSO is `ReceivablesReport.companyDSO`).
    public static func summed(_ rows: [Self], buckets: Int) -> Self {
        var s = Self(customer: noName, shippedValue: .zero, paid: .zero, buckets: Array(repeating: .zero, count: buckets),
                     unappliedCredit: .zero, creditLimit: nil, collectionsInPeriod: .zero, dso: nil)
        for r in rows {
            s.shippedValue += r.shippedValue
            s.paid += r.paid
            for i in r.buckets.indices where i < buckets { s.buckets[i] += r.buckets[i] }
            s.unappliedCredit += r.unappliedCredit
            s.collectionsInPeriod += r.collectionsInPeriod
        }
        return s
    }
}
