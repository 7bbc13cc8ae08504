/// One indicator of the salesperson scorecard (销售绩效考核指标).
public enum ScorecardKPI: String, Sendable, CaseIterable {
    /// Actual revenue ÷ target (完成率).
    case achievementRate = "achievement_rate"
    /// Revenue ÷ the same span last year − 1 (同比).
    case yoyGrowth = "yoy_growth"
    /// Gross margin ÷ revenue, over the lines that carry a cost (毛利率).
    case marginRate = "margin_rate"
    /// Collections in the span ÷ receivables due in it (回款率).
    case collectionRate = "collection_rate"
    /// Receivables aged in the oldest bucket (90+ days) ÷ balance at the close (逾期占比).
    case overdueShare = "overdue_share"
    /// Customers whose first order ever falls in the span (新客户数).
    case newCustomers = "new_customers"
    /// Lines promised in the span shipped on time ÷ lines shipped (准时交货率).
    case onTimeRate = "on_time_rate"
}
