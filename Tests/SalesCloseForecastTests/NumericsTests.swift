import Foundation
import Testing
@testable import SalesCloseForecast

@Suite struct NumericsTests {
    @Test func normalQuantiles() {
        #expect(abs(Intervals.normalQuantile(0.9) - 1.2815515655446004) < 1e-8)
        #expect(abs(Intervals.normalQuantile(0.975) - 1.959963984540054) < 1e-8)
        #expect(abs(Intervals.normalQuantile(0.005) + 2.5758293035489004) < 1e-8)
    }

    @Test func empiricalIntervalsUseErrorQuantiles() {
        let forecast = Intervals.empirical(mean: [10], errors: (0...10).map { Double($0) - 3 }, levels: [80])
        #expect(abs(forecast.lower[80]![0] - 8) < 1e-12 && abs(forecast.upper[80]![0] - 16) < 1e-12)
    }

    @Test func nelderMeadFindsRosenbrockMinimum() {
        let result = NelderMead(maxEvaluations: 2000, relativeTolerance: 1e-14).minimize(start: [-1.2, 1], step: [0.5, 0.5]) { x in
            100 * pow(x[1] - x[0] * x[0], 2) + pow(1 - x[0], 2)
        }
        #expect(abs(result.point[0] - 1) < 1e-3 && abs(result.point[1] - 1) < 1e-3)
    }

    /// The absolute tolerance stops the search once the simplex's values span less than it.
    @Test func nelderMeadStopsAtTheAbsoluteTolerance() {
        func bowl(_ x: [Double]) -> Double { 1000 + x[0] * x[0] + x[1] * x[1] }
        let tight = NelderMead(maxEvaluations: 2000, relativeTolerance: 0).minimize(start: [3, 3], step: [1, 1], objective: bowl)
        let loose = NelderMead(maxEvaluations: 2000, relativeTolerance: 0, absoluteTolerance: 0.01)
            .minimize(start: [3, 3], step: [1, 1], objective: bowl)
        #expect(loose.evaluations < tight.evaluations)
        #expect(loose.value - 1000 < 0.05)
    }

    @Test func seasonalityTestSeparatesSeasonalFromNoise() {
        #expect(hasSignificantSeasonality(RDatasets.airPassengers, seasonLength: 12))
        var state: UInt64 = 12345
        let noise = (0..<60).map { _ -> Double in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        #expect(!hasSignificantSeasonality(noise, seasonLength: 12))
        #expect(!hasSignificantSeasonality(Array(RDatasets.airPassengers.prefix(24)), seasonLength: 12), "needs more than two seasons")
    }
}
