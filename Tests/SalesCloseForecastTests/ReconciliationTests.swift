import Testing
import SalesCloseForecast

@Suite struct ReconciliationTests {
    static func node(_ mean: [Double], width: Double = 2, model: String = "ETS(A,N,N)") -> SeriesForecast {
        SeriesForecast(mean: mean,
                       lower: [80: mean.map { $0 - width }, 95: mean.map { $0 - 2 * width }],
                       upper: [80: mean.map { $0 + width }, 95: mean.map { $0 + 2 * width }],
                       model: model)
    }

    /// total → (category A → sku 1, sku 2), (category B → sku 3)
    static let parents = [-1, 0, 0, 1, 1, 2]
    static let forecasts = [
        node([100, 120]),
        node([60, 50]), node([20, 30]),
        node([30, 20]), node([50, 40]),
        node([0, 10]),
    ]

    static func expectCoherent(_ result: [SeriesForecast], sourceLocation: SourceLocation = #_sourceLocation) {
        for parent in result.indices {
            let children = parents.indices.filter { parents[$0] == parent }
            guard !children.isEmpty else { continue }
            for step in 0..<2 {
                let sum = children.reduce(0) { $0 + result[$1].mean[step] }
                #expect(abs(sum - result[parent].mean[step]) < 1e-9, "node \(parent) step \(step)", sourceLocation: sourceLocation)
            }
        }
        for forecast in result {
            let all = forecast.mean + forecast.lower.values.flatMap { $0 } + forecast.upper.values.flatMap { $0 }
            #expect(all.allSatisfy { $0 >= 0 }, sourceLocation: sourceLocation)
        }
    }

    @Test func topDownKeepsTheTotalAndTheMix() {
        let result = reconcile(Self.forecasts, parents: Self.parents)
        Self.expectCoherent(result)
        #expect(result[0].mean == [100, 120])
        // Step 0: categories 60 and 20 share 100 as 75 / 25; skus 30 and 50 share 75 as 28.125 / 46.875.
        #expect(result[1].mean[0] == 75 && result[2].mean[0] == 25)
        #expect(result[3].mean[0] == 28.125 && result[4].mean[0] == 46.875)
        // Category B (25) has one sku forecasting zero: it takes the whole 25.
        #expect(result[5].mean[0] == 25)
        #expect(result[1].upper[80]![0] == 62 * 75 / 60.0, "bounds scale with the mean")
        #expect(result[1].model == "ETS(A,N,N)")
    }

    @Test func bottomUpSumsLeaves() {
        let result = reconcile(Self.forecasts, parents: Self.parents, method: .bottomUp)
        Self.expectCoherent(result)
        #expect(result[1].mean == [80, 60] && result[2].mean == [0, 10] && result[0].mean == [80, 70])
        #expect(result[0].upper[80] == [82, 72] && result[0].lower[95] == [76, 66])
    }

    @Test func negativeInputsAreClampedAndZeroChildrenSplitEqually() {
        let result = reconcile([Self.node([10]), Self.node([-3]), Self.node([0])], parents: [-1, 0, 0])
        #expect(result[1].mean == [5] && result[2].mean == [5])
        #expect(result.allSatisfy { $0.lower[95]!.allSatisfy { $0 >= 0 } })
    }
}
