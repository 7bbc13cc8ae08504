extension Translations {
    /// The labels of the scorecard and the daily flash report (their own table, looked up after
    /// `table`).
    static let scorecardAndFlashTable: [String: (en: String, zh: String)] = [
        "scorecard": ("Scorecard", "业绩考核"),
        "scorecard_note": ("Score = Σ weight × points over the KPIs with data (weights of KPIs without data are spread over the others); commission per salesperson, regions are the sum of their salespeople.",
                           "得分 = Σ 权重 × 分数（无数据指标的权重按比例分给其他指标）；提成按业务员计算，大区为其业务员之和。"),
        "score": ("Score", "得分"),
        "collection_rate": ("Collection rate", "回款率"),
        "overdue_share": ("Overdue 90+ share", "逾期90天以上占比"),
        "new_customers": ("New customers", "新客户数"),
        "commission_base": ("Commission base", "提成基数"),
        "commission_rate": ("Commission rate", "提成比例"),
        "commission": ("Commission", "提成"),
    ]
}
