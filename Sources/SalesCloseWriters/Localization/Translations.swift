import SalesCloseConfiguration
import Foundation

/// Every label a reader sees in the close pack, in English and Simplified Chinese: sheet titles,
/// column headers (keyed by the stable CSV column names), KPI names, chart titles and sentences.
/// Nothing else in the writers spells out a label. An unknown key is shown as itself.
/// `{0}`, `{1}` … in a text are replaced by the arguments.
public enum Translations {
    /// The header of a report column: `column.<name>` when a column needs a label different from
    /// the same key elsewhere (the `forecast` column vs the Forecast sheet), else `<name>`.
    public static func columnHeader(_ name: String, _ language: Language) -> String {
        has("column." + name) ? text("column." + name, language) : text(name, language)
    }

    public static func text(_ key: String, _ language: Language, _ arguments: String...) -> String {
        text(key, language, arguments: arguments)
    }

    public static func text(_ key: String, _ language: Language, arguments: [String]) -> String {
        var s: String
        if let entry = table[key] {
            s = language == .english ? entry.en : entry.zh
        } else {
            s = key
        }
        for (i, a) in arguments.enumerated() { s = s.replacingAll("{\(i)}", with: a) }
        return s
    }

    /// Whether `key` has a translation (used by tests to find labels that would show as raw keys).
    public static func has(_ key: String) -> Bool { table[key] != nil }

    static let table: [String: (en: String, zh: String)] = [
        // Sheet titles.
        "summary": ("Summary", "概览"),
        "achievement": ("Achievement", "目标达成"),
        "growth": ("Growth", "同比环比"),
        "products_abc": ("Products ABC", "产品ABC分析"),
        "customers_abc": ("Customers ABC", "客户ABC分析"),
        "backlog": ("Backlog", "订单余额"),
        "delivery": ("Delivery", "交货准时率"),
        "receivables": ("Receivables", "应收账款"),
        "forecast": ("Forecast", "销售预测"),
        "data_quality": ("Data quality", "数据质量"),
        "chart_data": ("Chart data", "图表数据"),

        // Sentences and page furniture.
        "not_available_yet": ("Not available yet: {0}", "暂未提供：{0}"),
        "not_built_yet": ("this part of SalesClose is not built yet.", "SalesClose 的这一部分尚未完成。"),
        "title_with_period": ("{0} — {1}", "{0} — {1}"),
        "pack_title": ("Sales close {0}", "销售月报 {0}"),
        "created_note": ("Period {0} (through {1})", "期间 {0}（截至 {1}）"),
        "footer": ("&L&A&RPage &P of &N", "&L&A&R第 &P 页，共 &N 页"),
        "continued": ("{0} ({1})", "{0}（{1}）"),
        "no_rows": ("No rows for this period.", "本期无数据。"),
        "abc_window_note": ("ABC window {0}..{1} by {2}: A up to {3}, B up to {4} of the cumulative share.",
                            "ABC分析窗口 {0}..{1}，按{2}：累计占比 {3} 以内为A类，{4} 以内为B类。"),
        "xyz_note": ("XYZ by coefficient of variation of monthly quantity: X up to {0}, Y up to {1}, Z above.",
                     "XYZ按月度数量变异系数：X类 ≤ {0}，Y类 ≤ {1}，其余为Z类。"),
        "colour_legend": ("Colours: red below {0}, amber {0} to {1}, green {1} and above.",
                          "颜色：低于 {0} 红色，{0} 至 {1} 黄色，{1} 及以上绿色。"),

        // Summary.
        "kpi": ("KPI", "指标"),
        "value": ("Value", "数值"),
        "comparison": ("Compared with", "对比"),
        "comparison_value": ("Comparison", "对比值"),
        "revenue": ("Revenue", "销售额"),
        "achievement_rate": ("Achievement", "完成率"),
        "yoy_growth": ("YoY growth", "同比增长"),
        "mom_growth": ("MoM growth", "环比增长"),
        "gross_margin": ("Gross margin", "销售毛利"),
        "gross_margin_rate": ("Gross margin %", "毛利率"),
        "on_time_rate": ("On-time rate", "准时交货率"),
        "receivables_balance": ("Receivables", "应收账款余额"),
        "backlog_closing": ("Order backlog", "订货受理余额"),
        "projected_year_end_achievement": ("Projected year-end achievement", "预计全年完成率"),
        "prior_year": ("Prior year", "去年同期"),
        "prior_month": ("Prior month", "上月"),
        "prior_period": ("Prior period", "上期"),
        "annual_target": ("Annual target", "年度目标"),
        "forecast_note": ("Monthly revenue forecasts by automatic model choice (ETS, Theta, damped trend, Croston/SBA/TSB), reconciled top-down so regions and categories sum to the total and SKUs to their category. backtest_wape: rolling-origin error.",
                          "按自动选模（ETS、Theta、阻尼趋势、Croston/SBA/TSB）预测月度销售额，自上而下调和：大区与品类之和等于总额，产品之和等于其品类。backtest_wape：滚动回测误差。"),
        "projection": ("Projected year end", "年末预测"),
        "forecast_accuracy": ("Forecast accuracy", "预测准确度"),
        "forecast_next_month": ("Forecast next month", "下月预测"),
        "forecast_horizon_total": ("Forecast, whole horizon", "预测期合计"),
        "forecast_accuracy_detail": ("Earlier forecasts vs actual", "历史预测与实绩"),
        "snapshot": ("Snapshot", "预测批次"),
        "points": ("Points", "点数"),
        "wape": ("WAPE", "WAPE"),
        "bias": ("Bias", "偏差"),
        "error": ("Error", "误差"),
        "ytd_actual": ("YTD actual", "本年累计实绩"),
        "forecast_rest_of_year": ("Forecast rest of year", "年内剩余预测"),
        "projected": ("Projected year total", "预计全年"),
        "projected_achievement": ("Projected achievement", "预计完成率"),
        "projected_gap": ("Projected gap", "预计缺口"),
        "severity": ("Severity", "级别"),
        "message": ("Message", "说明"),
        "field": ("Field", "字段"),
        "ytd": ("Year to date", "本年累计"),
        "qtd": ("Quarter to date", "本季累计"),
        "overdue_90_plus": ("Over 90 days", "超过90天"),

        // Chart titles.
        "actual_vs_target_by_region": ("Actual vs target by region", "各大区实绩与目标"),
        "revenue_trend_24m": ("Revenue, last 24 months, with forecast and 80 % band", "近24个月销售额及预测（80%区间）"),
        "product_pareto": ("Products: share and cumulative share (Pareto)", "产品销售额占比及累计占比（帕累托）"),
        "receivables_aging": ("Receivables aging", "应收账款账龄"),
        "backlog_trend": ("Order backlog by month end", "各月末订单余额"),
        "on_time_trend": ("On-time delivery rate by month", "各月准时交货率"),
        "forecast_chart": ("Forecast with 80 % and 95 % bands", "销售预测（80%与95%区间）"),
        "achievement_chart": ("Achievement by region", "各大区完成率"),

        // Column headers: the CSV column names (SPEC "Outputs").
        "period_type": ("Period type", "期间类型"),
        "period": ("Period", "期间"),
        "level": ("Level", "层级"),
        "key": ("Key", "编码"),
        "target": ("Target", "目标"),
        "actual": ("Actual", "实绩"),
        "gap": ("Gap to target", "目标差额"),
        "prior_year_actual": ("Prior year actual", "去年同期实绩"),
        "prior_period_actual": ("Prior period actual", "上期实绩"),
        "rank": ("Rank", "排名"),
        "month": ("Month", "月份"),
        "quantity": ("Quantity", "数量"),
        "order_count": ("Orders", "交易笔数"),
        "customer_count": ("Customers", "来客数"),
        "avg_order_value": ("Avg order value", "客单价"),
        "name": ("Name", "名称"),
        "metric": ("Metric", "指标值"),
        "share": ("Share", "占比"),
        "cumulative_share": ("Cumulative share", "累计占比"),
        "abc_class": ("ABC", "ABC类"),
        "cv": ("CV", "变异系数"),
        "xyz_class": ("XYZ", "XYZ类"),
        "month_end": ("Month end", "月末"),
        "opening": ("Opening", "期初余额"),
        "new_orders": ("New orders", "本月订货"),
        "shipped": ("Shipped", "本月出货"),
        "cancelled": ("Cancelled", "取消"),
        "closing": ("Closing", "期末余额"),
        "book_to_bill": ("Book-to-bill", "订单出货比"),
        "lines_shipped": ("Lines shipped", "出货行数"),
        "on_time": ("On time", "准时"),
        "late": ("Late", "延迟"),
        "avg_days_late": ("Avg days late", "平均延迟天数"),
        "customer_id": ("Customer ID", "客户编号"),
        "customer_name": ("Customer", "客户名称"),
        "shipped_value": ("Shipped value", "出货金额"),
        "paid": ("Paid", "已收款"),
        "balance": ("Balance", "余额"),
        "b0_30": ("0–30 days", "0–30天"),
        "b31_60": ("31–60 days", "31–60天"),
        "b61_90": ("61–90 days", "61–90天"),
        "b90_plus": ("Over 90 days", "90天以上"),
        "credit_limit": ("Credit limit", "信用额度"),
        "over_limit": ("Over limit", "超出额度"),
        "lo80": ("Low 80 %", "80%下限"),
        "hi80": ("High 80 %", "80%上限"),
        "lo95": ("Low 95 %", "95%下限"),
        "hi95": ("High 95 %", "95%上限"),
        "model": ("Model", "模型"),
        "backtest_wape": ("Backtest WAPE", "回测WAPE"),
        "file": ("File", "文件"),
        "line": ("Line", "行号"),
        "column": ("Column", "列"),
        "reason": ("Reason", "原因"),
        "table": ("Table", "数据表"),
        "rows_read": ("Rows read", "读取行数"),
        "rows_accepted": ("Accepted", "接受行数"),
        "rows_rejected": ("Rejected", "拒绝行数"),
        "rows_duplicate": ("Duplicates", "重复行数"),
        "sha256": ("SHA-256", "SHA-256"),
        "setting": ("Setting", "设置项"),
        "region": ("Region", "大区"),
        "salesperson": ("Salesperson", "业务员"),
        "category": ("Category", "品类"),
        "sku": ("SKU", "货号"),
        "dso": ("DSO (days)", "应收周转天数"),
        "x": ("X", "X"),
        "y": ("Y", "Y"),
        "z": ("Z", "Z"),
        "column.forecast": ("Forecast", "预测值"),
        "column.value": ("Value", "值"),

        // Columns of the core's other report tables.
        "line_no": ("Line", "行号"),
        "order_id": ("Order", "订单号"),
        "promised_date": ("Promised date", "承诺交期"),
        "ordered_quantity": ("Ordered qty", "订货数量"),
        "shipped_quantity": ("Shipped qty", "出货数量"),
        "open_quantity": ("Open qty", "未交数量"),
        "open_value": ("Open value", "未交金额"),
        "orders_shipped": ("Orders shipped", "出货订单数"),
        "late_partially_shipped": ("Late, part shipped", "延迟（部分出货）"),
        "max_days_late": ("Max days late", "最长延迟天数"),
        "days_overdue": ("Days overdue", "逾期天数"),
        "on_time_rule": ("On-time rule", "准时规则"),
        "collections_in_period": ("Collected in period", "本期收款"),
        "unapplied_credit": ("Unapplied credit", "未核销款"),
        "plan": ("Plan", "计划"),
        "prior_year_revenue": ("Prior year revenue", "去年同期销售额"),
        "prior_month_revenue": ("Prior month revenue", "上月销售额"),
        "margin_rate": ("Margin %", "毛利率"),
        "median_order_value": ("Median order value", "订单金额中位数"),
        "trend_slope": ("Trend per month", "月趋势斜率"),
        "measure": ("Measure", "度量"),
        "metric_name": ("Metric", "指标"),
        "subject": ("Subject", "对象"),
        "no_xyz": ("No XYZ", "无XYZ"),
        "total": ("Total", "合计"),
        "window_start": ("Window start", "窗口起始"),
        "window_end": ("Window end", "窗口结束"),
        "a_threshold": ("A up to", "A类上限"),
        "b_threshold": ("B up to", "B类上限"),
        "x_threshold": ("X up to (CV)", "X类上限（CV）"),
        "y_threshold": ("Y up to (CV)", "Y类上限（CV）"),

        // Captions of the extra tables shown beside a sheet's main table.
        "abc_matrix": ("ABC-XYZ matrix (number of items)", "ABC-XYZ矩阵（项目数）"),
        "plan_vs_actual": ("Plan vs actual", "计划与实绩"),
        "overdue_lines": ("Overdue open lines", "逾期未交订单行"),
        "abc_xyz_matrix": ("ABC-XYZ matrix (number of items)", "ABC-XYZ矩阵（项目数）"),
        "input_files": ("Input files", "输入文件"),
        "settings": ("Thresholds and settings", "阈值与设置"),
        "aging_total": ("Aging, all customers", "账龄汇总"),
    ]
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
