/// `[workbook]`: how much of each report the close pack shows.
public struct WorkbookSettings: Sendable, Equatable {
    /// Rows per table before its "others" line (`top_n`, at least 1).
    public var topN = 30
    /// Also write the full tables as detail sheets (`detail`); they are in the CSV tables anyway.
    public var detail = false
    public init() {}

    static var keys: [SettingKey<WorkbookSettings>] {
        [
            SettingKey("top_n", \.topN, .integer, check: { $0 >= 1 ? nil : "must be at least 1" }),
            SettingKey("detail", \.detail, .boolean),
        ]
    }
}
