import Foundation

/// `salesclose-gen sample`: a small, realistic input folder with the awkward parts of real life —
/// overlapping monthly exports with corrections, a Chinese web-shop export with BOM, GB18030
/// payments with CRLF line ends, a customer whose code is `NA`, and a few deliberately bad rows.
enum SampleCommand {
    static let usage = """
        usage: salesclose-gen sample --out DIR [--config-out CDIR] [--seed S]

        Writes into DIR: customers.csv, orders-history.csv (2023-01 … 2026-06), orders-2026-09.csv
        (2026-07 … 2026-09), orders-2026-10.csv (2026-08 … 2026-11-05, correcting ~20 rows of the
        previous export), 订单-天猫.csv (web-shop orders, Chinese headers, UTF-8 with BOM),
        shipments.csv, payments.csv and 收款-2026.csv (GB18030, CRLF).
        With --config-out, also writes CDIR/targets.csv (2026 revenue targets).
        The same arguments always produce byte-identical files.
        """

    static let orderLines = 15_000
    static let firstDay = CivilCalendar.day(2023, 1, 1)
    static let lastDay = CivilCalendar.day(2026, 11, 5)

    static func run(_ options: CommandLineOptions) throws {
        let folder = try options.requiredString("out")
        let seed = try options.integer("seed", default: 20_261_031)
        try OutputFolder.create(folder)

        var rng = SplitMix64(seed: UInt64(seed))
        var world = World(size: World.Size(customers: 320, products: 240), firstDay: firstDay, lastDay: lastDay, rng: &rng)
        // Established domestic trade customers, heaviest buyers first: the pool for special roles.
        let established = world.customers.indices
            .sorted { (world.customerWeights[$0], -$0) > (world.customerWeights[$1], -$1) }
            .filter {
                world.customers[$0].firstDay == firstDay && world.customers[$0].channel != .online
                    && !world.regions[world.customers[$0].region].isOverseas
            }
        let naCustomer = established[100]
        world.customers[naCustomer].id = "NA"

        let plan = OrderSimulator.Plan(firstDay: firstDay, lastDay: lastDay, taperFrom: CivilCalendar.day(2026, 11, 1),
                                       orderLines: orderLines, webShopNumbersFrom: CivilCalendar.day(2025, 7, 1))
        var simulator = OrderSimulator(world: world, plan: plan, rng: rng.fork(3))
        var history = SampleHistory()
        simulator.run { order in
            history.lines += order.lines
            history.shipments += order.shipments
            history.payments += order.payments
        }

        var defectRng = rng.fork(4)
        let shippedCancellations = history.shipSomeCancelledLines()
        history.sortEventsByDay()
        let earlierVersions = SampleCorrections.earlierVersions(of: history.lines, rng: &defectRng)

        var folderWriter = SampleFolder(
            path: folder, rows: ExportRows(world: world, dates: DateTextTable(firstDay: firstDay, lastDay: lastDay + 60)),
            history: history, gb18030Customers: [5, 12, 20, 33].map { established[$0] })
        try folderWriter.writeCustomers(lastYearRevenueCents: simulator.lastYearRevenueCents)
        try folderWriter.writeOrderExports(earlierVersions: earlierVersions)
        try folderWriter.writeShipments()
        try folderWriter.writePayments()

        var report = "sample written to \(folder)\n"
        for file in folderWriter.writtenFiles {
            report += "  \(file.name): \(file.rows) rows, \(file.bytes) bytes\n"
        }
        if let configFolder = options.string("config-out") {
            try OutputFolder.create(configFolder)
            var targetRng = rng.fork(5)
            let count = try TargetsFile.write(path: configFolder + "/targets.csv", lines: history.lines, world: world,
                                              quarterlyRegion: world.regions.count - 1, rng: &targetRng)
            report += "  \(configFolder)/targets.csv: \(count) rows\n"
        }
        report += "deliberately bad rows:\n"
        for row in folderWriter.plantedRows { report += "  \(row.file) line \(row.line): \(row.what)\n" }
        report += "orders-2026-10.csv corrects \(earlierVersions.count) rows of orders-2026-09.csv "
            + "(\(SampleCorrections.lateCancellations) late cancellations, \(SampleCorrections.quantityChanges) quantity changes)\n"
        report += "cancelled lines shipped anyway: "
            + shippedCancellations.map { "\(folderWriter.rows.orderIDText($0.orderID))/\($0.lineNo)" }.joined(separator: ", ") + "\n"
        report += "customer 'NA': \(world.customers[naCustomer].name), "
            + "\(history.lines.filter { $0.customer == naCustomer }.count) order lines\n"
        report += "GB18030 payments (收款-2026.csv) of: "
            + folderWriter.gb18030Customers.map { world.customers[$0].id }.joined(separator: ", ") + "\n"
        FileHandle.standardError.write(report.data(using: .utf8)!)
    }
}
