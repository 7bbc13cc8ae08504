import Testing
@testable import SalesCloseForecast

@Suite struct BacktestTests {
    @Test func windowsEndWithTheSeriesAndDoNotOverlap() {
        let series = (1...20).map(Double.init)
        let windows = RollingOrigin(series, origins: 3, horizon: 4, minimumTraining: 1).windows
        #expect(windows.map(\.training.count) == [8, 12, 16])
        #expect(windows.map(\.actual) == [[9, 10, 11, 12], [13, 14, 15, 16], [17, 18, 19, 20]])
        #expect(RollingOrigin(series, origins: 3, horizon: 4, minimumTraining: 10).windows.count == 2)
    }

    /// Hand-computed: forecasts 12, 8, 10 for actuals 10, 10, 0 with a MASE scale of 2.
    @Test func metricsAreHandChecked() throws {
        var accumulator = AccuracyAccumulator()
        accumulator.add(forecast: [12, 8], actual: [10, 10], scale: 2)
        accumulator.add(forecast: [10], actual: [0], scale: 2)
        let accuracy = try #require(accumulator.accuracy)
        let expectedSMAPE: Double = (4.0 / 22 + 4.0 / 18 + 2) / 3
        let smape = try #require(accuracy.smape)
        let bias = try #require(accuracy.bias)
        #expect(accuracy.wape == 0.7)
        #expect(abs(smape - expectedSMAPE) < 1e-12)
        #expect(accuracy.mase == 7.0 / 3)
        #expect(abs(bias - 0.5) < 1e-12, "over-forecast by 10 on actuals of 20 in all")
    }

    @Test func maseScaleIsSeasonalNaiveError() {
        let training: [Double] = [1, 2, 3, 4, 3, 5, 3, 6]
        // |3 − 1| + |5 − 2| + |3 − 3| + |6 − 4| = 7 over 4 differences.
        #expect(AccuracyAccumulator.maseScale(training, seasonLength: 4) == 1.75)
        #expect(AccuracyAccumulator.maseScale([1, 3, 2], seasonLength: 4) == 1.5, "lag 1 when shorter than a season")
    }

    @Test func perfectModelScoresZero() throws {
        let series = (0..<48).map { Double(($0 % 12) * 10 + 5) }
        let accuracy = try #require(backtest(series, model: SeasonalNaiveModel(seasonLength: 12), origins: 3, horizon: 3, seasonLength: 12))
        #expect(accuracy.wape == 0)
        #expect(accuracy.smape == 0)
        #expect(accuracy.bias == 0)
        #expect(accuracy.mase == nil, "a constant seasonal difference leaves MASE undefined")
    }

    @Test func noOriginMeansNoAccuracy() {
        #expect(backtest([1, 2], model: NaiveModel(), origins: 3, horizon: 3, seasonLength: 12) == nil)
    }
}
