import Foundation
import Synchronization

/// Progress of long work on stderr. On a terminal one live line, rewritten in place at most five
/// times a second, tells what the current phase is doing: the file being read, MB read of the
/// total, MB/s and rows/s, elapsed time and an estimate of the time left; during forecasting,
/// series done of the total; while writing, tables written. Log lines are printed above it. When stderr is not a terminal (cron,
/// CI, a pipe) there is no live line: only the log lines, each as it comes. Nothing goes to stdout.
///
/// Safe to advance from several threads at once (the import's lanes, the forecasts').
public final class ProgressLine: Sendable {
    /// What a phase counts.
    /// What a phase counts: bytes read, or items of a kind (`series`, `tables`).
    public enum Unit: Sendable { case bytes, items(String) }

    private struct Phase {
        var title: String
        var unit: Unit
        var total: Int
        var done = 0
        var rows = 0
        var detail = ""
        var start = ContinuousClock.now
    }

    private struct State {
        var phase: Phase?
        var lastDraw = ContinuousClock.now - .seconds(1)
        var shown = false
    }

    private let isLive: Bool
    private let write: @Sendable (String) -> Void
    private let state = Mutex(State())

    /// A progress line on this process's stderr, live when stderr is a terminal.
    public static func standardError() -> ProgressLine {
        ProgressLine(live: isatty(STDERR_FILENO) == 1) { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// A progress line writing through `write`; live (redrawn in place) when `live`.
    public init(live: Bool, write: @escaping @Sendable (String) -> Void) {
        isLive = live
        self.write = write
    }

    /// Prints one log line (above the live line, which is redrawn after it).
    public func log(_ line: String) {
        state.withLock { s in
            write((s.shown ? "\r\u{1B}[K" : "") + line + "\n")
            s.shown = false
            if isLive, let phase = s.phase { draw(phase, &s) }
        }
    }

    /// Starts a phase of `total` units (0 when unknown); the previous phase's line is cleared.
    public func begin(_ title: String, unit: Unit, total: Int) {
        guard isLive else { return }
        state.withLock { s in
            s.phase = Phase(title: title, unit: unit, total: total)
            draw(s.phase!, &s)
        }
    }

    /// Adds `amount` units (and `rows` rows) done; `detail` names what is being worked on.
    public func advance(by amount: Int, rows: Int = 0, detail: String? = nil) {
        guard isLive else { return }
        state.withLock { s in
            guard s.phase != nil else { return }
            s.phase!.done += amount
            s.phase!.rows += rows
            if let detail { s.phase!.detail = detail }
            if ContinuousClock.now - s.lastDraw >= .milliseconds(200) { draw(s.phase!, &s) }
        }
    }

    /// Ends the phase and clears its live line.
    public func end() {
        guard isLive else { return }
        state.withLock { s in
            if s.shown { write("\r\u{1B}[K") }
            s.phase = nil
            s.shown = false
        }
    }

    private func draw(_ phase: Phase, _ s: inout State) {
        write("\r\u{1B}[K" + Self.text(of: phase, at: ContinuousClock.now))
        s.lastDraw = ContinuousClock.now
        s.shown = true
    }

    /// The live line of `phase` at `now`: `reading orders.csv · 120 of 231 MB · 46 MB/s ·
    /// 410,000 rows/s · 2.6 s · about 2.4 s left`.
    private static func text(of phase: Phase, at now: ContinuousClock.Instant) -> String {
        let elapsed = seconds(now - phase.start)
        var parts = [phase.detail.isEmpty ? phase.title : phase.title + " " + phase.detail]
        switch phase.unit {
        case .bytes:
            // A piece read again (its split did not join exactly) counts twice; the total caps it.
            let done = phase.total > 0 ? Swift.min(phase.done, phase.total) : phase.done
            // Inputs under 10 MB (a month's ERP export) are counted in kB, larger ones in MB.
            let (scale, unit) = Swift.max(phase.total, done) < 10_000_000 ? (1_000, "kB") : (1_000_000, "MB")
            parts.append(phase.total > 0 ? "\(done / scale) of \(phase.total / scale) \(unit)" : "\(done / scale) \(unit)")
            if elapsed > 0.2 {
                parts.append(String(format: "%.0f MB/s", Double(phase.done) / 1e6 / elapsed))
                if phase.rows > 0 { parts.append(grouped(Int(Double(phase.rows) / elapsed)) + " rows/s") }
            }
        case .items where phase.total == 0 && phase.done == 0:
            break   // nothing counted yet: the title and the time say enough
        case .items(let kind):
            parts.append(phase.total > 0 ? "\(grouped(phase.done)) of \(grouped(phase.total)) \(kind)" : "\(grouped(phase.done)) \(kind)")
        }
        parts.append(String(format: "%.1f s", elapsed))
        if phase.total > 0, phase.done > 0, phase.done < phase.total, elapsed > 0.5 {   // the rate so far holds
            parts.append(String(format: "about %.0f s left", elapsed * Double(phase.total - phase.done) / Double(phase.done)))
        }
        return parts.joined(separator: " · ")
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
