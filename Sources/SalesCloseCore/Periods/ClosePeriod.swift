/// The close period: the last complete month present in the order lines. A month is complete
/// when a later day has an order, or when its last day has one.
public func lastCompleteMonth(of data: SalesData) -> Month? {
    guard var latest = data.orderLines.first?.orderDate else { return nil }
    for line in data.orderLines where line.orderDate > latest { latest = line.orderDate }
    return latest == latest.month.lastDay ? latest.month : latest.month.advanced(by: -1)
}
