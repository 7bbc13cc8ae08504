/// Writes the sample's files: which records go to which export, in which layout and encoding,
/// and where the deliberately bad rows are planted.
struct SampleFolder {
    static let historyEnd = CivilCalendar.day(2026, 6, 30)
    static let septemberExport = CivilCalendar.day(2026, 7, 1)...CivilCalendar.day(2026, 9, 30)
    static let octoberExportStart = CivilCalendar.day(2026, 8, 1)
    static let exportOverlap = octoberExportStart...septemberExport.upperBound

    let path: String
    let rows: ExportRows
    let history: SampleHistory
    /// Customers whose 2026 payments come from a separate GB18030 Excel file.
    let gb18030Customers: [Int]
    private(set) var writtenFiles: [(name: String, rows: Int, bytes: Int)] = []
    private(set) var plantedRows: [PlantedRow] = []
    private var badRows: BadRowWriter { BadRowWriter(rows: rows) }

    init(path: String, rows: ExportRows, history: SampleHistory, gb18030Customers: [Int]) {
        self.path = path
        self.rows = rows
        self.history = history
        self.gb18030Customers = gb18030Customers
    }

    mutating func writeCustomers(lastYearRevenueCents: [Int]) throws {
        let writer = try open("customers.csv", header: ExportRows.customerHeader)
        for (index, customer) in rows.world.customers.enumerated() {
            rows.customer(index, creditLimitCents: customer.creditLimitCents(lastYearRevenueCents: lastYearRevenueCents[index]),
                          to: writer)
        }
        try finish("customers.csv", writer)
    }

    /// The ERP's history and two overlapping monthly exports, and the web shop's Chinese export.
    mutating func writeOrderExports(earlierVersions: [Int: OrderLine]) throws {
        let lines = history.lines
        let historyFile = try open("orders-history.csv", header: ExportRows.orderHeader)
        for line in lines where !line.orderID.isWebShop && line.day <= Self.historyEnd {
            rows.orderLine(line, .english, to: historyFile)
        }
        try finish("orders-history.csv", historyFile)

        let september = try open("orders-2026-09.csv", header: ExportRows.orderHeader)
        let septemberLines = lines.indices.filter { !lines[$0].orderID.isWebShop && Self.septemberExport ~= lines[$0].day }
        let brokenFields: [(field: Int, value: String, what: String)] = [
            (2, "2026-02-30", "impossible order_date 2026-02-30"),
            (14, "12,3x", "amount '12,3x' is not a number"),
            (3, "", "empty customer_id"),
            (11, "abc", "quantity 'abc' is not a number"),
        ]
        let slices = brokenFields.count + 1
        for (position, index) in septemberLines.enumerated() {
            let slice = position * slices / septemberLines.count
            if position > 0 && slice != (position - 1) * slices / septemberLines.count {
                // A copy of this line under a fresh order number, with one field broken.
                let defect = brokenFields[slice - 1]
                let template = lines[index]
                var fields = badRows.orderFields(template, id: OrderID(isWebShop: false, day: template.day, sequence: 900_000 + slice))
                fields[defect.field] = defect.value
                plant(fields, in: "orders-2026-09.csv", writer: september, what: defect.what)
            }
            rows.orderLine(earlierVersions[index] ?? lines[index], .english, to: september)
        }
        try finish("orders-2026-09.csv", september)

        let october = try open("orders-2026-10.csv", header: ExportRows.orderHeader)
        for line in lines where !line.orderID.isWebShop && line.day >= Self.octoberExportStart {
            rows.orderLine(line, .english, to: october)
        }
        try finish("orders-2026-10.csv", october)

        let webShop = try open("订单-天猫.csv", header: ExportRows.chineseOrderHeader, encoding: .utf8WithBOM)
        for line in lines where line.orderID.isWebShop {
            rows.orderLine(line, .chinese, to: webShop)
        }
        try finish("订单-天猫.csv", webShop)
    }

    mutating func writeShipments() throws {
        let shipments = history.shipments
        let writer = try open("shipments.csv", header: ExportRows.shipmentHeader)
        let unknownOrderAt = shipments.firstIndex { $0.day >= CivilCalendar.day(2026, 9, 10) } ?? 0
        let badDateAt = shipments.firstIndex { $0.day >= CivilCalendar.day(2026, 9, 20) } ?? 0
        for (position, shipment) in shipments.enumerated() {
            if position == unknownOrderAt {
                var fields = badRows.shipmentFields(shipment, number: 99_999_901)
                fields[1] = "SO2609-999999"
                plant(fields, in: "shipments.csv", writer: writer, what: "shipment of unknown order SO2609-999999")
            }
            if position == badDateAt {
                var fields = badRows.shipmentFields(shipment, number: 99_999_902)
                fields[4] = "2026-09-31"
                plant(fields, in: "shipments.csv", writer: writer, what: "impossible ship_date 2026-09-31")
            }
            rows.shipment(shipment, number: position + 1, to: writer)
        }
        try finish("shipments.csv", writer)
    }

    /// payments.csv, except the 2026 payments of `gb18030Customers`, which go to 收款-2026.csv.
    mutating func writePayments() throws {
        let payments = history.payments
        let english = try open("payments.csv", header: ExportRows.paymentHeader)
        let excel = try open("收款-2026.csv", header: ExportRows.chinesePaymentHeader, encoding: .gb18030, lineEnding: .crlf)
        let unknownCustomerAt = payments.firstIndex { $0.day >= CivilCalendar.day(2026, 9, 1) } ?? 0
        for (position, payment) in payments.enumerated() {
            if position == unknownCustomerAt {
                var fields = badRows.paymentFields(payment, number: 99_999_901)
                fields[1] = "C99999"
                fields[4] = ""
                plant(fields, in: "payments.csv", writer: english, what: "payment of unknown customer C99999")
            }
            let fromExcel = gb18030Customers.contains(payment.customer) && CivilCalendar.date(payment.day).year == 2026
            rows.payment(payment, number: position + 1, fromExcel ? .chinese : .english, to: fromExcel ? excel : english)
        }
        try finish("payments.csv", english)
        try finish("收款-2026.csv", excel)
    }

    private func open(_ name: String, header: [String], encoding: CSVByteWriter.Encoding = .utf8,
                      lineEnding: CSVByteWriter.LineEnding = .lf) throws -> CSVByteWriter {
        let writer = try CSVByteWriter(path: path + "/" + name, encoding: encoding, lineEnding: lineEnding)
        writer.header(header)
        return writer
    }

    private mutating func finish(_ name: String, _ writer: CSVByteWriter) throws {
        writtenFiles.append((name, writer.rowsWritten, try writer.finish()))
    }

    private mutating func plant(_ fields: [String], in file: String, writer: CSVByteWriter, what: String) {
        plantedRows.append(PlantedRow(file: file, line: badRows.write(fields, to: writer), what: what))
    }
}
