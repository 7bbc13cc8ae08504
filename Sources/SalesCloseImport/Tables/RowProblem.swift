/// Why one row could not be read, and where: becomes a line of `rejects.csv`.
public struct RowProblem: Error, Sendable {
    /// 1-based column number.
    public var column: Int
    public var field: String
    public var value: String
    public var reason: String
}
