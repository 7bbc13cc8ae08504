import Testing
@testable import SalesCloseForecast

@Suite struct IntermittentDemandTests {
    @Test func classificationCutOffs() throws {
        let smooth = try #require(DemandClassification([10, 11, 9, 10, 12, 10]))
        #expect(smooth.pattern == .smooth && smooth.adi == 1)
        let erratic = try #require(DemandClassification([1, 30, 2, 50, 1, 40]))
        #expect(erratic.pattern == .erratic)
        let intermittent = try #require(DemandClassification([5, 0, 5, 0, 6, 0]))
        #expect(intermittent.pattern == .intermittent && intermittent.adi == 2)
        let lumpy = try #require(DemandClassification([1, 0, 50, 0, 2, 0]))
        #expect(lumpy.pattern == .lumpy && lumpy.isIntermittent)
        #expect(DemandClassification([0, 0]) == nil)
    }

    /// Demands 4 (t=0), 6 (t=3) with α = 0.1: size 4 + 0.1·(6 − 4) = 4.2, interval
    /// 1 + 0.1·(3 − 1) = 1.2; Croston 4.2 / 1.2 = 3.5, SBA 0.95 · 3.5 = 3.325.
    @Test func crostonAndSBAHandChecked() throws {
        let series: [Double] = [4, 0, 0, 6, 0]
        let croston = try CrostonModel(variant: .classic).forecast(series, horizon: 2, levels: [])
        #expect(abs(croston.mean[0] - 3.5) < 1e-12 && croston.mean[1] == croston.mean[0])
        let sba = try CrostonModel(variant: .sba).forecast(series, horizon: 1, levels: [])
        #expect(abs(sba.mean[0] - 3.325) < 1e-12)
    }

    /// TSB: probability starts at the share of demand months (2/5) and moves 10 % towards each
    /// month's indicator: 0.36, 0.324, 0.3916, 0.35244; size 4.2 as above.
    @Test func tsbDecaysWithoutDemand() throws {
        let forecast = try CrostonModel(variant: .tsb).forecast([4, 0, 0, 6, 0], horizon: 1, levels: [])
        #expect(abs(forecast.mean[0] - 0.35244 * 4.2) < 1e-12)
    }
}
