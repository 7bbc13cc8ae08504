import Testing
@testable import SalesCloseForecast

@Suite struct ETSTests {
    @Test func candidatesFollowRsRestrictions() {
        let all = ETSSpecification.candidates(seasonal: true, positiveData: true)
        #expect(all.count == 15)
        #expect(!all.contains { $0.error == .additive && $0.season == .multiplicative })
        #expect(ETSSpecification.candidates(seasonal: false, positiveData: true).map(\.description)
                == ["ETS(A,N,N)", "ETS(A,A,N)", "ETS(A,Ad,N)", "ETS(M,N,N)", "ETS(M,A,N)", "ETS(M,Ad,N)"])
        #expect(ETSSpecification.candidates(seasonal: true, positiveData: false).allSatisfy { !$0.isMultiplicative })
    }

    @Test func linearSeriesIsExtrapolated() throws {
        let series = (0..<36).map { 50 + 2 * Double($0) }
        let forecast = try ETSModel(seasonLength: 12, specification: .init(error: .additive, trend: .additive, season: .none))
            .forecast(series, horizon: 6, levels: [80])
        for step in 0..<6 {
            #expect(abs(forecast.mean[step] - (50 + 2 * Double(36 + step))) < 0.5)
        }
    }

    @Test func aiccChoosesMultiplicativeSeasonForAirPassengers() throws {
        var model = ETSModel(seasonLength: 12)
        try model.fit(RDatasets.airPassengers)
        #expect(model.estimate?.specification.season == .multiplicative, "\(model.name)")
        #expect(model.estimate?.specification.error == .multiplicative, "\(model.name)")
    }

    @Test func seriesWithZerosGetAdditiveForms() throws {
        var series = RDatasets.usAccidentalDeaths
        series[10] = 0
        var model = ETSModel(seasonLength: 12)
        try model.fit(series)
        #expect(model.estimate.map { !$0.specification.isMultiplicative } == true, "\(model.name)")
    }

    @Test func intervalsWidenWithTheHorizon() throws {
        let forecast = try ETSModel(seasonLength: 12).forecast(RDatasets.usAccidentalDeaths, horizon: 24, levels: [80])
        let widths = (0..<24).map { forecast.upper[80]![$0] - forecast.lower[80]![$0] }
        #expect(widths[23] > widths[0])
    }
}
