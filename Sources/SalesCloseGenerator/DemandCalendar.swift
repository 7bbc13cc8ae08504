import Foundation

/// Relative order volume per day: monthly seasonality (Q4 peak, dips in February and August),
/// a rush before Spring Festival and a lull during its holiday week, fewer orders at weekends,
/// and about 15 % growth a year.
enum DemandCalendar {
    /// January … December.
    static let monthlyIndex: [Double] = [1.10, 0.75, 0.95, 1.00, 1.05, 1.10, 0.95, 0.80, 1.00, 1.05, 1.20, 1.25]
    static let weekdayIndex: [Double] = [1.0, 1.0, 1.0, 1.0, 1.0, 0.45, 0.30]
    static let annualGrowth = 1.15
    /// Spring Festival (春节) dates, 2022 … 2027.
    static let springFestivals: [Int] = [
        CivilCalendar.day(2022, 2, 1), CivilCalendar.day(2023, 1, 22), CivilCalendar.day(2024, 2, 10),
        CivilCalendar.day(2025, 1, 29), CivilCalendar.day(2026, 2, 17), CivilCalendar.day(2027, 2, 6),
    ]

    /// Demand weight of every day in `firstDay...lastDay`; the days after `taperFrom` carry a fifth
    /// of the usual volume (the start of a month that is not complete yet).
    static func weights(firstDay: Int, lastDay: Int, taperFrom: Int) -> [Double] {
        (firstDay...lastDay).map { day in
            let month = CivilCalendar.date(day).month
            var weight = monthlyIndex[month - 1] * weekdayIndex[CivilCalendar.weekday(day)]
            weight *= pow(annualGrowth, Double(day - firstDay) / 365.25)
            for festival in springFestivals {
                if (festival - 21)..<(festival - 1) ~= day { weight *= 1.3 }
                if (festival - 1)..<(festival + 6) ~= day { weight *= 0.25 }
            }
            if day >= taperFrom { weight *= 0.2 }
            return weight
        }
    }
}
