/// Configuration problems, each named by file, line and column like a compiler
/// (`Config/salesclose.toml:7:1: error: unknown key `windows_months` in [abc]; did you mean `window_months`?`).
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        /// 1-based; nil when the problem is the file or folder itself.
        public var line: Int?
        public var column: Int?
        public var message: String
        public var description: String {
            let place = line.map { ":\($0):\(column ?? 1)" } ?? ""
            return "\(file)\(place): error: \(message)"
        }
    }

    /// In the order they appear in the file.
    public var problems: [Problem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }

    init(_ problems: [Problem]) { self.problems = problems }
    init(file: String, message: String) { problems = [Problem(file: file, line: nil, column: nil, message: message)] }
}
