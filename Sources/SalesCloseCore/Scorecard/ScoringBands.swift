/// How a KPI value becomes points: breakpoints (threshold, points) in increasing threshold order.
///
/// `step`: a band starts at its threshold, so a value gets the points of the last breakpoint
/// whose threshold is at or below it (exactly 1.00 with a breakpoint at 1.00 gets its points);
/// below the first threshold, the first breakpoint's points. `linear`: straight lines between
/// neighbouring breakpoints, the end points' values beyond them. Lower-is-better KPIs (overdue
/// share) simply have falling points.
public struct ScoringBands: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable { case step, linear }

    public var breakpoints: [(threshold: Double, points: Double)]

    public init(_ breakpoints: [(Double, Double)]) {
        self.breakpoints = breakpoints.map { (threshold: $0.0, points: $0.1) }
    }

    public func points(for value: Double, mode: Mode) -> Double {
        guard let first = breakpoints.first else { return 0 }
        guard value >= first.threshold else { return first.points }
        var i = 0
        while i + 1 < breakpoints.count && breakpoints[i + 1].threshold <= value { i += 1 }
        let lower = breakpoints[i]
        guard mode == .linear, i + 1 < breakpoints.count else { return lower.points }
        let upper = breakpoints[i + 1]
        return lower.points + (upper.points - lower.points) * (value - lower.threshold) / (upper.threshold - lower.threshold)
    }

    public static func == (a: ScoringBands, b: ScoringBands) -> Bool {
        a.breakpoints.count == b.breakpoints.count
            && zip(a.breakpoints, b.breakpoints).allSatisfy { $0.threshold == $1.threshold && $0.points == $1.points }
    }
}
