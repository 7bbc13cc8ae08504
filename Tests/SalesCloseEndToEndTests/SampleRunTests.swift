import Foundation
import SalesCloseCore
import SalesCloseImport
import SalesClosePipeline
import SalesCloseTestSupport
import Testing

/// The shipped sample (`Input/`, `Config/`): every row accounted for, and the reports agree with
/// figures recomputed here independently from the imported rows.
@Suite struct SampleRunTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func sampleRunReconciles() throws {
        let out = try TemporaryFolder()
        defer { out.remove() }
        var options = RunOptions()
        options.inputFolder = Self.root + "/Input"
        options.configFolder = Self.root + "/Config"
        options.outputFolder = out.path
        let summary = try CloseRun(options: options, log: { _ in }).execute()
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
