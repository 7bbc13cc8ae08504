import SalesCloseCore

extension TargetPlan {
    /// `targets_allocation.csv`, the targets check: every allocated part (a month of a longer
    /// row, a unit of a split target) with its share and, for `allocation = "blend"`, each
    /// factor's share (empty where the factor had no data), in the order they were allocated.
    public func allocationTable(names: SalesData.Names) -> ReportTable {
        let rows: [[ReportTable.Cell]] = allocations.map { a in
            let item: ReportTable.Cell = a.month.map(ReportTable.Cell.month)
                ?? .text(a.itemLevel.map { $0.text(of: a.itemKey!, names: names) } ?? "")
            let factors: [ReportTable.Cell] = BlendFactor.allCases.map { f in
                guard a.method == .blend, let share = a.factorShares[f] else { return .empty }
                return .rateOrEmpty(share)
            }
            return [.text(a.metric.rawValue), .text(a.split.rawValue), .text(a.level.rawValue),
                    .text(a.level.text(of: a.key, names: names)), .text(a.period),
                    .text(a.itemLevel?.rawValue ?? "month"), item, .text(a.method.rawValue), .rate(a.share)]
                + factors + [a.metric.cell(a.target)]
        }
        return ReportTable(name: "targets_allocation", columns: [
            .init("metric", .text), .init("split", .text), .init("level", .text), .init("key", .text),
            .init("period", .text), .init("item_level", .text), .init("item", .text), .init("method", .text),
            .init("share", .rate),
        ] + BlendFactor.allCases.map { .init("\($0.rawValue)_share", .rate) } + [.init("target", .money)], rows: rows)
    }
}
