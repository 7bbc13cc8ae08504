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
        return try body()
    }

    /// Creates `root/.tmp-<name>-<pid>`, lets `fill` write into it, then swaps it in as `root/<name>`.
    /// On failure the temporary folder is removed and the previous `root/<name>` is untouched.
    public func replace(_ name: String, _ fill: (String) throws -> Void) throws -> String {
        let fm = FileManager.default
        let destination = (root as NSString).appendingPathComponent(name)
        let parent = (destination as NSString).deletingLastPathComponent
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
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
        let previous = (parent as NSString).appendingPathComponent(".old-\(leaf)-\(getpid())")
        if fm.fileExists(atPath: destination) { try fm.moveItem(atPath: destination, toPath: previous) }
        guard rename(temporary, destination) == 0 else {
            if fm.fileExists(atPath: previous) { try? fm.moveItem(atPath: previous, toPath: destination) }
            throw PipelineError(exitCode: 1, "\(destination): error: cannot move the outputs into place")
        }
        try? fm.removeItem(atPath: previous)
        return destination
    }
}
