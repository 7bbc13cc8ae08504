import PropertyBased
import SalesCloseCore
import Testing
@testable import SalesCloseImport

@Suite struct InterningTests {
    func intern(_ values: [String]) -> (ids: [NameID], interner: ByteInterner) {
        var interner = ByteInterner()
        let ids = values.map { v in var s = v; return s.withUTF8 { interner.intern(UnsafeRawBufferPointer($0)) } }
        return (ids, interner)
    }

    @Test func equalBytesGetEqualIdsAndDistinctBytesDistinctIds() async {
        await propertyCheck(input: Gen.int(in: 0...40).array(of: 0...3000)) { numbers in
            // Small alphabets force repeats, consecutive repeats and growth of the table.
            let values = numbers.map { n in n % 7 == 0 ? "" : "K\(n)" + (n % 3 == 0 ? " " : "") }
            let (ids, interner) = intern(values)
            var firstIndex: [String: NameID] = [:]
            for (value, id) in zip(values, ids) {
                if let known = firstIndex[value] { #expect(known == id) } else { firstIndex[value] = id }
                #expect(interner[id] == value)
            }
            #expect(interner.count == Set(values).count)
            #expect(interner.table.names == interner.table.names.indices.map { interner[NameID($0)] })
        }
    }

    /// Values that ascend (an export sorted by its ids) are interned without slots until one
    /// comes out of order; two interners merged give the ids one interner over both parts gives,
    /// whether the later part is appended as it is (both ascending, the later after the earlier)
    /// or value by value.
    @Test func ascendingRunsAndMergesGiveTheIdsOfOnePass() async {
        await propertyCheck(input: Gen.int(in: 0...300).array(of: 1...300)) { numbers in
            let byBytes = { (a: String, b: String) in Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }
            let sortedCount = numbers[0] % (numbers.count + 1)
            // Sorted codes ("A1" before "A10" before "A2"), then repeats and values out of order.
            let values = Set(numbers.prefix(sortedCount).map { "A\($0)" }).sorted(by: byBytes)
                + numbers.dropFirst(sortedCount).map { $0 % 3 == 0 ? "A\($0 / 2)" : "A\($0)" }
            let (ids, whole) = intern(values)
            var firstIndex: [String: NameID] = [:]
            for (value, id) in zip(values, ids) {
                if let known = firstIndex[value] { #expect(known == id) } else { firstIndex[value] = id }
                #expect(whole[id] == value)
            }
            let cut = numbers[numbers.count - 1] % (values.count + 1)
            var (earlierIDs, earlier) = intern(Array(values[..<cut]))
            let (laterIDs, later) = intern(Array(values[cut...]))
            let map = later.merge(into: &earlier)
            #expect(earlierIDs + laterIDs.map { map[$0] } == ids)
            #expect(earlier.table.names == whole.table.names)
            // The merged interner goes on as the whole one would.
            let again = values.map { v in var s = v; return s.withUTF8 { earlier.intern(UnsafeRawBufferPointer($0)) } }
            #expect(again == ids)
            #expect(earlier.count == whole.count)
        }
    }

    /// Codes of one numbered shape (`SO000123`) are found by their number while their numbers
    /// stay dense; codes of other shapes (other prefix, other width, letters among the digits), a
    /// number far from the others (which ends the numbering) and merges all give the ids of one
    /// pass, as a dictionary gives them.
    @Test func numberedCodesGetTheIdsOfOnePass() async {
        let shapes = Gen.int(in: 0...4009).map { pick -> String in
            let kind = pick % 10, n = pick / 10
            let digits = String(n), padded = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
            switch kind {
            case 0: return "SO" + String(digits.reversed())                                // another width
            case 1: return "SQ" + padded                                                     // another prefix
            case 2: return "SO" + padded.prefix(3) + "x" + padded.dropFirst(4)               // not all digits
            case 3: return n % 50 == 0 ? "SO9" + padded.dropFirst() : "SO" + padded          // far away
            case 4: return n % 97 == 0 ? "" : "SO" + padded
            default: return "SO" + padded
            }
        }
        await propertyCheck(input: shapes.array(of: 1...600)) { values in
            let (ids, whole) = intern(values)
            var firstIndex: [String: NameID] = [:]
            for (value, id) in zip(values, ids) {
                if let known = firstIndex[value] { #expect(known == id) } else { firstIndex[value] = NameID(firstIndex.count); #expect(id == firstIndex[value]) }
                #expect(whole[id] == value)
            }
            #expect(whole.count == firstIndex.count)
            let cut = values.count / 3
            var (earlierIDs, earlier) = intern(Array(values[..<cut]))
            let (laterIDs, later) = intern(Array(values[cut...]))
            let map = later.merge(into: &earlier)
            #expect(earlierIDs + laterIDs.map { map[$0] } == ids)
            let again = values.map { v in var s = v; return s.withUTF8 { earlier.intern(UnsafeRawBufferPointer($0)) } }
            #expect(again == ids)
        }
    }

    /// A code whose number was too far from the others' for the array when it came is kept in
    /// the slots, and found there after the array has grown over its number.
    @Test func aNumberedCodeKeptAsideIsFoundAfterTheArrayReachesIt() {
        let code = { (n: Int) in "SO" + String(repeating: "0", count: 6 - String(n).count) + String(n) }
        var values = [code(5), code(2), code(100_000)]                 // out of order: the index is built
        values += (6...25_000).map(code) + [code(99_999), code(100_000), code(2)]
        let (ids, interner) = intern(values)
        #expect(ids[values.count - 2] == 2)
        #expect(ids[values.count - 1] == 1)
        #expect(interner.count == values.count - 2)
    }

    @Test func valuesAreKeptExactly() {
        let (ids, interner) = intern(["A1", "A1 ", " A1", "a1", "A1", "订单", "订单 "])
        #expect(ids == [0, 1, 2, 3, 0, 4, 5])
        #expect(interner[1] == "A1 ")
    }
}

@Suite struct UTF8ValidatorTests {
    /// Our streaming validator agrees with the standard library on random bytes, fed whole or
    /// split at any point.
    @Test func agreesWithTheStandardLibrary() async {
        let alphabet: [[UInt8]] = [[0x41], [0x2C], [0xE4, 0xB8, 0x8A], [0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80],
                                   [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                   [0xBF], [0xE4], [0xF5], [0x0A]]
        await propertyCheck(input: Gen.int(in: 0...(alphabet.count * 40 - 1)).array(of: 0...60)) { picks in
            var bytes: [UInt8] = []
            for p in picks {
                // Mostly long ASCII runs, so the 32- and 8-byte paths are exercised too.
                if p >= alphabet.count { bytes += Array(repeating: 0x61, count: p % 40) } else { bytes += alphabet[p] }
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            let split = picks.first.map { $0 % (bytes.count + 1) } ?? 0
            var whole = UTF8Validator(), parts = UTF8Validator()
            bytes.withUnsafeBytes { all in
                whole.feed(all)
                parts.feed(UnsafeRawBufferPointer(rebasing: all[..<split]))
                parts.feed(UnsafeRawBufferPointer(rebasing: all[split...]))
            }
            #expect(whole.isValid == expected)
            #expect(parts.isValid == expected)
        }
    }
}
