import SalesCloseConfiguration
import SalesCloseCore

/// Texts of the close pack that come from values (levels, period types, severities, model
/// names …), in the pack's language from the one translation table.
public struct PackText {
    public let language: Language

    public init(language: Language) { self.language = language }

    public func t(_ key: String, _ arguments: String...) -> String { Translations.text(key, language, arguments: arguments) }

    /// `others (12)`: the line adding up the rows not shown.
    public func others(_ count: Int) -> ReportTable.Cell { .text(t("others_line", String(count))) }
    public var total: ReportTable.Cell { .text(t("total_line")) }

    public func level(_ level: ActualsLevel) -> String { t("level." + level.rawValue) }
    public func periodType(_ type: ReportingSpan.PeriodType) -> String { t("period_type." + type.rawValue) }
    /// A key's text, with the company total's `total` translated.
    public func key(_ level: ActualsLevel, _ text: String) -> String { level == .total ? t("level.total") : text }

    /// A level key as a person reads it: a customer by name (its id when it has none), others by their text.
    public static func keyLabel(_ level: ActualsLevel, _ key: NameID, data: SalesData) -> String {
        if level == .customer {
            let name = data.customerName(key)
            return short(name.isEmpty ? data.names.customers[key] : name, width: 30)
        }
        return short(level.text(of: key, names: data.names), width: 40)
    }

    /// A canonical field name (`order_date`) as a label, or itself when it has none.
    public func field(_ name: String) -> String { Translations.has(name) ? t(name) : name }

    /// `ETS(A,N,N)` → 指数平滑 ETS(A,N,N); `SBA` → SBA 间歇需求法 …
    public func model(_ name: String) -> String {
        let family = name.prefix { $0.isLetter }
        let key = "model." + family
        guard Translations.has(key) else { return name }
        return t(key, String(name.dropFirst(family.count)))
    }

    /// Shortened to about `width` display columns (a CJK character counts two), with `…`.
    public static func short(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var out = "", w = 0
        for ch in text {
            let cw = DisplayWidth.of(String(ch))
            if w + cw > width - 1 { break }
            out.append(ch); w += cw
        }
        return out + "…"
    }
}
