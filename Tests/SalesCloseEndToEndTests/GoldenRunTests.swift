import Foundation
import SalesCloseCore
import SalesCloseImport
import SalesClosePipeline
import SalesCloseTestSupport
import Testing

/// Whole runs on fixtures, compared with golden files. Set `RECORD_GOLDEN=1` to re-record them:
/// the run then fails, so no new baseline goes in unreviewed.
@Suite struct GoldenRunTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    func run(_ fixture: String, period: String? = nil, into output: String) throws -> CloseRun.Summary {
        var options = RunOptions()
        options.inputFolder = "\(Self.fixtures)/\(fixture)/Input"
        options.configFolder = "\(Self.fixtures)/\(fixture)/Config"
        options.outputFolder = output
        options.period = period.flatMap(Month.init)
        return try CloseRun(options: options, log: { _ in }).execute()
    }

    func compareWithGolden(_ fixture: String, _ files: [String], in folder: String) throws {
        for name in files {
            let actual = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
                .replacingOccurrences(of: Self.fixtures + "/", with: "")
            let goldenPath = "\(Self.fixtures)/\(fixture)/expected/\(name)"
            if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
                try actual.write(toFile: goldenPath, atomically: true, encoding: .utf8)
                Issue.record("re-recorded \(goldenPath); review it and run again without RECORD_GOLDEN")
                continue
            }
            let golden = try String(contentsOfFile: goldenPath, encoding: .utf8)
            #expect(actual == golden, "\(name) differs from \(goldenPath)")
        }
    }

    @Test func foreignExportMapsByConfigurationAlone() throws {
        let out = try TemporaryFolder()
        defer { out.remove() }
        let summary = try run("foreign", into: out.path)
        #expect(summary.period == Month(year: 2024, month: 2))
        let folder = summary.outputPath
        try compareWithGolden("foreign", ["actuals_monthly.csv", "rejects.csv", "receivables.csv", "backlog.csv"], in: folder)

        // Hand-checked: January = 30 × 136.00 + 50 × 55.09 + 25 × 108.06 = 9536.00, cost 5728.00.
        let jan = summary.imported.data.orderLines.filter { $0.orderDate.month == Month(year: 2024, month: 1) }
        #expect(jan.reduce(Money.zero) { $0 + $1.amount } == Money(minorUnits: 953_600))
        let actuals = try String(contentsOfFile: "\(folder)/actuals_monthly.csv", encoding: .utf8)
        #expect(actuals.contains("2024-01,total,total,9536.00,105,2,2,4768.00,3808.00\n"))
        // Office looked up from employees.csv: rep 1216 → office 2, rep 1504 → office 7.
        #expect(actuals.contains("2024-01,region,2,6834.50,"))
        #expect(actuals.contains("2024-02,region,7,10597.94,"))
        // The cancelled order 10102 counts in no revenue.
        #expect(actuals.contains("2024-02,total,total,10597.94,68,1,1,10597.94,3691.22\n"))
        let rejects = summary.imported.rejects.map { "\($0)".replacingOccurrences(of: Self.fixtures + "/", with: "") }
        #expect(rejects == ["foreign/Input/orders.csv:8:14: error: unit_price \"0x1F\" is not a number"])
    }

    @Test func manifestAccountsForEveryRowAndOutputsAreReproducible() throws {
        let a = try TemporaryFolder(), b = try TemporaryFolder()
        defer { a.remove(); b.remove() }
        let first = try run("foreign", into: a.path)
        let second = try run("foreign", into: b.path)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: first.outputPath + "/manifest.json"))) as! [String: Any]
        let inputs = manifest["inputs"] as! [[String: Any]]
        #expect(inputs.count == 4)
        for input in inputs {
            let read = input["rows_read"] as! Int, accepted = input["accepted"] as! Int, rejected = input["rejected"] as! Int
            let duplicate = input["duplicate"] as! Int, counted = input["counted"] as! Int
            #expect(read == accepted + rejected)
            #expect(accepted == counted + duplicate)
            #expect((input["sha256"] as! String).count == 64)
        }
        let outputs = manifest["outputs"] as! [[String: Any]]
        #expect(outputs.contains { $0["path"] as? String == "actuals_monthly.csv" })
        // CSV tables and the workbook (its creation time is fixed to the period end).
        for name in try FileManager.default.contentsOfDirectory(atPath: first.outputPath) where name != "manifest.json" {
            let x = try Data(contentsOf: URL(fileURLWithPath: "\(first.outputPath)/\(name)"))
            let y = try Data(contentsOf: URL(fileURLWithPath: "\(second.outputPath)/\(name)"))
            #expect(x == y, "\(name) differs between two identical runs")
        }
    }

    @Test func periodOverrideAndFailedRunKeepsPreviousOutputs() throws {
        let out = try TemporaryFolder()
        defer { out.remove() }
        let summary = try run("foreign", period: "2024-01", into: out.path)
        #expect(summary.outputPath.hasSuffix("/2024-01"))
        let before = try String(contentsOfFile: summary.outputPath + "/actuals_monthly.csv", encoding: .utf8)
        // A strict run on data with a rejected row fails and leaves the earlier outputs as they were.
        var options = RunOptions()
        options.inputFolder = "\(Self.fixtures)/foreign/Input"
        options.configFolder = "\(Self.fixtures)/foreign/Config"
        options.outputFolder = out.path
        options.period = Month(year: 2024, month: 1)
        options.strict = true
        #expect(throws: PipelineError.self) { try CloseRun(options: options, log: { _ in }).execute() }
        #expect(try String(contentsOfFile: summary.outputPath + "/actuals_monthly.csv", encoding: .utf8) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".tmp") }.isEmpty)
    }
}

@Suite struct InboxWatcherTests {
    @Test func filesDroppedInTheInboxAreTakenAndTheCloseRuns() throws {
        let work = try TemporaryFolder()
        defer { work.remove() }
        let fixture = GoldenRunTests.fixtures + "/foreign"
        let input = try work.subfolder("Input")
        for name in ["orders.csv", "employees.csv"] {
            try FileManager.default.copyItem(atPath: "\(fixture)/Input/\(name)", toPath: "\(input)/\(name)")
        }
        try FileManager.default.createDirectory(atPath: input + "/inbox", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(fixture)/Input/payments.csv", toPath: "\(input)/inbox/payments.csv")
        var options = RunOptions()
        options.inputFolder = input
        options.configFolder = fixture + "/Config"
        options.outputFolder = try work.subfolder("Output")
        let watcher = InboxWatcher(options: options, log: { _ in })
        let summary = try #require(try watcher.runOnce())
        #expect(FileManager.default.fileExists(atPath: input + "/payments.csv"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: input + "/inbox").isEmpty)
        #expect(summary.imported.data.payments.count == 3)
        #expect(try watcher.runOnce() == nil)
    }
}

@Suite struct ConcurrentRunTests {
    /// Log lines gathered from another thread.
    final class Messages: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    @Test func aSecondRunOnTheSameOutputWaitsForTheFirst() throws {
        let out = try TemporaryFolder()
        defer { out.remove() }
        let root = out.path
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread {
            try? OutputFolder(root: root).withLock(log: { _ in }) { locked.signal(); release.wait() }
        }.start()
        locked.wait()
        let messages = Messages()
        Thread {
            var options = RunOptions()
            options.inputFolder = GoldenRunTests.fixtures + "/foreign/Input"
            options.configFolder = GoldenRunTests.fixtures + "/foreign/Config"
            options.outputFolder = root
            _ = try? CloseRun(options: options, log: messages.append).execute()
            done.signal()
        }.start()
        // The second run imports and calculates, then waits for the lock before writing.
        var waited = false
        for _ in 0..<600 where !waited {
            waited = messages.all.contains { $0.contains("another run is writing") }
            if !waited { usleep(50_000) }
        }
        #expect(waited)
        #expect(done.wait(timeout: .now() + 0.3) == .timedOut)
        #expect(!FileManager.default.fileExists(atPath: root + "/2024-02"))
        release.signal()
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(FileManager.default.fileExists(atPath: root + "/2024-02/actuals_monthly.csv"))
    }
}
