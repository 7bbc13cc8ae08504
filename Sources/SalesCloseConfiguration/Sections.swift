import SalesCloseCore
import SalesCloseForecast

/// `[targets]`: the file in the configuration folder and the core's allocation settings.
public struct TargetsConfiguration: Sendable, Equatable {
    /// nil = `targets.csv`, read when present; a configured file must exist.
    public var file: String?
    public var settings = TargetSettings()
    /// `[targets.blend]`'s capacity source (its weights are `settings.blend`).
    public var capacity = CapacitySource()
    public init() {}

    /// `[targets.blend]` as one value: the weights in `settings` and the capacity source.
    var blend: BlendConfiguration {
        get { BlendConfiguration(weights: settings.blend, capacity: capacity) }
        set { capacity = newValue.capacity; settings.blend = newValue.weights }
    }

    public static let defaultFile = "targets.csv"
    public var fileName: String { file ?? Self.defaultFile }

    static var keys: [SettingKey<TargetsConfiguration>] {
        [
            SettingKey("file", \.file, .string, unsetComment: "\(defaultFile), read when present"),
            SettingKey("allocation", \.settings.allocation, .choice(AllocationMethod.self)),
            SettingKey("weights", \.settings.weights, .array(of: .number), unsetComment: "12 monthly weights for allocation = \"weights\"",
                       check: { $0.count == 12 && $0.allSatisfy { $0 >= 0 } ? nil : "expected 12 non-negative monthly weights" }),
            SettingKey("blend", \.blend, .blend),
        ]
    }

    static func validate(_ t: TargetsConfiguration) -> (key: String, message: String)? {
        t.settings.allocation == .weights && t.settings.weights == nil
            ? ("weights", "allocation = \"weights\" needs 12 monthly weights") : nil
    }
}

extension ABCSettings {
    static var keys: [SettingKey<ABCSettings>] {
        [
            SettingKey("window_months", \.windowMonths, .integer, check: { $0 >= 1 ? nil : "must be at least 1" }),
            SettingKey("metric", \.metric, .choice(TargetMetric.self)),
            SettingKey("a", \.a, .share),
            SettingKey("b", \.b, .share),
            SettingKey("x", \.x, .number),
            SettingKey("y", \.y, .number),
        ]
    }

    static func validate(_ s: ABCSettings) -> (key: String, message: String)? {
        guard 0 < s.a, s.a < s.b, s.b <= 1 else {
            return ("", "thresholds must satisfy 0 < a < b <= 1 (a = \(s.a), b = \(s.b))")
        }
        guard 0 < s.x, s.x < s.y else { return ("", "XYZ limits must satisfy 0 < x < y (x = \(s.x), y = \(s.y))") }
        return nil
    }
}

/// `[achievement]`: the workbook's colour thresholds of an achievement rate.
public struct AchievementThresholds: Sendable, Equatable {
    public var low = 0.80
    public var high = 1.00
    public init() {}

    static var keys: [SettingKey<AchievementThresholds>] {
        [SettingKey("low", \.low, .share), SettingKey("high", \.high, .share)]
    }

    static func validate(_ t: AchievementThresholds) -> (key: String, message: String)? {
        t.low <= t.high ? nil : ("", "low must not exceed high (low = \(t.low), high = \(t.high))")
    }
}

/// What a forecast is made of (`[forecast] metrics`).
public enum ForecastMetric: String, Sendable, CaseIterable {
    case revenue, quantity
}

/// `[forecast]`.
public struct ForecastSettings: Sendable, Equatable {
    public var horizon = 12
    /// `total`, a dimension, or two crossed (`region*category`).
    public var levels = ["total", "region", "category", "sku"]
    /// `revenue` (forecast.csv) and optionally `quantity` (forecast_quantity.csv).
    public var metrics: [ForecastMetric] = [.revenue]
    /// How the levels are made to add up (docs/forecasting.md).
    public var reconciliation = ReconciliationMethod.minTraceShrink
    public init() {}

    static var keys: [SettingKey<ForecastSettings>] {
        [
            SettingKey("horizon", \.horizon, .integer, check: { (1...60).contains($0) ? nil : "must be 1 to 60 months" }),
            SettingKey("levels", \.levels, .array(of: .string, single: true), check: { levels in
                let names = Set(Dimension.allCases.map(\.rawValue) + ["customer_id"])
                for level in levels where level != "total" {
                    let parts = level.split(whereSeparator: { $0 == "*" || $0 == "×" }).map(String.init)
                    guard (1...2).contains(parts.count), parts.allSatisfy(names.contains), Set(parts).count == parts.count else {
                        return "\"\(level)\" is not total, a dimension (\(Dimension.allCases.map(\.rawValue).joined(separator: ", "))) or two crossed like \"region*category\""
                    }
                }
                return nil
            }),
            SettingKey("metrics", \.metrics, .array(of: .choice(ForecastMetric.self), single: true),
                       check: { $0.contains(.revenue) ? nil : "expected [\"revenue\"] or [\"revenue\", \"quantity\"]" }),
            SettingKey("reconciliation", \.reconciliation, .choice(ReconciliationMethod.self)),
        ]
    }
}

extension OrderToCashSettings {
    static var keys: [SettingKey<OrderToCashSettings>] {
        [
            SettingKey("aging_buckets", \.agingBucketEdges, .array(of: .integer), check: { edges in
                !edges.isEmpty && edges[0] > 0 && zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 }
                    ? nil : "expected increasing positive day limits such as [30, 60, 90]"
            }),
            SettingKey("aging_basis", \.agingBasis, .choice(AgingBasis.self)),
            SettingKey("default_terms_days", \.defaultPaymentTermsDays, .integer, check: { $0 >= 0 ? nil : "must not be negative" }),
        ]
    }
}
