import Foundation
import SalesClosePipeline
import Synchronization
import Testing

@Suite struct ProgressLineTests {
    final class Sink: Sendable {
        let text = Mutex("")
        func write(_ s: String) { text.withLock { $0 += s } }
        var value: String { text.withLock { $0 } }
    }

    /// Not on a terminal (cron, CI, a pipe): log lines only, no control characters, no live line.
    @Test func plainLinesWhenNotATerminal() {
        let sink = Sink()
        let progress = ProgressLine(live: false) { sink.write($0) }
        progress.begin("reading", unit: .bytes, total: 10_000_000)
        progress.advance(by: 5_000_000, rows: 1000, detail: "orders.csv")
        progress.log("imported 1 file")
        progress.end()
        #expect(sink.value == "imported 1 file\n")
    }

    /// On a terminal: the live line is drawn, cleared before a log line, redrawn after it, and
    /// cleared at the end; it names the phase, the file and the amounts.
    @Test func liveLineOnATerminal() {
        let sink = Sink()
        let progress = ProgressLine(live: true) { sink.write($0) }
        progress.begin("reading", unit: .bytes, total: 231_000_000)
        progress.log("read orders.csv")
        progress.end()
        let out = sink.value
        #expect(out.hasPrefix("\r\u{1B}[Kreading · 0 of 231 MB · 0.0 s"))
        #expect(out.contains("\r\u{1B}[Kread orders.csv\n\r\u{1B}[Kreading · 0 of 231 MB"))
        #expect(out.hasSuffix("\r\u{1B}[K"))
    }

    @Test func smallInputsInKilobytes() {
        let sink = Sink()
        let progress = ProgressLine(live: true) { sink.write($0) }
        progress.begin("reading", unit: .bytes, total: 48_200)
        #expect(sink.value.contains("reading · 0 of 48 kB"))
    }

    @Test func itemsAndGrouping() {
        let sink = Sink()
        let progress = ProgressLine(live: true) { sink.write($0) }
        progress.begin("forecasting", unit: .items("series"), total: 20_033)
        #expect(sink.value.contains("forecasting · 0 of 20,033 series"))
        progress.begin("calculating the close", unit: .items("series"), total: 0)
        #expect(sink.value.hasSuffix("\r\u{1B}[Kcalculating the close · 0.0 s"))
    }
}
