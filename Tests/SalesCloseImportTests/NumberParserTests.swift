import PropertyBased
import Testing
@testable import SalesCloseImport

@Suite struct NumberParserTests {
    func parse(_ text: String, comma: Bool = false, scale: Int = 2, percent: Bool = false) -> Result<Int64, NumberParser.Failure> {
        var t = text
        return t.withUTF8 { NumberParser(decimalComma: comma).parse(UnsafeRawBufferPointer($0), scale: scale, allowPercent: percent) }
    }

    @Test func plainAndSignedNumbers() {
        #expect(parse("1234.5") == .success(123450))
        #expect(parse("-0.05") == .success(-5))
        #expect(parse("+7") == .success(700))
        #expect(parse("12-") == .success(-1200))
        #expect(parse("  42.10 ") == .success(4210))
    }

    @Test func thousandsSeparatorsAndDecimalComma() {
        #expect(parse("1,234,567.89") == .success(123456789))
        #expect(parse("1.234.567,89", comma: true) == .success(123456789))
        #expect(parse("1 234,5", comma: true) == .success(123450))
        #expect(parse("1'234.50") == .success(123450))
        #expect(parse("1\u{00A0}234.50") == .success(123450))
        #expect(parse("1234,5", comma: true) == .success(123450))
        // Groups must be three digits: "1,23" is not a number with a decimal point.
        #expect(parse("1,23") == .failure(.notANumber))
        #expect(parse("12,3456.0") == .failure(.notANumber))
    }

    @Test func accountingNegativesAndCurrency() {
        #expect(parse("(123.45)") == .success(-12345))
        #expect(parse("(1,000)") == .success(-100000))
        #expect(parse("¥1,200.00") == .success(120000))
        #expect(parse("￥88") == .success(8800))
        #expect(parse("$ -3.5") == .success(-350))
        #expect(parse("99.90 CNY") == .success(9990))
        #expect(parse("€1.234,50", comma: true) == .success(123450))
        #expect(parse("100元") == .success(10000))
    }

    @Test func roundingBeyondScaleIsHalfAwayFromZero() {
        #expect(parse("0.125") == .success(13))
        #expect(parse("-0.125") == .success(-13))
        #expect(parse("0.1249") == .success(12))
        #expect(parse("1.5", scale: 0) == .success(2))
    }

    @Test func percentages() {
        #expect(parse("5%", scale: 6, percent: true) == .success(50_000))
        #expect(parse("12.5%", scale: 6, percent: true) == .success(125_000))
        #expect(parse("5%", scale: 6) == .failure(.notANumber))
    }

    @Test func badNumbers() {
        #expect(parse("") == .failure(.empty))
        #expect(parse("   ") == .failure(.empty))
        #expect(parse("1.234,5x", comma: true) == .failure(.notANumber))
        #expect(parse("12,3x") == .failure(.notANumber))
        #expect(parse("abc") == .failure(.notANumber))
        #expect(parse("1.2.3") == .failure(.notANumber))
        #expect(parse("-") == .failure(.notANumber))
        #expect(parse("NA") == .failure(.notANumber))
        #expect(parse("99999999999999999999") == .failure(.tooLarge))
    }

    /// Plain numbers are read by a one-pass fast path; the same digits behind a `+` or inside
    /// parentheses go the general way. Both must give the same value, rounding included.
    @Test func plainNumbersReadAsTheGeneralFormsOfTheSameDigits() async {
        await propertyCheck(input: Gen.int(in: 0...9).array(of: 1...17), Gen.int(in: 0...9).array(of: 0...6),
                            Gen.bool) { integer, fraction, hasPoint in
            let digits = integer.map(String.init).joined()
            let text = hasPoint ? digits + "." + fraction.map(String.init).joined() : digits
            for scale in 0...4 {
                #expect(parse(text, scale: scale) == parse("+" + text, scale: scale), "\(text) at scale \(scale)")
                #expect(parse("-" + text, scale: scale) == parse("(" + text + ")", scale: scale), "-\(text) at scale \(scale)")
                let comma = text.replacingOccurrences(of: ".", with: ",")
                #expect(parse(comma, comma: true, scale: scale) == parse("+" + comma, comma: true, scale: scale), "\(comma)")
            }
        }
    }
}
