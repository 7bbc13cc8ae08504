import Foundation
import SalesCloseTestSupport
import Testing

/// One bad file never stops the close, and a run that reads its inputs always leaves its
/// diagnostics: the acceptance runs of issue 10, through the real binary.
extension CommandLineTests {
    static let header = "order_id,line_no,order_date,customer_id,customer_name,sku,quantity,unit_price,amount\n"

    func manifest(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    @Test func goodFileClosesBesideAnUnterminatedQuoteAndAPNG() throws {
        let work = try TemporaryFolder()
        defer { work.remove() }
        try work.write("Input/orders-a.csv", Self.header + "SO1,1,2026-09-03,C1,Acme,P1,2,10,20.00\nSO2,1,2026-10-03,C2,Beta,P1,1,10,10.00\n")
        try work.write("Input/orders-b.csv", Self.header + "SO3,1,2026-10-04,C1,Acme,P1,2,10,20.00\nSO4,1,2026-10-05,C2,\"Beta,P1,1,10,10.00\n")
        try work.write("Input/logo.csv", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])
        let input = work.path + "/Input", config = try work.subfolder("Config"), output = work.path + "/Output"
        let r = try run(["run", "--input", input, "--config", config, "--output", output, "--period", "2026-10"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("\(input)/orders-b.csv:3:5: error: unterminated quoted field: the quote opened in field 5 of line 3 is never closed"))
        #expect(r.stderr.contains("\(input)/logo.csv:1:1: error: the file is a PNG image, not CSV text"))
        let rejects = try String(contentsOfFile: output + "/2026-10/rejects.csv", encoding: .utf8)
        #expect(rejects == """
            file,line,column,value,reason,field
            \(input)/logo.csv,1,1,,"the file is a PNG image, not CSV text",
            \(input)/orders-b.csv,3,5,"SO4,1,2026-10-05,C2",unterminated quoted field: the quote opened in field 5 of line 3 is never closed,

            """)
        let quality = try String(contentsOfFile: output + "/2026-10/data_quality.csv", encoding: .utf8)
        #expect(quality.contains("error,\(input)/logo.csv,1,1,,,\"file not read: the file is a PNG image, not CSV text\"\n"))
        let m = try manifest(output + "/2026-10/manifest.json")
        let inputs = m["inputs"] as! [[String: Any]]
        #expect(inputs.map { "\($0["role"]!) \($0["rows_read"]!) \($0["accepted"]!) \($0["rejected"]!)" }
                == ["rejected 0 0 0", "table 2 2 0", "table 2 1 1"])
        let actuals = try String(contentsOfFile: output + "/2026-10/actuals_monthly.csv", encoding: .utf8)
        #expect(actuals.contains("2026-10,total,total,30.00,"))   // SO2 + SO3; SO4 rejected

        let strict = try run(["run", "--strict", "--input", input, "--config", config, "--output", output, "--period", "2026-10"])
        #expect(strict.status == 1)
        #expect(try String(contentsOfFile: output + "/2026-10/rejects.csv", encoding: .utf8) == rejects)
        #expect(try String(contentsOfFile: output + "/diagnostics/rejects.csv", encoding: .utf8) == rejects)
        #expect(try manifest(output + "/diagnostics/manifest.json")["status"] as? String == "failed")
    }

    @Test func onlyOrdersFileLackingARequiredColumnExitsOneWithDiagnostics() throws {
        let work = try TemporaryFolder()
        defer { work.remove() }
        try work.write("Config/salesclose.toml", "[tables.orders]\nfiles = [\"orders*.csv\"]\n")
        try work.write("Input/orders.csv", "order_id,order_date,customer_id,quantity,amount\nSO1,2026-09-03,C1,2,20.00\nSO2,2026-10-03,C2,1,10.00\n")
        let input = work.path + "/Input", output = work.path + "/Output"
        let r = try run(["run", "--input", input, "--config", work.path + "/Config", "--output", output])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(input): error: no order lines were read; nothing to close\nthe close was not written (earlier outputs are unchanged); rejects.csv, data_quality.csv and manifest.json are in \(output)/diagnostics/\n"))
        let rejects = try String(contentsOfFile: output + "/diagnostics/rejects.csv", encoding: .utf8)
        let reason = #""orders file lacks required column(s) sku; headers found: ""order_id"", ""order_date"", ""customer_id"", ""quantity"", ""amount""""#
        #expect(rejects == "file,line,column,value,reason,field\n\(input)/orders.csv,1,1,\"order_id,order_date,customer_id,quantity,amount\",\(reason),\n")
        let m = try manifest(output + "/diagnostics/manifest.json")
        #expect(m["status"] as? String == "failed")
        let file = (m["inputs"] as! [[String: Any]])[0]
        #expect("\(file["role"]!) \(file["table"]!) \(file["rows_read"]!) \(file["accepted"]!) \(file["rejected"]!) \(file["duplicate"]!)"
                == "rejected orders 2 0 2 0")
        #expect((m["totals"] as! [String: Int])["rows_rejected"] == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).filter { !$0.hasPrefix(".") } == ["diagnostics"])
    }
}

extension CommandLineTests {
    /// The acceptance run of the encodings: a Windows-1252 export closes with its names exact,
    /// detected, and the same with `encoding` set; the manifest says which and from where.
    @Test func windows1252ExportClosesWithExactNamesDetectedAndConfigured() throws {
        let text = "order_id,order_date,customer_id,customer_name,sku,product_name,quantity,amount\r\n"
            + "W1,2026-10-01,C1,Müller & Söhne,P1,Kaffee,1,10.00\r\nW2,2026-10-02,C2,Café Ñandú,P2,½ Preis,2,5.50\r\n"
        let bytes = text.unicodeScalars.map { $0 == "½" ? UInt8(0xBD) : UInt8($0.value) }
        for config in ["", "[tables.orders]\nfiles = [\"orders*.csv\"]\nencoding = \"windows-1252\"\n"] {
            let work = try TemporaryFolder()
            defer { work.remove() }
            try work.write("Input/orders-west.csv", bytes: bytes)
            try work.write("Config/salesclose.toml", config)
            let output = work.path + "/Output"
            let r = try run(["run", "--input", work.path + "/Input", "--config", work.path + "/Config", "--output", output,
                             "--period", "2026-10"])
            #expect(r.status == 0)
            let input = try #require((try manifest(output + "/2026-10/manifest.json")["inputs"] as? [[String: Any]])?.first)
            #expect(input["encoding"] as? String == "windows-1252")
            #expect(input["encoding_source"] as? String == (config.isEmpty ? "detected" : "configured"))
            let customers = try String(contentsOfFile: output + "/2026-10/abc_customers.csv", encoding: .utf8)
            #expect(customers.contains("\nC1,Müller & Söhne,10.00,"))
            #expect(customers.contains("\nC2,Café Ñandú,5.50,"))
            let products = try String(contentsOfFile: output + "/2026-10/abc_products.csv", encoding: .utf8)
            #expect(products.contains("\nP2,½ Preis,5.50,"))
        }
    }
}
