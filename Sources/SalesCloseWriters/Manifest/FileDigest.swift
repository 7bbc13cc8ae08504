import Crypto
import Foundation

/// SHA-256 of a file, as lower-case hex. Read a megabyte at a time, so hashing a large output
/// (a million-row `rejects.csv`) holds no more of it in memory than that.
public func sha256Hex(ofFile path: String) throws -> String {
    guard let file = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
    defer { try? file.close() }
    var hasher = SHA256()
    while let block = try file.read(upToCount: 1 << 20), !block.isEmpty { hasher.update(data: block) }
    return hasher.finalize().map { String(format: "%02x", $0) }.joined()
}
