import Dispatch
@testable import SalesClosePipeline
import Testing

@Suite struct HandoffTests {
    /// The taking lane waits for the value the other lane puts, and every later take has it at once.
    @Test func takeWaitsForThePutValue() {
        let handoff = Handoff<[Int]>()
        let (taken, _) = concurrently({ handoff.take() }, {
            // The putting lane is slower than the taking one.
            var sum = 0
            for i in 0..<2_000_000 { sum &+= i }
            handoff.put([1, 2, sum])
        })
        #expect(taken == [1, 2, 1_999_999_000_000])
        #expect(handoff.take() == taken)
    }
}
