import SalesCloseCore
@testable import SalesCloseWriters
import Testing

/// The pieces of a sheet sized for people: the top rows and "others", the section rows, the
/// translated messages and short labels.
@Suite struct PackSectionTests {
    @Test func topRowsAreTheLargestFirstWithTiesInTheirOrder() {
        let top = TopRows([3, 9, 1, 9, 5] as [Int64], n: 3, by: { $0 })
        #expect(top.shown == [9, 9, 5])
        #expect(top.others == [3, 1])
        let all = TopRows([2, 1] as [Int64], n: 30, by: { $0 })
        #expect(all.shown == [2, 1] && all.others.isEmpty)
    }

    @Test func sectionRowsEndWithOthersAndTotal() {
        let cell = { (v: Int64) in [ReportTable.Cell.money(Money(minorUnits: v))] }
        let sum = { (rows: [Int64]) in cell(rows.reduce(0, +)) }
        let built = SectionRows(TopRows([100, 250, 50, 75] as [Int64], n: 2, by: { $0 }), cells: cell, others: sum,
                                total: sum([100, 250, 50, 75]))
        #expect(built.rows == [cell(250), cell(100), cell(125), cell(475)])
        #expect(built.othersRow == 2 && built.totalRow == 3)
        let short = SectionRows(TopRows([1] as [Int64], n: 2, by: { $0 }), cells: cell, others: sum, total: sum([1]))
        #expect(short.othersRow == nil && short.totalRow == 1)
    }

    @Test func findingMessagesAreTranslatedByTemplate() {
        #expect(Translations.findingMessage("order_date \"2026-02-30\" is not a calendar day", .chinese) == "订单日期“2026-02-30”不是有效日期")
        #expect(Translations.findingMessage("shipment of cancelled order SO1 line 5 is excluded from shipped value", .chinese)
            == "已取消订单 SO1 第 5 行的发货不计入发货金额")
        #expect(Translations.findingMessage("shipment of unknown order", .chinese) == "发货单对应的订单不存在")
        #expect(Translations.findingMessage("customer_id is empty", .chinese) == "客户编号为空")
        #expect(Translations.findingMessage("something new", .chinese) == "something new")
        #expect(Translations.findingMessage("customer_id is empty", .english) == "customer_id is empty")
    }

    @Test func labelsAreShortenedByDisplayWidthAndModelsTranslated() {
        #expect(PackText.short("上海恒通贸易有限公司", width: 12) == "上海恒通贸…")
        #expect(PackText.short("Short", width: 12) == "Short")
        let zh = PackText(language: .chinese)
        #expect(zh.model("ETS(A,N,N)") == "指数平滑ETS(A,N,N)")
        #expect(zh.model("SBA") == "SBA间歇需求法")
        #expect(zh.model("Unknown") == "Unknown")
        #expect(PackText(language: .english).model("Naive") == "Naive")
    }
}
