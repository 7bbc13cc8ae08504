/// The language of the close pack's labels (`language` in the configuration).
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case chinese = "zh-CN"

    /// Parses the configuration value `en` or `zh-CN` (case-insensitive; `zh` and `zh-Hans` too).
    public init?(code: String) {
        switch code.lowercased() {
        case "en", "en-us", "en-gb", "english": self = .english
        case "zh-cn", "zh", "zh-hans", "zh_cn", "chinese": self = .chinese
        default: return nil
        }
    }
}
