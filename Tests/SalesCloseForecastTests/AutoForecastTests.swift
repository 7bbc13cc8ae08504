import Foundation
import PropertyBased
import Testing
@testable import SalesCloseForecast

@Suite struct AutoForecastTests {
    static let request = ForecastRequest(horizon: 12)

    static func expectWellFormed(_ forecast: SeriesForecast, horizon: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(forecast.mean.count == horizon, sourceLocation: sourceLocation)
        for step in 0..<horizon {
            let values = [forecast.lower[95]![step], forecast.lower[80]![step], forecast.mean[step],
                          forecast.upper[80]![step], forecast.upper[95]![step]]
            #expect(values.allSatisfy { $0.isFinite && $0 >= 0 }, "\(forecast.model) step \(step): \(values)", sourceLocation: sourceLocation)
            #expect(values == values.sorted(), "\(forecast.model) step \(step) not nested: \(values)", sourceLocation: sourceLocation)
        }
    }

    /// Any series of sales, including zeros, tiny and intermittent ones: finite, non-negative,
    /// nested forecasts of the requested length.
    @Test func forecastsAreWellFormedForAnySeries() async {
        let values = Gen.double(in: 0...1000).array(of: 0...60)
        let sales = values.map { series in series.map { $0 < 400 ? 0 : $0 } }
        await propertyCheck(count: 60, input: sales) { series in
            Self.expectWellFormed(autoForecast(series, request: Self.request), horizon: 12)
        }
    }

    /// Continuous sales with a random season, trend and noise: the ETS / Theta / combination path.
    @Test func forecastsAreWellFormedForContinuousSeries() async {
        let shapes = Gen.double(in: 0...1).array(of: 4)
        let lengths = Gen.int(in: 5...72)
        await propertyCheck(count: 40, input: shapes, lengths) { shape, length in
            let series = (0..<length).map { t -> Double in
                let season = 1 + shape[0] * sin(Double(t) * .pi / 6)
                let trend = 1 + (shape[1] - 0.5) * Double(t) / 24
                let noise = 1 + shape[2] * sin(Double(t * t) * 7.3 + shape[3] * 100)
                return max(0, 500 * season * trend * noise)
            }
            Self.expectWellFormed(autoForecast(series, request: Self.request), horizon: 12)
        }
    }

    /// Months before the last `maximumHistory` do not change the forecast.
    @Test func onlyTheMostRecentHistoryIsUsed() {
        let recent: [Double] = (0..<48).map { (t: Int) -> Double in
            let season: Double = 40 * sin(Double(t) * Double.pi / 6)
            return 300 + season + Double(t % 5)
        }
        let old: [Double] = (0..<30).map { (t: Int) -> Double in 9000 - 100 * Double(t) }
        let request = ForecastRequest(horizon: 6, maximumHistory: 48)
        let withOld = autoForecast(old + recent, request: request)
        let alone = autoForecast(recent, request: request)
        #expect(withOld.mean == alone.mean)
        #expect(withOld.residuals.count == 48)
        #expect(autoForecast(old + recent, request: ForecastRequest(horizon: 6)).mean != alone.mean)
    }

    @Test func emptyAndZeroSeriesForecastZero() {
        for series in [[], [0, 0, 0, 0, 0, 0, 0, 0]] as [[Double]] {
            let forecast = autoForecast(series, request: Self.request)
            #expect(forecast.mean == Array(repeating: 0, count: 12))
            #expect(forecast.model == "Naive")
            Self.expectWellFormed(forecast, horizon: 12)
        }
    }

    @Test func veryShortSeriesUseNaive() {
        let forecast = autoForecast([10, 12, 11], request: Self.request)
        #expect(forecast.model == "Naive")
        #expect(forecast.mean == Array(repeating: 11, count: 12))
    }

    @Test func shortSeriesUseNonSeasonalModels() {
        let series: [Double] = [100, 104, 99, 110, 108, 115, 117, 112, 121, 125, 123, 130, 128, 133, 137, 135, 140, 142]
        let forecast = autoForecast(series, request: Self.request)
        #expect(!forecast.model.hasPrefix("Seasonal"))
        #expect(!forecast.model.hasSuffix(",A)") && !forecast.model.hasSuffix(",M)"))
        Self.expectWellFormed(forecast, horizon: 12)
        #expect(forecast.mean[0] > 125 && forecast.mean[0] < 160)
    }

    @Test func intermittentSeriesUseCrostonFamily() {
        let steady: [Double] = [5, 0, 0, 6, 0, 0, 5, 0, 0, 0, 6, 0, 5, 0, 0, 6, 0, 0, 5, 0, 0, 5, 0, 6]
        #expect(autoForecast(steady, request: Self.request).model == "Croston")
        let lumpy: [Double] = [1, 0, 0, 40, 0, 0, 2, 0, 0, 0, 90, 0, 1, 0, 0, 30, 0, 0, 3, 0, 0, 60, 0, 2]
        #expect(autoForecast(lumpy, request: Self.request).model == "SBA")
        let dying: [Double] = [5, 0, 6, 0, 0, 5, 0, 7, 0, 5, 0, 0, 6, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        #expect(autoForecast(dying, request: Self.request).model == "TSB")
    }

    @Test func seasonalSeriesFollowTheSeason() {
        let forecast = autoForecast(RDatasets.airPassengers, request: Self.request)
        Self.expectWellFormed(forecast, horizon: 12)
        // July above November, as every year in the data.
        #expect(forecast.mean[6] > forecast.mean[10] * 1.2, "\(forecast.model): \(forecast.mean)")
        let backtest = forecast.backtest
        #expect(backtest?.mase != nil && backtest?.wape != nil && backtest?.smape != nil && backtest?.bias != nil)
    }

    @Test func negativeAndMissingValuesNeverLeakIntoForecasts() {
        var series = RDatasets.usAccidentalDeaths.map { $0 - 9000 }
        series[5] = .nan
        Self.expectWellFormed(autoForecast(series, request: Self.request), horizon: 12)
    }
}
