/// Pre-rendered date text for a fixed span of days, so writers copy bytes instead of formatting.
struct DateTextTable {
    private let firstDay: Int
    private var iso: [UInt8] = []          // 10 bytes per day: YYYY-MM-DD
    private var excel: [[UInt8]] = []      // Excel style: YYYY/M/D
    private var yearMonth: [UInt8] = []    // 4 bytes per day: YYMM, for order ids

    init(firstDay: Int, lastDay: Int) {
        self.firstDay = firstDay
        let count = lastDay - firstDay + 1
        iso.reserveCapacity(count * 10)
        yearMonth.reserveCapacity(count * 4)
        for dayNumber in firstDay...lastDay {
            let (y, m, d) = CivilCalendar.date(dayNumber)
            iso += Self.digits(y, width: 4) + [UInt8(ascii: "-")] + Self.digits(m, width: 2)
                + [UInt8(ascii: "-")] + Self.digits(d, width: 2)
            excel.append(Array("\(y)/\(m)/\(d)".utf8))
            yearMonth += Self.digits(y % 100, width: 2) + Self.digits(m, width: 2)
        }
    }

    private static func digits(_ value: Int, width: Int) -> [UInt8] {
        var out = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var v = value
        for i in stride(from: width - 1, through: 0, by: -1) {
            out[i] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
        }
        return out
    }

    func appendISO(_ dayNumber: Int, to buffer: inout [UInt8]) {
        let start = (dayNumber - firstDay) * 10
        buffer.append(contentsOf: iso[start..<(start + 10)])
    }

    func appendExcel(_ dayNumber: Int, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: excel[dayNumber - firstDay])
    }

    func appendYearMonth(_ dayNumber: Int, to buffer: inout [UInt8]) {
        let start = (dayNumber - firstDay) * 4
        buffer.append(contentsOf: yearMonth[start..<(start + 4)])
    }

    func isoString(_ dayNumber: Int) -> String {
        var bytes: [UInt8] = []
        appendISO(dayNumber, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
