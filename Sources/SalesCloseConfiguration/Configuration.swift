import Foundation
import SalesCloseCore

/// The configuration of a run: `salesclose.toml` over built-in defaults, one typed value that the
/// importer, the calculations (through the core's settings types it holds), the writers and the
/// pipeline all take. Every key is declared once, in `ConfigurationSchema`, which drives
/// reading, `salesclose config` and the workbook's settings table.
public struct Configuration: Sendable, Equatable {
    /// The configuration format this build reads (`version = 1`).
    public static let currentVersion = 1

    public var version = Configuration.currentVersion
    /// The language of the close pack's labels.
    public var language: Language = .english
    public var tables: [TableKind: TableSettings] = Dictionary(uniqueKeysWithValues: TableKind.allCases.map { ($0, TableSettings()) })
    public var lookups: [Lookup] = []
    public var targets = TargetsConfiguration()
    public var abc = ABCSettings()
    public var achievement = AchievementThresholds()
    public var forecast = ForecastSettings()
    public var receivables = OrderToCashSettings()
    public var workbook = WorkbookSettings()
    public var scorecard = ScorecardSettings()
    public var commission = CommissionSettings()
    public var flash = FlashConfiguration()

    /// The folder the configuration was read from (where `targets.csv` is); "" for the defaults.
    public var folder = ""
    /// SHA-256 of the configuration file's bytes ("" when there is none), for the manifest.
    public var digest = ""

    public init() {}

    public subscript(table: TableKind) -> TableSettings {
        get { tables[table]! }
        set { tables[table] = newValue }
    }

    /// The targets file, in the configuration folder.
    public var targetsPath: String {
        (folder as NSString).appendingPathComponent(targets.fileName)
    }
}

extension Language {
    static var codec: ValueCodec<Language> { .choice(Language.self) }
}

/// The root keys and sections of `salesclose.toml`, in the order `salesclose config` prints them.
enum ConfigurationSchema {
    static var rootKeys: [SettingKey<Configuration>] {
        [
            SettingKey("version", \.version, .integer, check: {
                $0 == Configuration.currentVersion ? nil : "this SalesClose reads configuration version \(Configuration.currentVersion), found \($0)"
            }),
            SettingKey("language", \.language, Language.codec),
        ]
    }

    /// The plain sections (`[targets]` …): name, keys over the configuration, cross-key check,
    /// and whether the workbook's settings table shows them.
    static var sections: [AnySection] {
        [
            AnySection("targets", \.targets, TargetsConfiguration.keys, validate: TargetsConfiguration.validate, inWorkbook: true),
            AnySection("abc", \.abc, ABCSettings.keys, validate: ABCSettings.validate, inWorkbook: true),
            AnySection("achievement", \.achievement, AchievementThresholds.keys, validate: AchievementThresholds.validate, inWorkbook: true),
            AnySection("forecast", \.forecast, ForecastSettings.keys, validate: { _ in nil }, inWorkbook: false),
            AnySection("receivables", \.receivables, OrderToCashSettings.keys, validate: { _ in nil }, inWorkbook: true),
            AnySection("workbook", \.workbook, WorkbookSettings.keys, validate: { _ in nil }, inWorkbook: true),
            AnySection("scorecard", \.scorecard, ScorecardSettings.keys, validate: ScorecardSettings.validate, inWorkbook: false),
            AnySection("commission", \.commission, CommissionSettings.keys, validate: { _ in nil }, inWorkbook: true),
            AnySection("flash", \.flash, FlashConfiguration.keys, validate: { _ in nil }, inWorkbook: false),
        ]
    }

    /// Every name allowed at the root.
    static var rootNames: [String] { rootKeys.map(\.name) + ["tables", "lookups"] + sections.map(\.name) }
}

/// A section's keys lifted to the whole configuration.
struct AnySection {
    let name: String
    let keys: [SettingKey<Configuration>]
    let validate: (Configuration) -> (key: String, message: String)?
    let inWorkbook: Bool

    init<S>(_ name: String, _ path: WritableKeyPath<Configuration, S>, _ keys: [SettingKey<S>],
            validate: @escaping (S) -> (key: String, message: String)?, inWorkbook: Bool) {
        self.name = name
        self.keys = keys.map { $0.lifted(path) }
        self.validate = { validate($0[keyPath: path]) }
        self.inWorkbook = inWorkbook
    }
}

extension SettingKey {
    /// The same key read and written through `path` of an enclosing value.
    func lifted<Root>(_ path: WritableKeyPath<Root, Section>) -> SettingKey<Root> {
        SettingKey<Root>(name: name, read: { value, root in try self.read(value, &root[keyPath: path]) },
                         literal: { self.literal($0[keyPath: path]) }, unsetComment: unsetComment,
                         shown: { self.shown($0[keyPath: path]) })
    }
}
