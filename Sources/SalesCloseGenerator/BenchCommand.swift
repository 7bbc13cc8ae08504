import Foundation

/// `salesclose-gen bench`: large inputs for throughput measurements, with bounded key counts
/// (about 20 000 customers and 5 000 SKUs whatever the number of order lines) over 48 months.
enum BenchCommand {
    static let usage = """
        usage: salesclose-gen bench --order-lines N --out DIR [--seed S]

        Writes orders.csv (exactly N order lines), shipments.csv (about N rows), payments.csv
        (about N/3 rows) and customers.csv into DIR, covering 2022-11-01 … 2026-11-05.
        The same arguments always produce byte-identical files (default seed 42).
        """

    static let customerCount = 20_000
    static let productCount = 5_000

    static func run(_ options: CommandLineOptions) throws {
        let orderLines = try options.integer("order-lines")
        let folder = try options.requiredString("out")
        let seed = try options.integer("seed", default: 42)
        try OutputFolder.create(folder)

        let firstDay = CivilCalendar.day(2022, 11, 1)
        let lastDay = CivilCalendar.day(2026, 11, 5)
        var rng = SplitMix64(seed: UInt64(seed))
        let world = World(size: World.Size(customers: customerCount, products: productCount),
                          firstDay: firstDay, lastDay: lastDay, rng: &rng)
        let rows = ExportRows(world: world, dates: DateTextTable(firstDay: firstDay, lastDay: lastDay + 60))
        let plan = OrderSimulator.Plan(firstDay: firstDay, lastDay: lastDay, taperFrom: CivilCalendar.day(2026, 11, 1),
                                       orderLines: orderLines, webShopNumbersFrom: nil)

        let orders = try CSVByteWriter(path: folder + "/orders.csv")
        let shipments = try CSVByteWriter(path: folder + "/shipments.csv")
        let payments = try CSVByteWriter(path: folder + "/payments.csv")
        orders.header(ExportRows.orderHeader)
        shipments.header(ExportRows.shipmentHeader)
        payments.header(ExportRows.paymentHeader)

        var simulator = OrderSimulator(world: world, plan: plan, rng: rng.fork(3))
        simulator.run { order in
            for line in order.lines { rows.orderLine(line, .english, to: orders) }
            for shipment in order.shipments { rows.shipment(shipment, number: shipments.rowsWritten + 1, to: shipments) }
            for payment in order.payments { rows.payment(payment, number: payments.rowsWritten + 1, .english, to: payments) }
        }

        let customers = try CSVByteWriter(path: folder + "/customers.csv")
        customers.header(ExportRows.customerHeader)
        for index in world.customers.indices {
            let limit = world.customers[index].creditLimitCents(lastYearRevenueCents: simulator.lastYearRevenueCents[index])
            rows.customer(index, creditLimitCents: limit, to: customers)
        }

        var total = 0
        for (name, writer) in [("orders.csv", orders), ("shipments.csv", shipments),
                               ("payments.csv", payments), ("customers.csv", customers)] {
            let bytes = try writer.finish()
            total += bytes
            FileHandle.standardError.write("\(name): \(writer.rowsWritten) rows, \(bytes) bytes\n".data(using: .utf8)!)
        }
        FileHandle.standardError.write("total: \(total) bytes in \(folder)\n".data(using: .utf8)!)
    }
}
