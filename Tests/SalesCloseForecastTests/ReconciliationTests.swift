import Testing
import SalesCloseForecast

@Suite struct ReconciliationTests {
    static func node(_ mean: [Double], width: Double = 2, model: String = "ETS(A,N,N)", residuals: [Double] = []) -> SeriesForecast {
        SeriesForecast(mean: mean,
                       lower: [80: mean.map { $0 - width }, 95: mean.map { $0 - 2 * width }],
                       upper: [80: mean.map { $0 + width }, 95: mean.map { $0 + 2 * width }],
                       model: model, residuals: residuals)
    }

    /// total → (category A → sku 1, sku 2), (category B → sku 3)
    static let parents = [-1, 0, 0, 1, 1, 2]
    static let hierarchy = Hierarchy(parents: parents)
    static let forecasts = [
        node([100, 120]),
        node([60, 50]), node([20, 30]),
        node([30, 20]), node([50, 40]),
        node([0, 10]),
    ]

    static func expectCoherent(_ result: [SeriesForecast], parents: [Int] = parents, sourceLocation: SourceLocation = #_sourceLocation) {
        for parent in result.indices {
            let children = parents.indices.filter { parents[$0] == parent }
            guard !children.isEmpty else { continue }
            for step in result[parent].mean.indices {
                // Coherent to the cent: whole cents that add up exactly.
                let cents = children.map { (result[$0].mean[step] * 100).rounded() }
                #expect(children.allSatisfy { abs(result[$0].mean[step] * 100 - (result[$0].mean[step] * 100).rounded()) < 1e-6 })
                #expect(cents.reduce(0, +) == (result[parent].mean[step] * 100).rounded(), "node \(parent) step \(step)",
                        sourceLocation: sourceLocation)
            }
        }
        for forecast in result {
            let all = forecast.mean + forecast.lower.values.flatMap { $0 } + forecast.upper.values.flatMap { $0 }
            #expect(all.allSatisfy { $0 >= 0 }, sourceLocation: sourceLocation)
        }
    }

    @Test func topDownKeepsTheTotalAndTheMix() {
        let result = reconcile(Self.forecasts, in: Self.hierarchy, method: .topDown, unit: 0)
        #expect(result[0].mean == [100, 120])
        // Step 0: categories 60 and 20 share 100 as 75 / 25; skus 30 and 50 share 75 as 28.125 / 46.875.
        #expect(result[1].mean[0] == 75 && result[2].mean[0] == 25)
        #expect(result[3].mean[0] == 28.125 && result[4].mean[0] == 46.875)
        // Category B (25) has one sku forecasting zero: it takes the whole 25.
        #expect(result[5].mean[0] == 25)
        #expect(result[1].upper[80]![0] == 62 * 75 / 60.0, "bounds scale with the mean")
        #expect(result[1].model == "ETS(A,N,N)")
        Self.expectCoherent(reconcile(Self.forecasts, in: Self.hierarchy, method: .topDown))
    }

    @Test func bottomUpSumsLeaves() {
        let result = reconcile(Self.forecasts, in: Self.hierarchy, method: .bottomUp)
        Self.expectCoherent(result)
        #expect(result[1].mean == [80, 60] && result[2].mean == [0, 10] && result[0].mean == [80, 70])
        #expect(result[0].upper[80] == [82, 72] && result[0].lower[95] == [76, 66])
    }

    @Test func topDownClampsNegativesAndSplitsZeroChildrenEqually() {
        let result = reconcile([Self.node([10]), Self.node([-3]), Self.node([0])], in: Hierarchy(parents: [-1, 0, 0]), method: .topDown)
        #expect(result[1].mean == [5] && result[2].mean == [5])
        #expect(result.allSatisfy { $0.lower[95]!.allSatisfy { $0 >= 0 } })
    }

    /// Total 100 over children 30 + 50 = 80 with structural weights 2 (total) and 1, 1: the
    /// discrepancy 20 is shared as the WLS solution b = b̂ + w/(w_total + Σw)·D = b̂ + 5.
    @Test func wlsStructuralSharesTheDiscrepancyByLeafCount() {
        let result = reconcile([Self.node([100]), Self.node([30]), Self.node([50])],
                               in: Hierarchy(parents: [-1, 0, 0]), method: .wlsStructural, unit: 0)
        #expect(abs(result[1].mean[0] - 35) < 1e-6 && abs(result[2].mean[0] - 55) < 1e-6 && abs(result[0].mean[0] - 90) < 1e-6)
        #expect(abs(result[1].upper[80]![0] - 37) < 1e-9, "bounds move with the mean, same width")
    }

    /// Independent errors, child 2 four times as variable as child 1 and the total as variable as
    /// both: λ = 1 (nothing to learn from noise correlations), so MinT is WLS by error variance and
    /// the noisier child takes four fifths of the children's share.
    @Test func minTraceWithUncorrelatedErrorsWeighsByVariance() {
        let n = 48
        let a: [Double] = (0..<n).map { $0 % 2 == 0 ? 1 : -1 }
        let b: [Double] = (0..<n).map { ($0 / 2) % 2 == 0 ? 2 : -2 }
        let t: [Double] = (0..<n).map { ($0 / 4) % 2 == 0 ? 5.0.squareRoot() : -5.0.squareRoot() }
        let result = reconcile([Self.node([100], residuals: t), Self.node([30], residuals: a), Self.node([50], residuals: b)],
                               in: Hierarchy(parents: [-1, 0, 0]), method: .minTraceShrink, unit: 0)
        // D = 20; children's share w_c/(w_t + Σw) = 1/10 and 4/10, the total gives 5/10.
        #expect(abs(result[1].mean[0] - 32) < 1e-6 && abs(result[2].mean[0] - 58) < 1e-6 && abs(result[0].mean[0] - 90) < 1e-6)
        #expect(result[0].upper[80]![0] - result[0].mean[0] < 2, "the total's interval narrows")
    }

    @Test func negativeReconciledChildrenAreZeroedAndTheirSiblingsRescaled() {
        // WLS: D = 10 − 55 = −45; each child moves by −11.25 (5 → −6.25, set to 0) and the total
        // by +22.5 to 32.5, which the other child (38.75) is scaled down to.
        let result = reconcile([Self.node([10]), Self.node([5]), Self.node([50])],
                               in: Hierarchy(parents: [-1, 0, 0]), method: .wlsStructural)
        Self.expectCoherent(result, parents: [-1, 0, 0])
        #expect(result[1].mean == [0] && result[2].mean == [32.5] && result[0].mean == [32.5])
    }

    @Test func roundingKeepsChildrenAddingUpToTheCent() {
        let thirds = [Self.node([10]), Self.node([10.0 / 3]), Self.node([10.0 / 3]), Self.node([10.0 / 3])]
        let result = reconcile(thirds, in: Hierarchy(parents: [-1, 0, 0, 0]), method: .bottomUp)
        #expect(result.map { ($0.mean[0] * 100).rounded() } == [1000, 334, 333, 333])
    }

    @Test func severalTreesShareTheirRoot() {
        // total → regions (0 → 1, 2) and total → categories (0 → 3, 4): one total for both.
        let forecasts = [Self.node([100]), Self.node([40]), Self.node([50]), Self.node([70]), Self.node([20])]
        let hierarchy = Hierarchy(nodeCount: 5, aggregations: [.init(parent: 0, children: [3, 4]), .init(parent: 0, children: [1, 2])])
        for method in ReconciliationMethod.allCases {
            let result = reconcile(forecasts, in: hierarchy, method: method)
            Self.expectCoherent(result, parents: [-1, 0, 0, -2, -2])
            #expect(abs(result[3].mean[0] + result[4].mean[0] - result[0].mean[0]) < 1e-9, "\(method)")
        }
        // Bottom-up takes the first tree's sum and splits it over the second in proportion.
        let bottomUp = reconcile(forecasts, in: hierarchy, method: .bottomUp)
        #expect(bottomUp[0].mean == [90] && bottomUp[1].mean == [40] && bottomUp[2].mean == [50])
    }

    @Test func leafCountsFollowTheFirstTree() {
        #expect(Self.hierarchy.leafCounts == [3, 2, 1, 1, 1, 1])
    }
}
