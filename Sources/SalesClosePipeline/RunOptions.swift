import SalesCloseCore

/// What a `run` was asked to do.
public struct RunOptions: Sendable {
    public var inputFolder = "Input"
    public var configFolder = "Config"
    public var outputFolder = "Output"
    /// nil = the last complete month in the data.
    public var period: Month?
    /// Data errors fail the run (exit 1) instead of being reported and skipped.
    public var strict = false
    public init() {}

    /// Sets `period` from `YYYY-MM`; false when the text is not a month.
    public mutating func setPeriod(_ text: String) -> Bool {
        guard let m = Month(text) else { return false }
        period = m
        return true
    }
}

/// A failure that ends a command, with the exit code SPEC gives it.
public struct PipelineError: Error, CustomStringConvertible {
    /// 1 = data errors under `--strict` or a failed run; 2 = usage or configuration error.
    public var exitCode: Int32
    public var description: String
    public init(exitCode: Int32, _ description: String) { self.exitCode = exitCode; self.description = description }
}
