import PropertyBased
import SalesCloseCore
import Testing

@Suite struct FlatIndexTests {
    @Test func findsEveryInsertedKey() async {
        await propertyCheck(input: Gen.int(in: 0...Int.max).array(of: 0...5000)) { keys in
            var index = FlatIndex<UInt64>()
            var reference: [UInt64: Int32] = [:]
            for (i, k) in keys.enumerated() where reference[UInt64(k)] == nil {
                let key = UInt64(k)
                index.insert(key, Int32(i))
                reference[key] = Int32(i)
            }
            #expect(index.count == reference.count)
            for (key, value) in reference { #expect(index[key] == value) }
            #expect(index[0xDEAD_BEEF_0000_0001] == reference[0xDEAD_BEEF_0000_0001])
        }
    }

    @Test func indexOfInsertsOnlyNewKeys() {
        var index = FlatIndex<UInt64>(capacity: 3)
        var next: Int32 = 0
        var seen: [Int32] = []
        for key in [5, 9, 5, 0, 9, 7] as [UInt64] {
            seen.append(index.index(of: key) { defer { next += 1 }; return next })
        }
        #expect(seen == [0, 1, 0, 2, 1, 3])
        #expect(index.count == 4)
        #expect(index[0] == 2)
    }
}
