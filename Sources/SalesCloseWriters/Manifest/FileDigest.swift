import Crypto
import Foundation

/// SHA-256 of a file, as lower-case hex.
public func sha256Hex(ofFile path: String) throws -> String {
    let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}
