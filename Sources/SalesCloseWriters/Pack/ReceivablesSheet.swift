import SalesCloseConfiguration
import SalesCloseCore

extension ClosePackSheet {
    /// Receivables at the period end: the `top` customers by balance with their aging, "others"
    /// and the total (adding up to `receivables.csv`); plan vs actual of deliveries, shipped
    /// value and collections; the aging of the 10 largest balances as a stacked bar chart.
    /// DSO is shown only for a positive balance (a customer in credit would get a negative DSO;
    /// the CSV keeps it), and the company's DSO on the total line.
    public static func receivables(_ report: ReceivablesReport, planVsActual: PlanVsActualReport, data: SalesData,
                                   top: Int, language: Language) -> ClosePackSheet {
        let text = PackText(language: language)
        let buckets = report.settings.agingBucketNames
        let asOf = report.period.lastDay.description
        func name(_ r: ReceivablesReport.Row) -> String {
            let n = data.customerName(r.customer)
            return n.isEmpty ? data.names.customers[r.customer] : n
        }
        func cells(_ r: ReceivablesReport.Row, id: ReportTable.Cell, name: String, dso: Double?) -> [ReportTable.Cell] {
            [id, .textOrEmpty(name), .money(r.balance)] + r.buckets.map(ReportTable.Cell.money) + [
                r.creditLimit.map(ReportTable.Cell.money) ?? .empty, r.overLimit.map(ReportTable.Cell.money) ?? .empty,
                dso.map(ReportTable.Cell.number) ?? .empty, .money(r.collectionsInPeriod)]
        }
        let sum = { (rows: [ReceivablesReport.Row]) in ReceivablesReport.Row.summed(rows, buckets: buckets.count) }
        let byBalance = TopRows(report.rows, n: top, by: \.balance.minorUnits)
        let built = SectionRows(byBalance,
                                cells: { cells($0, id: .text(data.names.customers[$0.customer]), name: PackText.short(name($0), width: 30),
                                               dso: $0.balance > .zero ? $0.dso : nil) },
                                others: { cells(sum($0), id: text.others($0.count), name: "", dso: nil) },
                                total: cells(sum(report.rows), id: text.total, name: "",
                                             dso: report.totalBalance > .zero ? report.companyDSO : nil))
        let customers = ClosePackSection(text.t("receivables_top", String(top), asOf), ReportTable(name: "receivables_top", columns: [
            .init("customer_id", .text), .init("customer_name", .text), .init("balance", .money),
        ] + buckets.map { ReportTable.Column($0, .money) } + [
            .init("credit_limit", .money), .init("over_limit", .money), .init("dso", .number), .init("collections_in_period", .money),
        ], rows: built.rows), othersRow: built.othersRow, totalRow: built.totalRow)

        let plan = ClosePackSection(text.t("plan_vs_actual_caption", report.period.description), ReportTable(
            name: "plan_vs_actual", columns: [
                .init("measure", .text), .init("plan", .money), .init("actual", .money), .init("achievement_rate", .rate),
                .init("gap", .money),
            ], rows: planVsActual.rows.map { r in
                [.text(text.t("measure." + r.measure.rawValue)), r.plan.map(ReportTable.Cell.money) ?? .empty, .money(r.actual),
                 .rateOrEmpty(r.achievementRate), r.gap.map(ReportTable.Cell.money) ?? .empty]
            }))

        let largest = TopRows(report.rows.filter { $0.balance > .zero }, n: 10, by: \.balance.minorUnits).shown
        let aging = ReportTable(name: "receivables_aging_top10",
                                columns: [.init("customer_name", .text)] + buckets.map { ReportTable.Column($0, .money) },
                                rows: largest.map { [.text(PackText.short(name($0), width: 16))] + $0.buckets.map(ReportTable.Cell.money) })
        let chart = ChartSpec(.stackedBar, titleKey: text.t("receivables_aging_chart", asOf), source: .table(aging),
                              category: "customer_name", values: buckets)
        let dsoNote = text.t("dso_note", String(report.settings.dsoWindowDays))
        let basis = text.t(report.settings.agingBasis == .shipDate ? "aging_basis_ship" : "aging_basis_due")
        return ClosePackSheet(titleKey: "receivables", sections: [customers, plan], notes: [basis, dsoNote, "gap_note_plan"],
                              charts: [chart], achievementColumns: ["achievement_rate"])
    }
}
