import Foundation
import SalesCloseTestSupport
import Testing

/// Runs the real `salesclose` binary: exit codes and messages as a user or a scheduler sees them.
@Suite struct CommandLineTests {
    /// `.build/<config>/salesclose`: in the folder of the test bundle or the one above it.
    static let binary: String = {
        let here = Bundle.main.bundleURL
        let candidates = [here, here.deletingLastPathComponent()].map { $0.appendingPathComponent("salesclose").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()

    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    var fixture: String { GoldenRunTests.fixtures + "/foreign" }

    @Test func successfulRunExitsZeroAndSaysWhereTheOutputsAre() throws {
        let out = try TemporaryFolder()
        defer { out.remove() }
        let r = try run(["run", "--input", fixture + "/Input", "--config", fixture + "/Config", "--output", out.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("outputs for 2024-02 written to"))
        #expect(r.stderr.contains("orders.csv:8:14: error: unit_price \"0x1F\" is not a number"))
    }

    @Test func strictRunWithRejectedRowsExitsOne() throws {
        let out = try TemporaryFolder()
        defer { out.remove() }
        let r = try run(["run", "--strict", "--input", fixture + "/Input", "--config", fixture + "/Config", "--output", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("--strict"))
        // No close folder; the diagnostics of the failed run, where its last message says.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") } == ["diagnostics"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path + "/diagnostics").sorted()
                == ["data_quality.csv", "manifest.json", "rejects.csv"])
        #expect(r.stderr.hasSuffix("rejects.csv, data_quality.csv and manifest.json are in \(out.path)/diagnostics/\n"))
    }

    /// A finding of the calculations (a shipment of a cancelled line), not of the import, fails a
    /// strict run too, though the figures' tables are written while the forecasts run: the close
    /// before it stays as it was, with no table of the failed run.
    @Test func strictRunWithACalculationFindingKeepsTheEarlierClose() throws {
        let work = try TemporaryFolder()
        defer { work.remove() }
        try work.write("Input/orders.csv", "order_id,line_no,order_date,customer_id,customer_name,sku,quantity,unit_price,amount,status\n"
                       + "SO1,1,2026-09-03,C1,Acme,P1,2,10,20.00,open\nSO2,1,2026-10-03,C2,Beta,P1,1,10,10.00,cancelled\n")
        try work.write("Input/shipments.csv", "order_id,line_no,ship_date,quantity\nSO2,1,2026-10-05,1\n")
        let input = work.path + "/Input", config = try work.subfolder("Config"), output = work.path + "/Output"
        let arguments = ["run", "--input", input, "--config", config, "--output", output, "--period", "2026-10"]
        #expect(try run(arguments).status == 0)
        let close = output + "/2026-10"
        let before = try FileManager.default.contentsOfDirectory(atPath: close).sorted().map {
            try Data(contentsOf: URL(fileURLWithPath: close + "/" + $0))
        }
        try work.write("Input/orders.csv", "order_id,line_no,order_date,customer_id,customer_name,sku,quantity,unit_price,amount,status\n"
                       + "SO1,1,2026-09-03,C1,Acme,P1,2,10,20.00,open\nSO2,1,2026-10-03,C2,Beta,P1,3,10,30.00,cancelled\n")
        let strict = try run(arguments + ["--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("\(input)/shipments.csv:2: warning: shipment of cancelled order SO2 line 1 is excluded from shipped value"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: close).sorted().map {
            try Data(contentsOf: URL(fileURLWithPath: close + "/" + $0))
        } == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).filter { !$0.hasPrefix(".") }.sorted() == ["2026-10", "diagnostics"])
        let quality = try String(contentsOfFile: output + "/diagnostics/data_quality.csv", encoding: .utf8)
        #expect(quality.contains("shipment of cancelled order SO2 line 1"))
    }

    @Test func usageAndConfigurationErrorsExitTwo() throws {
        #expect(try run(["run", "--period", "2024-13"]).status == 2)
        #expect(try run(["frobnicate"]).status == 2)
        let config = try TemporaryFolder()
        defer { config.remove() }
        try config.write("salesclose.toml", "[abc]\na = 0.99\nb = 0.5\n")
        let r = try run(["config", "--config", config.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("abc: thresholds must satisfy 0 < a < b <= 1"))
        try config.write("salesclose.toml", "[forecast]\nlevels = [\"region*planet\"]\n")
        let levels = try run(["config", "--config", config.path])
        #expect(levels.status == 2)
        #expect(levels.stderr.contains("forecast.levels: \"region*planet\" is not total"))
        try config.write("salesclose.toml", "[abc\n")
        #expect(try run(["config", "--config", config.path]).stderr.contains("salesclose.toml:1:"))
    }

    @Test func configMayNameTheTomlFileButMustExist() throws {
        let out = try TemporaryFolder()
        defer { out.remove() }
        let r = try run(["run", "--input", fixture + "/Input", "--config", fixture + "/Config/salesclose.toml", "--output", out.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("outputs for 2024-02 written to"))
        let missing = try run(["run", "--input", fixture + "/Input", "--config", fixture + "/Konfig", "--output", out.path])
        #expect(missing.status == 2)
        #expect(missing.stderr == "\(fixture)/Konfig: error: configuration folder not found\n")
        let missingFile = try run(["config", "--config", fixture + "/Config/salesclose.tml.toml"])
        #expect(missingFile.status == 2)
        #expect(missingFile.stderr == "\(fixture)/Config/salesclose.tml.toml: error: configuration file not found\n")
    }

    @Test func unknownKeyExitsTwoWithPlaceAndSuggestion() throws {
        let config = try TemporaryFolder()
        defer { config.remove() }
        let file = try config.write("salesclose.toml", "[abc]\nwindows_months = 6\n")
        let r = try run(["run", "--input", fixture + "/Input", "--config", config.path, "--output", config.path])
        #expect(r.status == 2)
        #expect(r.stderr == "\(file):2:1: error: unknown key `windows_months` in [abc]; did you mean `window_months`?\n")
    }

    @Test func aConfiguredColumnTheFileLacksFailsUnderStrict() throws {
        let work = try TemporaryFolder()
        defer { work.remove() }
        let shopify = GoldenRunTests.fixtures + "/shopify"
        var toml = try String(contentsOfFile: shopify + "/Config/salesclose.toml", encoding: .utf8)
        toml += "region = \"Shipping Province\"\n"
        try work.write("Config/salesclose.toml", toml)
        let args = ["run", "--input", shopify + "/Input", "--config", work.path + "/Config", "--output", work.path + "/Output",
                    "--period", "2026-10"]
        let warned = try run(args)
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("\(shopify)/Input/orders_export_1.csv:1: warning: configured column \"Shipping Province\" for region ([tables.orders.columns]) is not in the header; region is read as empty\n"))
        let strict = try run(args + ["--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("configured column \"Shipping Province\" for region"))
    }

    @Test func configPrintsTheConfigurationInEffect() throws {
        let r = try run(["config", "--config", fixture + "/Config"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("order_id = \"orderNumber\""))
        #expect(r.stdout.contains("allocation = \"prior_year\""))
        #expect(r.stdout.contains("[[lookups]]"))
    }

    @Test func everyCommandHasHelp() throws {
        for command in ["inspect", "run", "forecast", "watch", "validate", "config"] {
            let r = try run([command, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("USAGE: salesclose \(command)"))
        }
    }
}
