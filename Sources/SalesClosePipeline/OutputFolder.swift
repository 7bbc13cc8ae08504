import Foundation
import Glibc

/// Writes a run's outputs so they are never half-written: everything goes into a temporary
/// folder beside the destination, which replaces the destination by rename only when complete.
/// A lock file serialises concurrent runs on the same output folder (the second one waits).
public struct OutputFolder {
    public let root: String

    public init(root: String) { self.root = root }

    /// The folder that holds the diagnostics of the last run that read its inputs but could not close.
    public static let diagnosticsName = "diagnostics"

    /// Removes the diagnostics of an earlier failed run (call holding the lock, after a close was written).
    func removeDiagnostics() {
        try? FileManager.default.removeItem(atPath: (root as NSString).appendingPathComponent(OutputFolder.diagnosticsName))
    }

    /// Runs `body` holding the output folder's lock, waiting for another run to finish first.
    /// Holding it, clears what dead runs left at the top of the output folder.
    public func withLock<T>(log: (String) -> Void, _ body: () throws -> T) throws -> T {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let lockPath = (root as NSString).appendingPathComponent(".salesclose.lock")
        let fd = open(lockPath, O_CREAT | O_RDWR, 0o644)
        guard fd >= 0 else { throw PipelineError(exitCode: 1, "\(lockPath): error: cannot open lock file") }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            log("another run is writing to \(root); waiting for it to finish")
            guard flock(fd, LOCK_EX) == 0 else { throw PipelineError(exitCode: 1, "\(lockPath): error: cannot lock") }
        }
        defer { flock(fd, LOCK_UN) }
        clearStale(in: root)
        return try body()
    }

    /// Creates `root/.tmp-<name>-<pid>`, lets `fill` write into it, then swaps it in as `root/<name>`
    /// in one atomic exchange (renameat2 RENAME_EXCHANGE), so `root/<name>` is at every moment
    /// either the complete previous outputs or the complete new ones, even if the process is
    /// killed. On failure the temporary folder is removed and the previous `root/<name>` is untouched.
    /// Call holding the lock: folders left by runs that died are cleared first (see `clearStale`).
    public func replace(_ name: String, _ fill: (String) throws -> Void) throws -> String {
        let fm = FileManager.default
        let destination = (root as NSString).appendingPathComponent(name)
        let parent = (destination as NSString).deletingLastPathComponent
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        clearStale(in: parent)
        let leaf = (name as NSString).lastPathComponent
        let temporary = (parent as NSString).appendingPathComponent(".tmp-\(leaf)-\(getpid())")
        try? fm.removeItem(atPath: temporary)
        try fm.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        do {
            try fill(temporary)
        } catch {
            try? fm.removeItem(atPath: temporary)
            throw error
        }
        if fm.fileExists(atPath: destination), let exchange = OutputFolder.renameExchange,
           exchange(AT_FDCWD, temporary, AT_FDCWD, destination, 2 /* RENAME_EXCHANGE */) == 0 {
            try? fm.removeItem(atPath: temporary)   // now the previous outputs
            return destination
        }
        // No exchange (new destination, or a file system without it): move the previous outputs
        // aside, then rename; a run killed in between leaves `.old-…`, which the next run restores.
        let previous = (parent as NSString).appendingPathComponent(".old-\(leaf)-\(getpid())")
        if fm.fileExists(atPath: destination) { try fm.moveItem(atPath: destination, toPath: previous) }
        guard rename(temporary, destination) == 0 else {
            if fm.fileExists(atPath: previous) { try? fm.moveItem(atPath: previous, toPath: destination) }
            throw PipelineError(exitCode: 1, "\(destination): error: cannot move the outputs into place")
        }
        try? fm.removeItem(atPath: previous)
        return destination
    }

    /// Clears what runs that died (killed, power cut) left in `folder`: `.tmp-*` folders are
    /// removed; an `.old-<name>-<pid>` folder is moved back to `<name>` when that is missing (the
    /// run died between its two renames), else removed. Only call holding the lock: then no
    /// other run is writing here, so every such folder is stale.
    func clearStale(in folder: String) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = (folder as NSString).appendingPathComponent(entry)
            if entry.hasPrefix(".tmp-") {
                try? fm.removeItem(atPath: path)
            } else if entry.hasPrefix(".old-"), let dash = entry.lastIndex(of: "-"), dash > entry.index(entry.startIndex, offsetBy: 5) {
                let original = (folder as NSString).appendingPathComponent(String(entry[entry.index(entry.startIndex, offsetBy: 5)..<dash]))
                if fm.fileExists(atPath: original) { try? fm.removeItem(atPath: path) } else { try? fm.moveItem(atPath: path, toPath: original) }
            }
        }
    }

    /// Glibc's renameat2, looked up at run time (the Glibc module does not declare it).
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchange: RenameAt2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")
        .map { unsafeBitCast($0, to: RenameAt2.self) }
}
