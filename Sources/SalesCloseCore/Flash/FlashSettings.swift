/// `[flash]`: how the month's target is spread over its days for the daily flash report.
public struct FlashSettings: Sendable, Equatable {
    public enum Spread: String, Sendable, CaseIterable {
        /// By last year's daily pattern of the same month, weekday-aligned: each day weighs what
        /// was sold 364 days (52 weeks) earlier, the same weekday.
        case priorYear = "prior_year"
        /// Equally over the working days: Monday to Friday, less the holidays.
        case workingDays = "working_days"
    }
    public var spread: Spread = .priorYear
    /// Days that are not working days (`[flash] holidays`, a file of ISO dates); used by `working_days`.
    public var holidays: Set<Day> = []
    /// How many top movers of each kind the flash lists, up and down.
    public var movers = 5
    public init(spread: Spread = .priorYear, holidays: Set<Day> = [], movers: Int = 5) {
        self.spread = spread; self.holidays = holidays; self.movers = movers
    }
}
