/// The daily flash report (营业日报) as of one day: month to date against the month's target
/// spread over its days, the projection to month end, the day against the same weekday last week
/// and last year, week to date, and the top movers against the same days last month.
///
/// - **Daily targets.** The month's revenue target of each key (`TargetPlan`) is split over the
///   month's days by `FlashSettings.Spread` with largest remainder, so the days sum to the month
///   exactly. `prior_year` weighs each day by the key's revenue 364 days earlier (the same
///   weekday last year); with no such revenue it falls back to working days, and says so.
///   `working_days` weighs Monday to Friday, except the holidays, equally (every day when none is left).
/// - **Projection** = MTD actual ÷ the share of the month's weights up to the as-of day (the
///   pattern's expectation of how much of the month is done); the run-rate = MTD actual ÷ days
///   elapsed × days in the month. Both rounded to the cent; projected achievement = projection ÷
///   month target.
/// - **Comparisons.** The day against the same weekday a week (7 days) and a year (364 days)
///   earlier: revenue, orders, customers, AOV. Week to date: the ISO week's Monday to the as-of
///   day, against the same weekdays a week earlier.
/// - **Movers.** SKUs, customers and salespeople by the change of MTD revenue against the same
///   days of last month (day 1 to the as-of day's number, capped at last month's length): the
///   `movers` largest rises and falls.
public struct FlashReport: Sendable {
    public static let levels: [ActualsLevel] = [.total, .region, .salesperson]
    public static let moverLevels: [ActualsLevel] = [.sku, .customer, .salesperson]

    public struct Row: Sendable {
        public var level: ActualsLevel
        public var key: NameID
        public var monthTarget: Money?
        public var mtdTarget: Money?
        public var mtd: DailyFigures
        public var achievement: Double?
        public var projection: Money
        public var projectedAchievement: Double?
        public var runRate: Money
        public var day: DailyFigures
        public var sameWeekdayLastWeek: DailyFigures
        public var sameWeekdayLastYear: DailyFigures
        public var weekToDate: DailyFigures
        public var weekToDateLastWeek: DailyFigures
        /// The spread used for this key's daily targets (prior_year may fall back to working_days).
        public var spread: FlashSettings.Spread
    }

    public struct DayRow: Sendable {
        public var day: Day
        public var level: ActualsLevel
        public var key: NameID
        public var target: Money?
        public var cumulativeTarget: Money?
        /// nil after the as-of day.
        public var actual: DailyFigures?
        public var cumulativeActual: Money?
    }

    public struct Mover: Sendable, Equatable {
        public var level: ActualsLevel
        public var key: NameID
        public var current: Money
        public var previous: Money
        public var change: Money { current - previous }
    }

    public let asOf: Day
    public let month: Month
    /// The configured spread (a row's own `spread` differs where prior_year fell back).
    public let spread: FlashSettings.Spread
    public let rows: [Row]
    public let days: [DayRow]
    /// Largest rises first, then largest falls, per mover level.
    public let movers: [Mover]
    /// Keys whose prior-year spread fell back to working days.
    public let notes: [String]

    public init(data: SalesData, plan: TargetPlan, asOf: Day, settings: FlashSettings = FlashSettings()) {
        self.asOf = asOf
        month = asOf.month
        spread = settings.spread
        let first = month.firstDay, last = month.lastDay
        let monthDays = (0...last.days(since: first)).map { first.adding(days: $0) }
        let ledger = DailyLedger(data: data, levels: Self.levels, from: first.adding(days: -364), through: asOf)
        let monday = asOf.adding(days: -asOf.isoWeekdayIndex)
        var rows: [Row] = [], days: [DayRow] = [], notes: [String] = []

        for level in Self.levels {
            var keys = Set(ledger.keys(at: level).filter { ledger.figures(LevelKey(level: level, key: $0), first...asOf).revenue != .zero || level == .total })
            keys.formUnion(plan.keys(.revenue, at: level, in: month...month))
            if level == .total { keys.insert(0) }
            for key in keys.sorted(by: { level.text(of: $0, names: data.names) < level.text(of: $1, names: data.names) }) {
                let lk = LevelKey(level: level, key: key)
                var spread = settings.spread
                var weights: [Int64] = []
                if spread == .priorYear {
                    let lastYear = ledger.revenueByDay(lk, first.adding(days: -364)...last.adding(days: -364))
                    weights = monthDays.map { max(0, lastYear[$0.adding(days: -364)] ?? 0) }
                    if !weights.contains(where: { $0 > 0 }) {
                        spread = .workingDays
                        notes.append("\(level.rawValue) \(level.text(of: key, names: data.names)): no sales on the same weekdays last year; the target is spread over working days")
                    }
                }
                if spread == .workingDays {
                    weights = monthDays.map { $0.isoWeekdayIndex < 5 && !settings.holidays.contains($0) ? 1 : 0 }
                    if !weights.contains(where: { $0 > 0 }) { weights = monthDays.map { _ in 1 } }
                }
                let monthTarget = plan.target(.revenue, level, key, in: month...month)
                let dailyTargets = monthTarget.map { largestRemainderSplit($0, weights: weights) }
                let elapsed = asOf.days(since: first) + 1
                let mtd = ledger.figures(lk, first...asOf)
                let mtdTarget = dailyTargets.map { $0.prefix(elapsed).reduce(0, +) }
                let weightSum = weights.reduce(0, +), weightDone = weights.prefix(elapsed).reduce(0, +)
                let runRate = roundedDivision(Int128(mtd.revenue.minorUnits) * Int128(monthDays.count), Int128(elapsed))
                let projection = weightDone > 0
                    ? roundedDivision(Int128(mtd.revenue.minorUnits) * Int128(weightSum), Int128(weightDone)) : runRate
                let byDay = ledger.revenueByDay(lk, first...asOf)
                var cumTarget: Int64 = 0, cumActual: Int64 = 0
                for (i, d) in monthDays.enumerated() {
                    cumTarget += dailyTargets?[i] ?? 0
                    let actual = d <= asOf ? ledger.figures(lk, d...d) : nil
                    if d <= asOf { cumActual += byDay[d] ?? 0 }
                    days.append(DayRow(day: d, level: level, key: key, target: dailyTargets.map { Money(minorUnits: $0[i]) },
                                       cumulativeTarget: dailyTargets == nil ? nil : Money(minorUnits: cumTarget),
                                       actual: actual, cumulativeActual: d <= asOf ? Money(minorUnits: cumActual) : nil))
                }
                rows.append(Row(
                    level: level, key: key, monthTarget: monthTarget.map(Money.init(minorUnits:)),
                    mtdTarget: mtdTarget.map(Money.init(minorUnits:)), mtd: mtd, achievement: ratio(mtd.revenue.minorUnits, mtdTarget),
                    projection: Money(minorUnits: projection), projectedAchievement: ratio(projection, monthTarget),
                    runRate: Money(minorUnits: runRate), day: ledger.figures(lk, asOf...asOf),
                    sameWeekdayLastWeek: ledger.figures(lk, asOf.adding(days: -7)...asOf.adding(days: -7)),
                    sameWeekdayLastYear: ledger.figures(lk, asOf.adding(days: -364)...asOf.adding(days: -364)),
                    weekToDate: ledger.figures(lk, monday...asOf),
                    weekToDateLastWeek: ledger.figures(lk, monday.adding(days: -7)...asOf.adding(days: -7)),
                    spread: spread))
            }
        }

        // Movers: MTD against the same days of last month.
        let previousMonth = month.advanced(by: -1)
        let previousLast = previousMonth.firstDay.adding(days: min(elapsedDays(asOf), Day.daysIn(year: previousMonth.year, month: previousMonth.month)) - 1)
        let moverLedger = DailyLedger(data: data, levels: Self.moverLevels, from: previousMonth.firstDay, through: asOf)
        var movers: [Mover] = []
        for level in Self.moverLevels {
            let text = { (k: NameID) in level.text(of: k, names: data.names) }
            let all = moverLedger.keys(at: level).map { k in
                Mover(level: level, key: k, current: moverLedger.figures(LevelKey(level: level, key: k), first...asOf).revenue,
                      previous: moverLedger.figures(LevelKey(level: level, key: k), previousMonth.firstDay...previousLast).revenue)
            }
            let rises = all.filter { $0.change > .zero }.sorted { ($1.change, text($0.key)) < ($0.change, text($1.key)) }
            let falls = all.filter { $0.change < .zero }.sorted { ($0.change, text($0.key)) < ($1.change, text($1.key)) }
            movers += rises.prefix(settings.movers) + falls.prefix(settings.movers)
        }
        self.rows = rows
        self.days = days
        self.movers = movers
        self.notes = notes
    }
}

/// The as-of day's number in its month (1 for the first).
private func elapsedDays(_ day: Day) -> Int { day.components.day }
