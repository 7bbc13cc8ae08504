/// `targets.csv` for the sample: 2026 revenue targets at several grains, set at 110–120 % of
/// 2025 actuals and rounded to 1 000. Salespeople get annual targets, except in one region that
/// plans by quarter (its salespeople's targets are left to allocation); the company total is the
/// sum of everything below it.
enum TargetsFile {
    static let header = ["period", "region", "salesperson", "metric", "value"]
    static let roundingCents = 1_000_00

    static func write(path: String, lines: [OrderLine], world: World, quarterlyRegion: Int, rng: inout SplitMix64) throws -> Int {
        var salespersonRevenue = [Int](repeating: 0, count: world.salespeople.count)
        var regionQuarterRevenue = [Int](repeating: 0, count: 4)
        for line in lines where line.status != .cancelled {
            let date = CivilCalendar.date(line.day)
            guard date.year == 2025 else { continue }
            let customer = world.customers[line.customer]
            salespersonRevenue[customer.salesperson] += line.amountCents
            if customer.region == quarterlyRegion { regionQuarterRevenue[(date.month - 1) / 3] += line.amountCents }
        }

        let writer = try CSVByteWriter(path: path)
        writer.header(header)
        var total = 0
        func row(_ period: String, _ region: String, _ salesperson: String, _ cents: Int) {
            for field in [period, region, salesperson, "revenue"] {
                writer.text(field)
                writer.comma()
            }
            writer.hundredths(cents)
            writer.endRow()
        }
        for (index, person) in world.salespeople.enumerated() where person.region != quarterlyRegion {
            let target = rounded(Double(salespersonRevenue[index]) * (1.10 + 0.10 * rng.unit()))
            total += target
            row("2026", world.regions[person.region].name, person.name, target)
        }
        let regionAnnual = rounded(Double(regionQuarterRevenue.reduce(0, +)) * (1.10 + 0.10 * rng.unit()))
        let regionPrior = max(1, regionQuarterRevenue.reduce(0, +))
        var allocated = 0
        for quarter in 0..<4 {
            let target = quarter == 3 ? regionAnnual - allocated
                : rounded(Double(regionAnnual) * Double(regionQuarterRevenue[quarter]) / Double(regionPrior))
            allocated += target
            row("2026-Q\(quarter + 1)", world.regions[quarterlyRegion].name, "", target)
        }
        total += regionAnnual
        row("2026", "", "", total)
        _ = try writer.finish()
        return writer.rowsWritten
    }

    private static func rounded(_ cents: Double) -> Int {
        Int((cents / Double(roundingCents)).rounded()) * roundingCents
    }
}
