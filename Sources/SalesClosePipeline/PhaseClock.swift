import Foundation

/// Times the phases of a command and logs one plain line per phase on stderr:
/// `imported 3 files, 231 MB in 5.1 s (peak 423 MB)`. The benchmark reads these lines.
struct PhaseClock {
    private let clock = ContinuousClock()
    private var start: ContinuousClock.Instant
    private let log: (String) -> Void

    init(log: @escaping (String) -> Void) {
        self.log = log
        start = clock.now
    }

    /// Logs `what` with the time since the previous phase ended and the peak memory so far.
    mutating func end(_ what: String) {
        let d = (clock.now - start).components
        let seconds = Double(d.seconds) + Double(d.attoseconds) / 1e18
        log(String(format: "%@ in %.1f s", what, seconds) + (PhaseClock.peakResidentMB().map { " (peak \($0) MB)" } ?? ""))
        start = clock.now
    }

    /// The process's peak resident set size (`VmHWM` in /proc/self/status), in MB; nil where unknown.
    static func peakResidentMB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kB = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return nil }
        return kB / 1024
    }
}
