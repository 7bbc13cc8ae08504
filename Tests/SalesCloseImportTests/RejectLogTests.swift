import PropertyBased
import SalesCloseCore
import Testing
@testable import SalesCloseImport

/// Rejects beyond the first `keptInMemory` go to a temporary file: reading them back must give
/// exactly what was appended, and a copy of the log only what it held.
@Suite struct RejectLogTests {
    func reject(_ i: Int, _ text: String) -> Reject {
        switch i % 3 {
        case 0: Reject(file: "in/orders.csv", line: i + 2, column: i % 7 + 1, field: "order_date", value: text,
                       reason: "order_date \"\(text)\" is not a date")
        case 1: Reject(.warning, code: "file", at: Location(file: "多 文件.csv", line: nil, column: nil, record: i),
                       field: nil, value: "", message: "matches no table; \(text)")
        default: Reject(.error, code: "rejected-row", at: Location(file: "p.csv", line: i, column: 1),
                        field: "amount", value: nil, message: text)
        }
    }

    @Test func spilledRejectsReadBackExactly() async {
        await propertyCheck(count: 8, input: Gen.int(in: 0...5000), Gen.character(in: " "..."~").string(of: 0...40)) { extra, text in
            let all = (0..<(RejectLog.keptInMemory + extra)).map { reject($0, text + "，中文\($0)") }
            var log = RejectLog()
            for r in all { log.append(r) }
            log.finish()
            #expect(log.count == all.count)
            #expect(Array(log) == all)
            var longer = log
            longer.append(reject(all.count, text))
            longer.finish()
            #expect(Array(log) == all && Array(longer) == all + [reject(all.count, text)])
        }
    }

    @Test func aFewRejectsStayInMemory() {
        let log: RejectLog = [reject(0, "a"), reject(1, "b")]
        #expect(log.count == 2 && log.first == reject(0, "a"))
        #expect(log == [reject(0, "a"), reject(1, "b")])
        #expect(log != [reject(0, "a")])
    }
}
