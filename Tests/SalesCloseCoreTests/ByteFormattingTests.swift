import PropertyBased
import SalesCloseCore
import Testing

/// The CSV writers format values into bytes; those bytes must read exactly as the values'
/// descriptions, which the rest of the project (and every golden file) is written in.
@Suite struct ByteFormattingTests {
    func text(_ build: (inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = []
        build(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func moneyAndQuantityMatchTheirDescriptions() async {
        await propertyCheck(input: Gen.int(in: -2_000_000_000_000...2_000_000_000_000)) { units in
            let money = Money(minorUnits: Int64(units)), quantity = Quantity(thousandths: Int64(units))
            #expect(text { $0.appendFixed(money.minorUnits, scale: 2) } == money.description)
            #expect(text { $0.appendFixedTrimmed(quantity.thousandths, scale: 3) } == quantity.description)
            #expect(text { $0.appendDecimal(units) } == String(units))
        }
    }

    @Test func daysAndMonthsMatchTheirDescriptions() async {
        await propertyCheck(input: Gen.int(in: -1000...80_000)) { offset in
            let day = Day(daysSinceEpoch: Int32(offset))
            #expect(text { $0.appendDay(day) } == day.description)
            #expect(text { $0.appendMonth(day.month) } == day.month.description)
        }
    }

    @Test func handCheckedValues() {
        #expect(text { $0.appendFixed(-5, scale: 2) } == "-0.05")
        #expect(text { $0.appendFixed(123_400, scale: 2) } == "1234.00")
        #expect(text { $0.appendFixedTrimmed(1_500, scale: 3) } == "1.5")
        #expect(text { $0.appendFixedTrimmed(-2_000, scale: 3) } == "-2")
        #expect(text { $0.appendFixedTrimmed(333_333, scale: 6) } == "0.333333")
        #expect(text { $0.appendCSVField("a,b") } == "\"a,b\"")
        #expect(text { $0.appendCSVField("say \"hi\"") } == "\"say \"\"hi\"\"\"")
        #expect(text { $0.appendCSVField("华联\n商贸") } == "\"华联\n商贸\"")
        #expect(text { $0.appendCSVField("plain 名") } == "plain 名")
    }
}
