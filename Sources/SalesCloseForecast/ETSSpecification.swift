/// One member of the exponential-smoothing state-space family, named as in Hyndman et al. (2008):
/// ETS(error, trend, season), e.g. ETS(M,Ad,M).
public struct ETSSpecification: Hashable, Sendable, CustomStringConvertible {
    public enum ErrorType: Sendable { case additive, multiplicative }
    public enum TrendType: Sendable { case none, additive, damped }
    public enum SeasonType: Sendable { case none, additive, multiplicative }

    public var error: ErrorType
    public var trend: TrendType
    public var season: SeasonType

    public init(error: ErrorType, trend: TrendType, season: SeasonType) {
        self.error = error
        self.trend = trend
        self.season = season
    }

    public var description: String {
        let e = error == .additive ? "A" : "M"
        let t = switch trend { case .none: "N"; case .additive: "A"; case .damped: "Ad" }
        let s = switch season { case .none: "N"; case .additive: "A"; case .multiplicative: "M" }
        return "ETS(\(e),\(t),\(s))"
    }

    var hasTrend: Bool { trend != .none }
    var hasSeason: Bool { season != .none }
    var isMultiplicative: Bool { error == .multiplicative || season == .multiplicative }

    /// The candidates R's `ets()` considers by default (`restrict = TRUE`, no multiplicative
    /// trend): additive error is never combined with a multiplicative season, and
    /// multiplicative forms need strictly positive data.
    static func candidates(seasonal: Bool, positiveData: Bool) -> [ETSSpecification] {
        let errors: [ErrorType] = positiveData ? [.additive, .multiplicative] : [.additive]
        let trends: [TrendType] = [.none, .additive, .damped]
        var seasons: [SeasonType] = [.none]
        if seasonal { seasons += positiveData ? [.additive, .multiplicative] : [.additive] }
        var result: [ETSSpecification] = []
        for error in errors {
            for trend in trends {
                for season in seasons where !(error == .additive && season == .multiplicative) {
                    result.append(ETSSpecification(error: error, trend: trend, season: season))
                }
            }
        }
        return result
    }
}
