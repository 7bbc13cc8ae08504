import SalesCloseCore

extension DeliveryReport {
    /// `delivery.csv`.
    public func table(names: SalesData.Names) -> ReportTable { tableBlocks(names: names).table }

    /// `delivery.csv` a row at a time (see `TableBlocks`).
    public func tableBlocks(names: SalesData.Names) -> TableBlocks {
        let rows = rows
        return TableBlocks(name: "delivery", columns: [
            .init("month", .month), .init("level", .text), .init("key", .text), .init("lines_shipped", .integer),
            .init("on_time", .integer), .init("late", .integer), .init("on_time_rate", .rate),
            .init("avg_days_late", .number), .init("orders_shipped", .integer), .init("max_days_late", .integer),
            .init("late_partially_shipped", .integer), .init("on_time_rule", .text),
        ], rowCount: rows.count) { i in
            let r = rows[i], f = r.figures
            return [.month(r.month), .text(r.level.rawValue), .text(r.level.text(of: r.key, names: names)),
                    .integer(f.linesShipped), .integer(f.onTime), .integer(f.late), .rateOrEmpty(f.onTimeRate),
                    f.averageDaysLate.map(ReportTable.Cell.number) ?? .empty, .integer(f.ordersShipped),
                    f.late > 0 ? .integer(f.maxDaysLate) : .empty, .integer(f.partial), .text(Self.onTimeRule)]
        }
    }

    /// `overdue_lines`: open lines past their promised date at the as-of day.
    public func overdueTable(data: SalesData) -> ReportTable {
        let names = data.names
        return ReportTable(name: "overdue_lines", columns: [
            .init("order_id", .text), .init("line_no", .text), .init("customer_id", .text),
            .init("customer_name", .text), .init("sku", .text), .init("promised_date", .day),
            .init("days_overdue", .integer), .init("ordered_quantity", .quantity),
            .init("shipped_quantity", .quantity), .init("open_quantity", .quantity), .init("open_value", .money),
        ], rows: overdueLines.map { o in
            let line = data.orderLines[o.line]
            return [.text(names.orders[line.order]), .textOrEmpty(names.lineNumbers[line.lineNo]),
                    .text(names.customers[line.customer]), .textOrEmpty(data.customerName(line.customer)),
                    .text(names.skus[line.sku]), .day(line.promisedDate!), .integer(o.daysOverdue),
                    .quantity(line.quantity), .quantity(o.shippedQuantity),
                    .quantity(line.quantity - o.shippedQuantity), .money(o.openValue)]
        })
    }
}
