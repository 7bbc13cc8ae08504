import Foundation

/// Hand-rolled parsing of `--name value` options and `--help`.
struct CommandLineOptions {
    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    private var values: [String: String] = [:]
    let wantsHelp: Bool

    /// Parses `arguments`, accepting only the option names in `allowed`.
    init(_ arguments: ArraySlice<String>, allowed: Set<String>) throws {
        var help = false
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "--help" || argument == "-h" {
                help = true
                continue
            }
            guard argument.hasPrefix("--"), allowed.contains(String(argument.dropFirst(2))) else {
                throw UsageError(description: "unknown argument '\(argument)'")
            }
            guard let value = iterator.next() else {
                throw UsageError(description: "\(argument) needs a value")
            }
            values[String(argument.dropFirst(2))] = value
        }
        wantsHelp = help
    }

    func string(_ name: String) -> String? { values[name] }

    func requiredString(_ name: String) throws -> String {
        guard let value = values[name] else { throw UsageError(description: "--\(name) is required") }
        return value
    }

    func integer(_ name: String, default fallback: Int? = nil) throws -> Int {
        guard let text = values[name] else {
            if let fallback { return fallback }
            throw UsageError(description: "--\(name) is required")
        }
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")), value >= 0 else {
            throw UsageError(description: "--\(name) expects a non-negative integer, got '\(text)'")
        }
        return value
    }
}
