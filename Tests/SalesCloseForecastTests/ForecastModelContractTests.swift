import Testing
@testable import SalesCloseForecast

/// The contract every model keeps: refitting forgets the earlier series (fit then predict equals
/// the one-shot forecast of a fresh model), one fitted value per observation, and intervals that
/// nest and contain the mean.
@Suite struct ForecastModelContractTests {
    static let seasonal = RDatasets.usAccidentalDeaths
    static let intermittent: [Double] = [5, 0, 0, 3, 0, 0, 0, 7, 0, 2, 0, 0, 4, 0, 0, 0, 0, 6, 0, 1, 0, 0, 3, 0, 0, 5, 0, 0, 0, 2]

    static let models: [any ForecastModel] = [
        NaiveModel(),
        SeasonalNaiveModel(seasonLength: 12),
        ETSModel(seasonLength: 12),
        ETSModel(seasonLength: 12, specification: .init(error: .additive, trend: .none, season: .none)),
        ETSModel(seasonLength: 12, specification: .init(error: .additive, trend: .damped, season: .additive)),
        ETSModel(seasonLength: 12, specification: .init(error: .multiplicative, trend: .additive, season: .multiplicative)),
        ETSModel(seasonLength: 12, specification: .init(error: .multiplicative, trend: .damped, season: .none)),
        ThetaModel(seasonLength: 12),
        DampedTrendModel(seasonLength: 12),
        CombinationModel(seasonLength: 12),
        CrostonModel(variant: .classic),
        CrostonModel(variant: .sba),
        CrostonModel(variant: .tsb),
    ]

    @Test(arguments: 0..<models.count)
    func contract(modelIndex: Int) throws {
        let model = Self.models[modelIndex]
        let series = model is CrostonModel ? Self.intermittent : Self.seasonal
        let other = model is CrostonModel ? Array(Self.seasonal.prefix(40)) : RDatasets.airPassengers
        let levels: [Double] = [80, 95]

        var reused = model
        try reused.fit(other)
        try reused.fit(series)
        let oneShot = try model.forecast(series, horizon: 18, levels: levels)
        #expect(reused.predict(horizon: 18, levels: levels) == oneShot, "\(reused.name): refit differs from one-shot")
        #expect(reused.fittedValues.count == series.count, "\(reused.name): fitted values")
        #expect(oneShot.mean.count == 18)
        for step in 0..<18 {
            let (low95, low80, high80, high95) = (oneShot.lower[95]![step], oneShot.lower[80]![step],
                                                  oneShot.upper[80]![step], oneShot.upper[95]![step])
            let mean = oneShot.mean[step]
            #expect(low95 <= low80 && low80 <= mean && mean <= high80 && high80 <= high95,
                    "\(reused.name) step \(step): \(low95) \(low80) \(mean) \(high80) \(high95)")
            #expect([low95, low80, mean, high80, high95].allSatisfy { $0.isFinite })
        }
    }

    @Test func multiplicativeFormsRejectZeros() {
        var model = ETSModel(seasonLength: 12, specification: .init(error: .multiplicative, trend: .none, season: .none))
        #expect(throws: ForecastError.nonPositiveValues) { try model.fit([3, 0, 4, 5, 6, 7, 8]) }
    }

    @Test func tooShortSeriesThrow() {
        var seasonalNaive = SeasonalNaiveModel(seasonLength: 12)
        #expect(throws: ForecastError.seriesTooShort(required: 13, actual: 12)) { try seasonalNaive.fit(Array(repeating: 1, count: 12)) }
        var ets = ETSModel(seasonLength: 12)
        #expect(throws: ForecastError.seriesTooShort(required: 5, actual: 4)) { try ets.fit([1, 2, 3, 4]) }
    }
}
