import SalesCloseCore

extension Scorecard {
    /// `scorecard.csv`: per span (month, qtd, ytd) and level (salesperson, region) in rank order:
    /// each KPI's value and points (both empty without data), the KPIs without data, score, rank,
    /// and the commission's base, tier, rate and amount.
    public func table(names: SalesData.Names) -> ReportTable {
        let kpis = ScorecardKPI.allCases
        let rows: [[ReportTable.Cell]] = rows.map { r in
            let keyText = r.level.text(of: r.key, names: names)
            var cells: [ReportTable.Cell] = [.text(r.span.type.rawValue), .text(r.span.label), .text(r.level.rawValue),
                                             .text(keyText), .text(keyText)]
            for kpi in kpis {
                let value = r.values[kpi]
                cells.append(kpi == .newCustomers ? value.map { .integer(Int($0)) } ?? .empty : .rateOrEmpty(value))
                cells.append(r.points[kpi].map(ReportTable.Cell.number) ?? .empty)
            }
            let missing = kpis.filter { r.values[$0] == nil }.map(\.rawValue).joined(separator: ";")
            cells += [.textOrEmpty(missing), r.score.map(ReportTable.Cell.number) ?? .empty, .integer(r.rank),
                      .money(r.commission.base), r.commission.tier.map(ReportTable.Cell.rate) ?? .empty,
                      .rateOrEmpty(r.commission.rate), .money(r.commission.amount)]
            return cells
        }
        let kpiColumns = kpis.flatMap { kpi -> [ReportTable.Column] in
            [.init(kpi.rawValue, kpi == .newCustomers ? .integer : .rate), .init("\(kpi.rawValue)_points", .number)]
        }
        return ReportTable(name: "scorecard", columns: [
            .init("period_type", .text), .init("period", .text), .init("level", .text), .init("key", .text), .init("name", .text),
        ] + kpiColumns + [
            .init("kpis_without_data", .text), .init("score", .number), .init("rank", .integer),
            .init("commission_base", .money), .init("commission_tier", .rate), .init("commission_rate", .rate),
            .init("commission", .money),
        ], rows: rows)
    }
}
