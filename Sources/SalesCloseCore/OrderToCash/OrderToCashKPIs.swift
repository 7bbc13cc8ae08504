/// The order-to-cash numbers of the Summary sheet.
public struct OrderToCashKPIs: Sendable, Equatable {
    /// Company backlog at the end of the period.
    public var closingBacklog: Money
    /// On-time rate of the lines promised in the period; nil when none of them shipped.
    public var onTimeRate: Double?
    /// Total receivables balance at the end of the period.
    public var totalReceivables: Money
    /// Receivables in the oldest aging bucket (over 90 days by default).
    public var receivablesInOldestBucket: Money

    public init(backlog: BacklogReport, delivery: DeliveryReport, receivables: ReceivablesReport) {
        closingBacklog = backlog.closingTotal
        onTimeRate = delivery.periodTotal.onTimeRate
        totalReceivables = receivables.totalBalance
        receivablesInOldestBucket = receivables.totalInOldestBucket
    }
}
