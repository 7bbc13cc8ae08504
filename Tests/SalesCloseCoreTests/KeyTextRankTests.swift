import SalesCloseCore
import Testing

@Suite struct KeyTextRankTests {
    /// Entries are ordered by period, then level in output order, then key text (not key id).
    @Test func ordersByPeriodLevelAndKeyText() {
        var names = SalesData.Names()
        names.regions = NameTable(["West", "East"])
        names.customers = NameTable(["Zhu", "Abe", "Mo"])
        let entries: [(period: Int32, level: ActualsLevel, key: NameID)] = [
            (24_300, .customer, 0), (24_299, .region, 0), (24_300, .region, 1), (24_299, .customer, 2),
            (24_300, .total, 0), (24_299, .customer, 1), (24_300, .region, 0), (24_300, .customer, 1),
        ]
        let rank = KeyTextRank(entries.map { ($0.level, $0.key) }, names: names)
        let order = rank.order(count: entries.count) { entries[$0] }
        // 24299: West (region), Abe, Mo (customers); 24300: total, East, West, Abe, Zhu.
        #expect(order == [1, 5, 3, 4, 2, 6, 7, 0])
    }
}
