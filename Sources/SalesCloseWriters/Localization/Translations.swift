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
        if let entry = table[key] ?? scorecardAndFlashTable[key] {
            s = language == .english ? entry.en : entry.zh
        } else {
            s = key
        }
        for (i, a) in arguments.enumerated() { s = s.replacingAll("{\(i)}", with: a) }
        return s
    }

    /// A finding's message (a rejected row's reason) in `language`: the English text matched
    /// against the known message templates, whose `{0}`, `{1}` … parts are carried over. A
    /// message no template matches is shown as it is.
    public static func findingMessage(_ message: String, _ language: Language) -> String {
        guard language == .chinese else { return message }
        for (english, chinese) in messages {
            if let parts = match(message, english) {
                var out = chinese
                for (i, p) in parts.enumerated() { out = out.replacingAll("{\(i)}", with: table[p].map { $0.zh } ?? p) }
                return out
            }
        }
        return message
    }

    /// The parts of `text` in the places of a template's `{0}`, `{1}` … (in order), or nil.
    static func match(_ text: String, _ template: String) -> [String]? {
        var literals: [Substring] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            literals.append(rest[..<open.lowerBound])
            rest = rest[rest.index(after: close)...]
        }
        literals.append(rest)
        var remaining = Substring(text)
        guard remaining.hasPrefix(literals[0]) else { return nil }
        remaining = remaining.dropFirst(literals[0].count)
        var parts: [String] = []
        for (i, literal) in literals.enumerated().dropFirst() {
            let isLast = i == literals.count - 1
            if isLast {
                guard remaining.hasSuffix(literal), remaining.count >= literal.count else { return nil }
                parts.append(String(remaining.dropLast(literal.count)))
                remaining = ""
            } else {
                guard !literal.isEmpty, let r = remaining.range(of: literal) else { return nil }
                parts.append(String(remaining[..<r.lowerBound]))
                remaining = remaining[r.upperBound...]
            }
        }
        return literals.count == 1 && !remaining.isEmpty ? nil : parts
    }

    /// English message templates of the importer and the calculations, and their Chinese.
    static let messages: [(en: String, zh: String)] = [
        ("{0} \"{1}\" is not a number", "{0}“{1}”不是数字"),
        ("{0} \"{1}\" is not a calendar day", "{0}“{1}”不是有效日期"),
        ("{0} is empty", "{0}为空"),
        ("shipment of unknown order \"{0}\"", "发货单对应的订单“{0}”不存在"),
        ("shipment of unknown order", "发货单对应的订单不存在"),
        ("payment from unknown customer \"{0}\"", "收款对应的客户“{0}”不存在"),
        ("shipment of cancelled order {0} line {1} is excluded from shipped value", "已取消订单 {0} 第 {1} 行的发货不计入发货金额"),
        ("payment names an order that is not one of customer {0}'s; applied to the oldest shipments",
         "收款所列订单不属于客户 {0}，已冲销该客户最早的发货"),
        ("shipped quantity {0} exceeds the {1} ordered on {2}", "{2} 已发货数量 {0} 超过订货数量 {1}"),
        ("row has {0} fields but the header has {1}", "该行有 {0} 个字段，表头有 {1} 个"),
        ("the file is empty; skipped", "文件为空，已跳过"),
        ("the file is not UTF-8", "文件不是UTF-8编码"),
        ("lookup file for {0} not found in the input folder", "输入文件夹中找不到{0}的对照文件"),
        ("{0} \"{1}\" does not occur in the orders; row ignored", "{0}“{1}”未出现在订单中，该行已忽略"),
        ("a target for the combination {0} cannot be reported; row ignored", "组合 {0} 的目标无法报告，该行已忽略"),
    ]

    /// Whether `key` has a translation (used by tests to find labels that would show as raw keys).
    public static func has(_ key: String) -> Bool { table[key] != nil || scorecardAndFlashTable[key] != nil }

    static let table: [String: (en: String, zh: String)] = [
        // Sheet titles.
        "summary": ("Summary", "概览"),
        "achievement": ("Achievement", "目标达成"),
        "growth": ("Growth", "同比环比"),
        "products_abc": ("Products ABC", "产品ABC分析"),
        "customers_abc": ("Customers ABC", "客户ABC分析"),
        "backlog": ("Backlog", "未交货订单"),
        "delivery": ("Delivery", "准时交货率"),
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
        "abc_window_note": ("ABC window {0}–{1} by {2}: A up to {3}, B up to {4} of the cumulative share.",
                            "ABC分析窗口 {0}–{1}，按{2}：累计占比 {3} 以内为A类，{4} 以内为B类。"),
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
        "backlog_closing": ("Order backlog", "未交货订单余额"),
        "projected_year_end_achievement": ("Projected year-end achievement", "预计全年完成率"),
        "prior_year": ("Prior year", "去年同期"),
        "prior_month": ("Prior month", "上月"),
        "prior_period": ("Prior period", "上期"),
        "annual_target": ("Annual target", "年度目标"),
        "forecast_note": ("Monthly revenue forecasts by automatic model choice (a combination of ETS and Theta; Croston/SBA/TSB for intermittent demand), reconciled across levels ([forecast] reconciliation, MinT by default) so regions and categories sum to the total and SKUs to their category. Backtest WAPE: error of rolling-origin backtests.",
                          "按自动选模（ETS与Theta组合；间歇需求用Croston/SBA/TSB）预测月度销售额，跨层级调和（[forecast] reconciliation，默认MinT）：大区与品类之和等于总额，产品之和等于其品类。回测WAPE：滚动原点回测的误差。"),
        "projection": ("Projected year end", "年末预测"),
        "forecast_accuracy": ("Forecast accuracy", "预测准确度"),
        "forecast_next_month": ("Forecast next month", "下月预测"),
        "forecast_horizon_total": ("Forecast, whole horizon", "预测期合计"),
        "forecast_accuracy_detail": ("Earlier forecasts vs actual", "历史预测与实际"),
        "snapshot": ("Snapshot", "预测批次"),
        "points": ("Points", "点数"),
        "wape": ("WAPE", "WAPE"),
        "bias": ("Bias", "偏差"),
        "error": ("Error", "误差"),
        "ytd_actual": ("YTD actual", "本年累计实际"),
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
        "actual_vs_target_by_region": ("Actual vs target by region", "各大区实际与目标"),
        "revenue_trend_24m": ("Revenue, last 24 months, with forecast and 80 % band", "近24个月销售额及预测（80%区间）"),
        "product_pareto": ("Products: share and cumulative share (Pareto)", "产品销售额占比及累计占比（帕累托）"),
        "receivables_aging": ("Receivables aging", "应收账款账龄"),
        "backlog_trend": ("Order backlog by month end", "各月末未交货订单余额"),
        "on_time_trend": ("On-time delivery rate by month", "各月准时交货率"),
        "forecast_chart": ("Forecast with 80 % and 95 % bands", "销售预测（80%与95%区间）"),
        "achievement_chart": ("Achievement by region", "各大区完成率"),

        // Column headers: the CSV column names (SPEC "Outputs").
        "period_type": ("Period type", "期间类型"),
        "period": ("Period", "期间"),
        "level": ("Level", "层级"),
        "key": ("Code", "编码"),
        "target": ("Target", "目标"),
        "actual": ("Actual", "实际"),
        "gap": ("Gap (target − actual)", "差额（目标 − 实际）"),
        "prior_year_actual": ("Prior year actual", "去年同期实际"),
        "prior_period_actual": ("Prior period actual", "上期实际"),
        "rank": ("Rank", "排名"),
        "month": ("Month", "月份"),
        "quantity": ("Quantity", "数量"),
        "order_count": ("Orders", "订单数"),
        "customer_count": ("Customers", "客户数"),
        "avg_order_value": ("Avg order value", "客单价"),
        "name": ("Name", "名称"),
        "metric": ("Value", "指标值"),
        "share": ("Share", "占比"),
        "cumulative_share": ("Cumulative share", "累计占比"),
        "abc_class": ("ABC", "ABC类"),
        "cv": ("CV", "变异系数"),
        "xyz_class": ("XYZ", "XYZ类"),
        "month_end": ("Month end", "月末"),
        "opening": ("Opening backlog", "期初未交货余额"),
        "new_orders": ("New orders", "本期订货"),
        "shipped": ("Shipped", "本期发货"),
        "cancelled": ("Cancelled", "取消"),
        "closing": ("Closing backlog", "期末未交货余额"),
        "book_to_bill": ("Book-to-bill", "订单发货比"),
        "lines_shipped": ("Lines shipped", "发货行数"),
        "on_time": ("On time", "准时"),
        "late": ("Late", "延迟"),
        "avg_days_late": ("Avg days late", "平均延迟天数"),
        "customer_id": ("Customer ID", "客户编号"),
        "customer_name": ("Customer", "客户名称"),
        "shipped_value": ("Shipped value", "发货金额"),
        "paid": ("Collected", "已收款"),
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
        "classified_by": ("Read as table because", "识别为该表的依据"),
        "column_mapping": ("Column mapping (field ← header)", "列映射（字段 ← 表头）"),
        "setting": ("Setting", "设置项"),
        "region": ("Region", "大区"),
        "salesperson": ("Salesperson", "业务员"),
        "category": ("Category", "品类"),
        "sku": ("SKU", "物料编码"),
        "dso": ("DSO (days)", "应收账款周转天数"),
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
        "shipped_quantity": ("Shipped qty", "已发货数量"),
        "open_quantity": ("Open qty", "未交数量"),
        "open_value": ("Open value", "未交金额"),
        "orders_shipped": ("Orders shipped", "发货订单数"),
        "late_partially_shipped": ("Late, part shipped", "延迟（部分发货）"),
        "max_days_late": ("Max days late", "最长延迟天数"),
        "days_overdue": ("Days overdue", "逾期天数"),
        "on_time_rule": ("On-time rule", "准时规则"),
        "collections_in_period": ("Collected in period", "本期收款"),
        "unapplied_credit": ("Unapplied credit", "未核销收款"),
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
        "plan_vs_actual": ("Plan vs actual", "计划与实际"),
        "overdue_lines": ("Overdue open lines", "逾期未交订单行"),
        "abc_xyz_matrix": ("ABC-XYZ matrix (number of items)", "ABC-XYZ矩阵（项目数）"),
        "input_files": ("Input files", "输入文件"),
        "settings": ("Thresholds and settings", "阈值与设置"),
        "aging_total": ("Aging, all customers", "账龄汇总"),

        // Values shown in cells: levels, period types, severities, measures, subjects.
        "level.total": ("Company total", "公司合计"),
        "level.region": ("Region", "大区"),
        "level.salesperson": ("Salesperson", "业务员"),
        "level.channel": ("Channel", "渠道"),
        "level.category": ("Category", "品类"),
        "level.sku": ("Product", "物料"),
        "level.customer": ("Customer", "客户"),
        "period_type.month": ("Month", "本月"),
        "period_type.qtd": ("Quarter to date", "本季累计"),
        "period_type.ytd": ("Year to date", "本年累计"),
        "severity.error": ("Error", "错误"),
        "severity.warning": ("Warning", "警告"),
        "severity.note": ("Note", "提示"),
        "measure.deliveries": ("Deliveries due", "应交货"),
        "measure.shipped_value": ("Shipped value", "发货金额"),
        "measure.collections": ("Collections", "回款"),
        "subject.products": ("products", "产品"),
        "subject.customers": ("customers", "客户"),
        "customer": ("Customer", "客户"),
        "order_date": ("Order date", "订单日期"),
        "ship_date": ("Ship date", "发货日期"),
        "payment_date": ("Payment date", "收款日期"),
        "amount": ("Amount", "金额"),
        "unit_price": ("Unit price", "单价"),
        "channel": ("Channel", "渠道"),
        "model.ETS": ("ETS{0}", "指数平滑ETS{0}"),
        "model.Theta": ("Theta{0}", "Theta法{0}"),
        "model.DampedTrend": ("Damped trend{0}", "阻尼趋势法{0}"),
        "model.Naive": ("Naive{0}", "朴素法{0}"),
        "model.SeasonalNaive": ("Seasonal naive{0}", "季节朴素法{0}"),
        "model.Croston": ("Croston{0}", "Croston间歇需求法{0}"),
        "model.SBA": ("SBA (Croston, bias-corrected){0}", "SBA间歇需求法{0}"),
        "model.TSB": ("TSB (intermittent){0}", "TSB间歇需求法{0}"),
        "model.Combination": ("Combination{0}", "组合预测{0}"),

        "table.orders": ("orders", "订单"),
        "table.shipments": ("shipments", "发货"),
        "table.payments": ("payments", "收款"),
        "table.customers": ("customers", "客户主数据"),
        "table.products": ("products", "物料主数据"),
        "table.targets": ("targets", "目标"),
        "table.lookup": ("lookup", "对照表"),
        "setting.prior_year": ("prior_year", "去年同期比例（prior_year）"),
        "setting.even": ("even", "平均分摊（even）"),
        "setting.weights": ("weights", "按权重（weights）"),
        "setting.revenue": ("revenue", "销售额（revenue）"),
        "setting.quantity": ("quantity", "数量（quantity）"),
        "setting.gross_margin": ("gross_margin", "毛利（gross_margin）"),
        "setting.ship_date": ("ship_date", "发货日（ship_date）"),
        "setting.due_date": ("due_date", "到期日（due_date）"),

        // Lines and captions of the sections.
        "others_line": ("Others ({0})", "其他（{0}项）"),
        "total_line": ("Total", "合计"),
        "rows_count": ("{0} rows", "{0} 行"),
        "company_by_period": ("Company: month, quarter to date, year to date", "公司合计：本月、本季累计、本年累计"),
        "company_by_month": ("Company, month by month (newest first)", "公司合计，按月（最近月份在前）"),
        "company_by_month_end": ("Company, last 13 month ends (newest first)", "公司合计，近13个月末（最近在前）"),
        "company_by_promised_month": ("Company, by month of the promised date, last 13 months (newest first)",
                                      "公司合计，按承诺交期月份，近13个月（最近在前）"),
        "section_level_period": ("By {0}: {1} {2}", "按{0}：{1} {2}"),
        "section_level_month": ("By {0}: {1}", "按{0}：{1}"),
        "section_level_month_end": ("By {0}: backlog at {1}", "按{0}：{1} 未交货订单余额"),
        "section_level_promised": ("By {0}: lines promised in {1}", "按{0}：承诺交期在 {1} 的订单行"),
        "overdue_top": ("Largest overdue open lines at {0} (by open value)", "{0} 逾期未交订单行（按未交金额排序）"),
        "receivables_top": ("{0} largest balances at {1}", "{1} 余额最大的 {0} 家客户"),
        "plan_vs_actual_caption": ("Plan vs actual, {0}", "计划与实际，{0}"),
        "abc_top": ("Top {1} {0} by the ABC metric", "按ABC指标排名前 {1} 的{0}"),
        "data_quality_findings": ("Findings (data_quality.csv has them all)", "数据问题（全部见 data_quality.csv）"),
        "rejects": ("Rejected rows (rejects.csv has them all)", "拒收行（全部见 rejects.csv）"),
        "detail_sheet": ("{0}, detail", "{0}明细"),

        // Notes: signs and rules.
        "gap_note": ("Gap = target − actual: positive = still to reach the target, negative = target beaten. Achievement = actual ÷ target.",
                     "差额 = 目标 − 实际：正数表示尚未完成目标，负数表示已超额完成。完成率 = 实际 ÷ 目标。"),
        "gap_note_plan": ("Plan vs actual: gap = plan − actual (negative = more than planned).",
                          "计划与实际：差额 = 计划 − 实际（负数表示超出计划）。"),
        "dso_note": ("DSO = balance ÷ value billed in the last {0} days × {0}. A customer in credit (paid more than billed) would get a negative DSO; it is left empty here (the CSV keeps it). The total line shows the company DSO.",
                     "应收账款周转天数 = 应收余额 ÷ 近{0}天开票（发货）金额 × {0}。客户预收（收款多于发货）时天数为负，此处不显示（CSV中保留）。合计行为公司整体周转天数。"),
        "aging_basis_ship": ("Aging from the ship date; payments applied to the oldest open shipments first (FIFO).",
                             "账龄自发货日起算；收款按先进先出冲销最早的未收发货。"),
        "aging_basis_due": ("Aging from the due date (ship date + payment terms); payments applied FIFO.",
                            "账龄自到期日（发货日 + 账期）起算；收款按先进先出冲销。"),
        "backlog_note": ("Order backlog = ordered value not yet shipped: opening + new orders − shipped − cancelled = closing. Book-to-bill = (new orders − cancelled) ÷ shipped.",
                         "未交货订单余额 = 已接订单中尚未发货的金额：期初 + 本期订货 − 本期发货 − 取消 = 期末。订单发货比 =（本期订货 − 取消）÷ 本期发货。"),
        "on_time_rule_text": ("On time = fully shipped on or before the promised date; every other shipped line is late.",
                              "准时 = 在承诺交期当天或之前全部发货；其余已发货的订单行均为延迟。"),
        "xyz_note_customers": ("XYZ by coefficient of variation of monthly revenue: X up to {0}, Y up to {1}, Z above.",
                               "XYZ按月度销售额变异系数：X类 ≤ {0}，Y类 ≤ {1}，其余为Z类。"),
        "projection_note": ("Projected year total = YTD actual + forecast of the remaining months; projected gap = annual target − projected (negative = target beaten).",
                            "预计全年 = 本年累计实际 + 剩余月份预测；预计差额 = 年度目标 − 预计全年（负数表示将超额完成）。"),

        // Chart titles with their period.
        "region_chart": ("Actual vs target by region, {0}", "各大区实际与目标，{0}"),
        "trend_chart": ("Revenue {0}–{1}, forecast to {2} with 80 % band", "销售额 {0}–{1} 及至 {2} 的预测（80%区间）"),
        "pareto_chart": ("Pareto of the {2} largest products: cumulative share, {0}–{1}", "销售额前{2}名产品帕累托：累计占比，{0}–{1}"),
        "salesperson_chart": ("Achievement by salesperson, {0}: top {1} and bottom {1}", "业务员完成率，{0}：前{1}名与后{1}名"),
        "year_chart": ("Year {0}: YTD actual + forecast vs annual target", "{0}年：本年累计实际 + 预测 与年度目标"),
        "backlog_trend_chart": ("Order backlog at month end, {0}–{1}", "月末未交货订单余额，{0}–{1}"),
        "receivables_aging_chart": ("Receivables aging of the 10 largest balances at {0}", "余额最大的10家客户应收账龄，{0}"),
        "forecast_by_level": ("Forecast by {0}, {1}–{2} (largest first)", "按{0}的预测，{1}–{2}（按金额排序）"),
        "forecast_company": ("Company forecast, {0}–{1}", "公司合计预测，{0}–{1}"),
        "projection_caption": ("Projected year end {0} by {1}", "{0}年末预测，按{1}"),
        "cutoff_a": ("A cut-off", "A类界限"),
        "cutoff_b": ("B cut-off", "B类界限"),
        "horizon_total": ("Forecast, whole horizon", "预测期合计"),
        "next_month": ("Next month", "下月预测"),
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
