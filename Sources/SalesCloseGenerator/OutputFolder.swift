import Foundation

/// Creates the folders the generator writes into, with a readable error.
enum OutputFolder {
    static func create(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CSVByteWriter.WriteError(description: "cannot create folder \(path): \(error.localizedDescription)")
        }
    }
}
