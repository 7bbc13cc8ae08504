import SalesCloseCore

/// `[flash]`: the daily flash report's settings.
public struct FlashConfiguration: Sendable, Equatable {
    public var spread: FlashSettings.Spread = .priorYear
    /// A file of holidays in the configuration folder (one ISO date per line; a `date` header and
    /// text after a comma are allowed), for `spread = "working_days"`; nil = none.
    public var holidaysFile: String?
    /// Rises and falls listed per kind of mover.
    public var movers = 5
    public init() {}

    static var keys: [SettingKey<FlashConfiguration>] {
        [
            SettingKey("spread", \.spread, .choice(FlashSettings.Spread.self)),
            SettingKey("holidays_file", \.holidaysFile, .string, unsetComment: "no holidays"),
            SettingKey("movers", \.movers, .integer, check: { (1...50).contains($0) ? nil : "must be 1 to 50" }),
        ]
    }
}
