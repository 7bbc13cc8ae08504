import SalesCloseCore
import Testing

@Suite struct NameTableTests {
    @Test func indexedAndUnindexedTablesAnswerAlike() {
        let names = ["SO1", "SO2", "订单3", "SO2 "]
        var indexed = NameTable(names)
        var plain = NameTable(names, indexed: false)
        for table in [indexed, plain] {
            #expect(table.id(of: "订单3") == 2)
            #expect(table.id(of: "SO2 ") == 3)
            #expect(table.id(of: "SO9") == nil)
            #expect(table[1] == "SO2" && table[noName] == "")
        }
        // Interning into an unindexed table builds its index first and keeps the ids.
        #expect(plain.intern("SO1") == 0)
        #expect(plain.intern("SO9") == 4)
        #expect(indexed.intern("SO9") == 4)
        #expect(plain.names == indexed.names)
    }
}
