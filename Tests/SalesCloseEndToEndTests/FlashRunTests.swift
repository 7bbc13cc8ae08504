import Foundation
import SalesClosePipeline
import SalesCloseTestSupport
import Testing

/// `salesclose flash` on the shipped sample (its last order date is 2026-11-05) writes Output/flash/<as-of>/ whose tables agree.
@Suite struct FlashRunTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func sampleFlashWritesItsOutputsAndTheyAddUp() throws {
        let out = try TemporaryFolder()
        defer { out.remove() }
        var options = RunOptions()
        options.inputFolder = Self.root + "/Input"
        options.configFolder = Self.root + "/Config"
        options.outputFolder = out.path
        let summary = try FlashRun(options: options, asOf: nil, log: { _ in }).execute()
        #expect(summary.asOf.description == "2026-11-05")
        #expect(summary.outputPath == out.path + "/flash/2026-11-05")
        let files = try FileManager.default.contentsOfDirectory(atPath: summary.outputPath).sorted()
        #expect(files == ["flash-2026-11-05.xlsx", "flash.csv", "flash_daily.csv", "flash_movers.csv", "manifest.json"])
        func rows(_ name: String) throws -> [[String]] {
            try String(contentsOfFile: summary.outputPath + "/" + name, encoding: .utf8)
                .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        let flash = try rows("flash.csv")
        let total = flash.first { $0[1] == "total" }!
        let daily = try rows("flash_daily.csv").filter { $0[1] == "total" }
        #expect(daily.count == 30)
        // MTD actual = the cumulative actual on the as-of day; the month target = the last cumulative target.
        #expect(daily[4][0] == "2026-11-05" && total[5] == daily[4][6])
        #expect(daily[5][6] == "")
        #expect(total[3] == daily.last![4])
    }
}
