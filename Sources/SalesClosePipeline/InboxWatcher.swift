import Foundation
import Glibc

/// `salesclose watch`: analysts drop exports into `Input/inbox/`; each settled file is moved into
/// the input folder (replacing a file of the same name: a re-export) and the close is run again.
/// A file is settled when its size and modification time are the same at two polls in a row, so a
/// file still being copied is left alone.
public struct InboxWatcher {
    public let options: RunOptions
    public let log: (String) -> Void

    public init(options: RunOptions, log: @escaping (String) -> Void) { self.options = options; self.log = log }

    public var inbox: String { (options.inputFolder as NSString).appendingPathComponent("inbox") }

    /// What the inbox holds now: CSV file name → (size, modification time).
    func snapshot() -> [String: [Int]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? []
        var result: [String: [Int]] = [:]
        for name in names where name.lowercased().hasSuffix(".csv") && !name.hasPrefix(".") {
            var info = stat()
            guard stat((inbox as NSString).appendingPathComponent(name), &info) == 0 else { continue }
            result[name] = [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
        }
        return result
    }

    /// Moves `names` from the inbox into the input folder.
    func collect(_ names: [String]) throws {
        let fm = FileManager.default
        for name in names.sorted() {
            let target = (options.inputFolder as NSString).appendingPathComponent(name)
            if fm.fileExists(atPath: target) { try fm.removeItem(atPath: target) }
            try fm.moveItem(atPath: (inbox as NSString).appendingPathComponent(name), toPath: target)
            log("took \(name) from the inbox")
        }
    }

    /// Takes every file in the inbox now and runs the close if there was any (for cron and tests).
    public func runOnce() throws -> CloseRun.Summary? {
        let files = snapshot()
        guard !files.isEmpty else { log("inbox \(inbox) is empty"); return nil }
        try collect(Array(files.keys))
        return try CloseRun(options: options, log: log).execute()
    }

    /// Polls the inbox every `interval` seconds until the process is stopped. A failed run is
    /// reported and the watch goes on (the previous outputs stay in place).
    public func watch(interval: Double) throws -> Never {
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        log("watching \(inbox) every \(interval) s")
        var previous: [String: [Int]] = [:]
        while true {
            let current = snapshot()
            let settled = current.filter { previous[$0.key] == $0.value }.map(\.key)
            if !settled.isEmpty {
                do {
                    try collect(settled)
                    let summary = try CloseRun(options: options, log: log).execute()
                    log("outputs for \(summary.period) written to \(summary.outputPath)")
                } catch {
                    log("\(error)")
                }
            }
            previous = current.filter { !settled.contains($0.key) }
            usleep(UInt32(interval * 1_000_000))
        }
    }
}
