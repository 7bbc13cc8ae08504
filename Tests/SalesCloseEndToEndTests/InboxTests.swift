import Foundation
import SalesCloseCore
import SalesCloseTestSupport
import Testing
@testable import SalesClosePipeline

/// The inbox quarantines what cannot be read, archives what it replaces, reports schema drift;
/// a run clears what dead runs left in the output folder.
@Suite struct InboxTests {
    let fixture = GoldenRunTests.fixtures + "/foreign"

    @Test func unreadableFilesAreQuarantinedReplacedFilesArchivedAndDriftReported() throws {
        let work = try TemporaryFolder()
        defer { work.remove() }
        let fm = FileManager.default
        let input = try work.subfolder("Input")
        for name in ["orders.csv", "employees.csv", "payments.csv"] {
            try fm.copyItem(atPath: "\(fixture)/Input/\(name)", toPath: "\(input)/\(name)")
        }
        let original = try String(contentsOfFile: "\(input)/orders.csv", encoding: .utf8)
        // A re-export with one more column, a PNG and a file no table fits.
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let reexport = lines.enumerated().map { i, line in
            line.isEmpty ? "" : i == 0 ? line + ",comments" : line + ","
        }.joined(separator: "\n")
        try work.write("Input/inbox/orders.csv", reexport)
        try work.write("Input/inbox/logo.csv", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        try work.write("Input/inbox/notes.csv", "colour,size\nred,L\n")
        var options = RunOptions()
        options.inputFolder = input
        options.configFolder = fixture + "/Config"
        options.outputFolder = try work.subfolder("Output")
        let summary = try #require(try InboxWatcher(options: options, log: { _ in }).runOnce(runDate: "2026-12-02"))

        #expect(try fm.contentsOfDirectory(atPath: input + "/inbox").isEmpty)
        #expect(try fm.contentsOfDirectory(atPath: input + "/quarantine").sorted()
                == ["logo.csv", "logo.csv.reason.txt", "notes.csv", "notes.csv.reason.txt"])
        #expect(try String(contentsOfFile: input + "/quarantine/logo.csv.reason.txt", encoding: .utf8) == """
            \(input)/quarantine/logo.csv:1:1: error: the file is a PNG image, not CSV text
            The file was dropped into \(input)/inbox/ and not taken into \(input)/; the close ran without it.
            Fix or re-export it and drop it into the inbox again.

            """)
        #expect(try String(contentsOfFile: input + "/quarantine/notes.csv.reason.txt", encoding: .utf8).hasPrefix(
            "\(input)/quarantine/notes.csv:1:1: error: matches no table; closest is customers, which lacks customer_id"))
        // The replaced export is kept, byte for byte, in the day's archive.
        #expect(try String(contentsOfFile: input + "/archive/2026-12-02/orders.csv", encoding: .utf8) == original)
        #expect(try String(contentsOfFile: input + "/orders.csv", encoding: .utf8) == reexport)
        let findings = summary.imported.findings
        #expect(findings.filter { $0.code == "schema-drift" }.map(\.description)
                == ["\(input)/orders.csv:1: warning: schema drift: orders.csv replaces a file with another header: added \"comments\""])
        #expect(findings.filter { $0.code == "quarantined" }.map(\.file) == [input + "/quarantine/logo.csv", input + "/quarantine/notes.csv"])
        let quality = try String(contentsOfFile: summary.outputPath + "/data_quality.csv", encoding: .utf8)
        #expect(quality.contains("warning,\(input)/orders.csv,1,,,,\"schema drift: orders.csv replaces a file with another header: added \"\"comments\"\"\"\n"))
        // The close ran without the quarantined files, on the re-export.
        #expect(summary.imported.files.map { ($0.path as NSString).lastPathComponent } == ["employees.csv", "orders.csv", "payments.csv"])
    }

    @Test func aRunClearsWhatDeadRunsLeftAndRestoresOutputsMovedAside() throws {
        let out = try TemporaryFolder()
        defer { out.remove() }
        // A run killed while writing (its temporary folder), one killed between its two renames
        // (2024-01 moved aside, not yet replaced), and a leftover beside existing outputs.
        try out.write(".tmp-2024-02-4242/actuals_monthly.csv", "partial")
        try out.write(".old-2024-01-4343/actuals_monthly.csv", "january")
        try out.write("2023-12/actuals_monthly.csv", "december")
        try out.write(".old-2023-12-4444/actuals_monthly.csv", "older december")
        try OutputFolder(root: out.path).withLock(log: { _ in }) {}
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0 != ".salesclose.lock" }.sorted()
        #expect(left == ["2023-12", "2024-01"])
        #expect(try out.read("2024-01/actuals_monthly.csv") == "january")
        #expect(try out.read("2023-12/actuals_monthly.csv") == "december")
    }

    @Test func replacingExistingOutputsIsOneExchange() throws {
        let out = try TemporaryFolder()
        defer { out.remove() }
        let folder = OutputFolder(root: out.path)
        _ = try folder.replace("2024-01") { try Data("one".utf8).write(to: URL(fileURLWithPath: $0 + "/a.csv")) }
        _ = try folder.replace("2024-01") { try Data("two".utf8).write(to: URL(fileURLWithPath: $0 + "/a.csv")) }
        #expect(try out.read("2024-01/a.csv") == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["2024-01"])
    }
}
