import Foundation
import SalesCloseCore
import SalesCloseImport
import SalesClosePipeline
import SalesCloseTestSupport
import SalesCloseWriters
import Testing

/// The shipped sample (`Input/`, `Config/`): every row accounted for, and the reports agree with
/// figures recomputed here independently from the imported rows.
@Suite struct SampleRunTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The shipped sample's input and configuration, writing under `output`.
    static func options(output: String) -> RunOptions {
        var options = RunOptions()
        options.inputFolder = root + "/Input"
        options.configFolder = root + "/Config"
        options.outputFolder = output
        return options
    }

    @Test func sampleRunReconciles() throws {
        let out = try TemporaryFolder()
        defer { out.remove() }
        let summary = try CloseRun(options: Self.options(output: out.path), log: { _ in }).execute()
        let imported = summary.imported
        #expect(summary.period == Month(year: 2026, month: 10))

        // Every row is accounted for, and the sample shows each kind of problem.
        for file in imported.files { #expect(file.rowsRead == file.accepted + file.rejected) }
        #expect(imported.files.contains { $0.encoding == .gb18030 })
        #expect(imported.files.contains { $0.superseded > 0 && $0.exactDuplicates < $0.superseded })
        #expect(imported.rejects.count >= 5)

        // Revenue of the close month, recomputed from the accepted lines, equals the reports.
        let period = summary.period
        let revenue = imported.data.orderLines.filter { !$0.isCancelled && $0.orderDate.month == period }
            .reduce(Money.zero) { $0 + $1.amount }
        let actuals = try rows(summary.outputPath + "/actuals_monthly.csv")
        let totalRow = try #require(actuals.first { $0["month"] == "\(period)" && $0["level"] == "total" })
        #expect(totalRow["revenue"] == revenue.description)
        let achievement = try rows(summary.outputPath + "/achievement.csv")
        let monthTotal = try #require(achievement.first { $0["period_type"] == "month" && $0["level"] == "total" })
        #expect(monthTotal["actual"] == revenue.description)
        // Region rows of actuals_monthly sum to the total, to the cent.
        let regionSum = actuals.filter { $0["month"] == "\(period)" && $0["level"] == "region" }
            .reduce(Decimal(0)) { $0 + Decimal(string: $1["revenue"]!)! }
        #expect(regionSum == Decimal(string: revenue.description)!)
        // Every achievement rate is actual ÷ target.
        for row in achievement where !(row["target"] ?? "").isEmpty && row["achievement_rate"] != "" {
            let rate = Double(row["achievement_rate"]!)!, actual = Double(row["actual"]!)!, target = Double(row["target"]!)!
            #expect(abs(rate - actual / target) < 1e-6)
        }
        // The ABC shares of products sum to 1 over the positive items.
        let abc = try rows(summary.outputPath + "/abc_products.csv")
        let shares = abc.compactMap { Double($0["share"] ?? "") }.reduce(0, +)
        #expect(abs(shares - 1) < 1e-3)

        // The workbook's sections add up to these tables: ClosePackReadBackTests.
    }

    /// A small CSV reader for checking outputs (they are UTF-8 with RFC 4180 quoting).
    func rows(_ path: String) throws -> [[String: String]] {
        var records: [[String]] = []
        try CSVReader().read(path: path, options: .init()) { r in
            records.append((0..<r.count).map { r.string($0) }); return true
        }
        guard let header = records.first else { return [] }
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}

/// Scheduled forecasts on the sample: snapshots, scoring of earlier snapshots, coherence.
@Suite struct SampleForecastTests {
    @Test func snapshotsAreCoherentAndEarlierOnesAreScored() throws {
        let out = try TemporaryFolder()
        defer { out.remove() }
        var options = SampleRunTests.options(output: out.path)
        options.period = Month(year: 2026, month: 6)
        let july = try ForecastRun(options: options, runDate: Day(year: 2026, month: 7, day: 3)!, horizon: 6, log: { _ in }).execute()
        #expect(july.snapshotsEvaluated == 0)
        options.period = nil
        let november = try ForecastRun(options: options, runDate: Day(year: 2026, month: 11, day: 2)!, horizon: 6, log: { _ in }).execute()
        #expect(november.through == Month(year: 2026, month: 10))
        #expect(november.snapshotsEvaluated == 1)

        let forecast = try SampleRunTests().rows(november.outputPath + "/forecast.csv")
        #expect(forecast.allSatisfy { Double($0["forecast"]!)! >= 0 && Double($0["lo80"] ?? "0") ?? 0 >= 0 })
        // Regions and categories sum to the total in every month, within rounding of the cents.
        for month in Set(forecast.map { $0["month"]! }) {
            let rows = forecast.filter { $0["month"] == month }
            let total = Double(rows.first { $0["level"] == "total" }!["forecast"]!)!
            for level in ["region", "category"] {
                let sum = rows.filter { $0["level"] == level }.map { Double($0["forecast"]!)! }.reduce(0, +)
                #expect(abs(sum - total) < 0.01 * Double(rows.filter { $0["level"] == level }.count) + 1e-9)
            }
        }
        // Crossed series (region × category, configured in the sample) sum to their region.
        let crossed = forecast.filter { $0["level"] == "region*category" }
        #expect(!crossed.isEmpty)
        for region in forecast.filter({ $0["level"] == "region" }) {
            let parts = crossed.filter { $0["month"] == region["month"] && $0["key"]!.hasPrefix(region["key"]! + " / ") }
            let sum = parts.map { Double($0["forecast"]!)! }.reduce(0, +)
            #expect(abs(sum - Double(region["forecast"]!)!) < 0.01 * Double(parts.count) + 1e-9)
        }
        #expect(FileManager.default.fileExists(atPath: november.outputPath + "/forecast_quantity.csv"))
        // The July snapshot is scored on July–October, which are now actual.
        let accuracy = try SampleRunTests().rows(november.outputPath + "/forecast_accuracy.csv")
        let total = try #require(accuracy.first { $0["snapshot"] == "2026-07-03" && $0["level"] == "total" })
        #expect(total["points"] == "4")
        #expect(Double(total["wape"]!)! < 1)
    }
}
