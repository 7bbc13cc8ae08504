import Foundation
import SalesCloseConfiguration
import SalesCloseImport

/// libFuzzer entry point over the reader and the importer (built and run by `scripts/fuzz.sh`).
///
/// The first byte picks the reading settings (delimiter, encoding, dialect), the rest is one
/// input file. Every input must import without crashing, and every file's rows must be
/// accounted for: a broken count traps, and libFuzzer keeps the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func salesCloseFuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: data, count: count)
    let folder = FuzzFolder.shared
    FileManager.default.createFile(atPath: folder.input + "/input.csv", contents: Data(bytes[1...]))
    let result: ImportResult
    do {
        result = try Importer(configuration: FuzzFolder.configuration(bytes[0])).run(inputFolder: folder.input,
                                                                                     configFolder: folder.config)
    } catch {
        return 0
    }
    for file in result.files {
        precondition(file.rowsRead == file.accepted + file.rejected, "rows read \(file.rowsRead) ≠ accepted + rejected")
        precondition(file.superseded <= file.accepted, "more duplicates than accepted rows")
    }
    precondition(result.rejects.allSatisfy { ($0.line ?? 0) >= 1 && ($0.column ?? 0) >= 1 }, "a reject without a place")
    return 0
}

/// The per-process folders the fuzzer writes its input into (in memory when /dev/shm exists).
final class FuzzFolder: Sendable {
    static let shared = FuzzFolder()
    let input: String
    let config: String

    private init() {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let root = "\(base)/salesclose-fuzz-\(getpid())"
        input = root + "/Input"
        config = root + "/Config"
        try? FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
    }

    /// Settings chosen by one byte: detection alone, or the orders table forced by name with a
    /// delimiter, an encoding and a date pattern.
    static func configuration(_ selector: UInt8) -> Configuration {
        var config = Configuration()
        guard selector & 1 == 1 else { return config }
        config[.orders].files = ["input.csv"]
        config[.orders].delimiter = [Delimiter.comma, .semicolon, .tab, nil][Int(selector >> 1) & 3]
        config[.orders].encoding = [nil, InputEncoding.utf8, .gb18030, .windows1252, .utf16LE, .utf16BE, nil, nil][Int(selector >> 3) & 7]
        if selector & 0x40 != 0 { config[.orders].dateFormat = DatePattern("DD.MM.YYYY")! }
        if selector & 0x80 != 0 { config[.orders].decimal = .comma }
        return config
    }
}
