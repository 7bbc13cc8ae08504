import PropertyBased
import Testing
@testable import SalesCloseCore

@Suite struct DistinctCounterTests {
    /// The distinct ids per cell are those a set per cell gives, whether the rows come grouped
    /// and sorted either way (visited as they are) or in any order (grouped first).
    @Test func countsWhatASetPerCellCounts() async {
        await propertyCheck(input: Gen.int(in: 0...999).array(of: 0...80)) { picks in
            let width = 3, cellCount = 7, firstCell: Int32 = 5
            var ids = picks.map { $0 % 11 == 0 ? noName : NameID($0 % 13) }
            switch (picks.first ?? 0) % 3 {
            case 0: ids.sort()
            case 1: ids.sort(by: >)
            default: break
            }
            var cells: [Int32] = []
            for pick in picks {
                for k in 0..<width {
                    let none = (pick / (k + 3)) % 9 == 0
                    cells.append(none ? -1 : firstCell + Int32((pick / (k + 1) + k) % cellCount))
                }
            }
            var expected: [Int: Set<NameID>] = [:]
            for (row, id) in ids.enumerated() where id >= 0 {
                for c in cells[row * width ..< (row + 1) * width] where c >= 0 { expected[Int(c), default: []].insert(id) }
            }
            var counted: [Int: Int] = [:]
            var counter = DistinctCounter()
            counter.count(ids, cells: cells, width: width, firstCell: firstCell, cellCount: cellCount) { counted[$0] = $1 }
            #expect(counted == expected.mapValues(\.count))
        }
    }
}
