import Foundation
import Glibc
import SalesCloseConfiguration
import SalesCloseCore
import SalesCloseImport

/// `salesclose watch`: analysts drop exports into `Input/inbox/`; each settled file is checked
/// and moved into the input folder, and the close is run again. A file is settled when its size
/// and modification time are the same at two polls in a row, so a file still being copied is
/// left alone.
///
/// - A file that cannot be read or classified (not text, unknown encoding, no table fits, a
///   required column missing) goes to `Input/quarantine/` with `<name>.reason.txt` saying what and
///   where; the close runs without it (a warning in its `data_quality.csv`).
/// - A file replacing one of the same name (a re-export) moves the old one to
///   `Input/archive/<run-date>/`, never deleting it; when their headers differ (columns added,
///   removed or renamed) the run has a schema-drift warning.
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

    public var quarantine: String { (options.inputFolder as NSString).appendingPathComponent("quarantine") }
    public func archive(runDate: String) -> String {
        (options.inputFolder as NSString).appendingPathComponent("archive/\(runDate)")
    }

    /// Checks `names` in the inbox and moves each into the input folder or the quarantine;
    /// returns the warnings for the run (quarantined files, schema drift).
    func collect(_ names: [String], configuration: Configuration, runDate: String) throws -> [Diagnostic] {
        let fm = FileManager.default
        let importer = Importer(configuration: configuration)
        var warnings: [Diagnostic] = []
        for name in names.sorted() {
            let source = (inbox as NSString).appendingPathComponent(name)
            let target = (options.inputFolder as NSString).appendingPathComponent(name)
            let check = importer.check(path: source)
            if let rejection = check.rejection {
                try fm.createDirectory(atPath: quarantine, withIntermediateDirectories: true)
                let parked = (quarantine as NSString).appendingPathComponent(name)
                if fm.fileExists(atPath: parked) { try fm.removeItem(atPath: parked) }
                try fm.moveItem(atPath: source, toPath: parked)
                var place = rejection.location
                place.file = parked
                let reason = "\(place): \(rejection.severity.rawValue): \(rejection.message)\n"
                    + "The file was dropped into \(inbox)/ and not taken into \(options.inputFolder)/; the close ran without it.\n"
                    + "Fix or re-export it and drop it into the inbox again.\n"
                try Data(reason.utf8).write(to: URL(fileURLWithPath: parked + ".reason.txt"))
                warnings.append(Diagnostic(.warning, code: "quarantined", at: place,
                                           message: "quarantined: \(rejection.message); see \(name).reason.txt"))
                log("quarantined \(name): \(rejection.message)")
                continue
            }
            if fm.fileExists(atPath: target) {
                let old = importer.check(path: target)
                if let drift = SchemaDrift(old: old.header, new: check.header), !old.header.isEmpty {
                    warnings.append(Diagnostic(.warning, code: "schema-drift", file: target, line: 1,
                                               message: "schema drift: \(name) replaces a file with another header: \(drift)"))
                }
                let archive = archive(runDate: runDate)
                try fm.createDirectory(atPath: archive, withIntermediateDirectories: true)
                var kept = (archive as NSString).appendingPathComponent(name)
                var n = 1
                while fm.fileExists(atPath: kept) {
                    n += 1
                    kept = (archive as NSString).appendingPathComponent("\((name as NSString).deletingPathExtension)-\(n).\((name as NSString).pathExtension)")
                }
                try fm.moveItem(atPath: target, toPath: kept)
                log("archived the replaced \(name) as \(kept)")
            }
            try fm.moveItem(atPath: source, toPath: target)
            log("took \(name) from the inbox")
        }
        return warnings
    }

    /// Takes every file in the inbox now and runs the close if there was any (for cron and tests).
    public func runOnce(runDate: String = InboxWatcher.today()) throws -> CloseRun.Summary? {
        let files = snapshot()
        guard !files.isEmpty else { log("inbox \(inbox) is empty"); return nil }
        let warnings = try collect(Array(files.keys), configuration: loadConfiguration(options.configFolder), runDate: runDate)
        return try CloseRun(options: options, log: log, inboxFindings: warnings).execute()
    }

    /// Today's date (UTC) as YYYY-MM-DD, the name of the day's archive folder.
    public static func today() -> String {
        let days = Int(Date().timeIntervalSince1970) / 86_400
        return Day(daysSinceEpoch: Int32(days)).description
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
                    let warnings = try collect(settled, configuration: loadConfiguration(options.configFolder),
                                               runDate: InboxWatcher.today())
                    let summary = try CloseRun(options: options, log: log, inboxFindings: warnings).execute()
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
