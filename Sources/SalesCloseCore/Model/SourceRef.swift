/// Where a row came from: the index of its file in the run's file list and its 1-based line.
public struct SourceRef: Hashable, Sendable {
    public var file: Int32
    public var line: Int32
    public init(file: Int, line: Int) { self.file = Int32(file); self.line = Int32(line) }
}
