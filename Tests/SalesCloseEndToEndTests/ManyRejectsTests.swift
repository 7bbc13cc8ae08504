import Crypto
import Foundation
import SalesCloseTestSupport
import Testing

/// A file of many bad rows (a wrong date format rejects every row): the rejects past those kept
/// in memory come back from the spill file, and past one written block from the next, so every
/// one is in `rejects.csv`, in file order, and the manifest's digest is that of the file written.
extension CommandLineTests {
    @Test func everyRejectOfTwentyThousandIsListedInOrder() throws {
        let work = try TemporaryFolder()
        defer { work.remove() }
        let bad = 20_000
        var orders = Self.header + "SO0,1,2026-10-01,C1,Acme,P1,1,10,10.00\n"
        for i in 1...bad { orders += "SO\(i),1,2026-10-\(i % 28 + 1)x,C1,Acme,P1,1,10,10.00\n" }
        try work.write("Input/orders.csv", orders)
        let input = work.path + "/Input", config = try work.subfolder("Config"), output = work.path + "/Output"
        let r = try run(["run", "--input", input, "--config", config, "--output", output, "--period", "2026-10"])
        #expect(r.status == 0)
        let path = output + "/2026-10/rejects.csv"
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(rows.count == bad)
        let inOrder = rows.map { $0.split(separator: ",")[1] } == (1...bad).map { "\($0 + 2)"[...] }
        #expect(inOrder, "each bad line once, in file order")
        #expect(rows.last?.hasPrefix("\(input)/orders.csv,\(bad + 2),3,2026-10-\(bad % 28 + 1)x,") == true)
        let outputs = try manifest(output + "/2026-10/manifest.json")["outputs"] as! [[String: Any]]
        let digest = SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))).map { String(format: "%02x", $0) }.joined()
        #expect(outputs.first { $0["path"] as? String == "rejects.csv" }?["sha256"] as? String == digest)
    }
}
