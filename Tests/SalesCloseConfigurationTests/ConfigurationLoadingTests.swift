import Foundation
import SalesCloseCore
import SalesCloseTestSupport
import Testing
@testable import SalesCloseConfiguration

/// Each configuration mistake that used to be ignored is an error with the exact place and a suggestion.
@Suite struct ConfigurationLoadingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The problems of `toml` written as `Config/salesclose.toml` in a temporary folder.
    func problems(_ toml: String, files: [String: String] = [:]) throws -> (messages: [String], folder: String) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let config = try folder.subfolder("Config")
        let file = try folder.write("Config/salesclose.toml", toml)
        for (name, text) in files { _ = try folder.write("Config/" + name, text) }
        do {
            _ = try Configuration.load(config)
            return ([], file)
        } catch {
            return (error.problems.map(\.description), file)
        }
    }

    @Test func unknownTableIsAnErrorWithSuggestion() throws {
        let (messages, file) = try problems("language = \"en\"\n\n[abcc]\nwindow_months = 6\n")
        #expect(messages == ["\(file):3:1: error: unknown table [abcc]; did you mean [abc]?"])
    }

    @Test func unknownKeyIsAnErrorWithSuggestion() throws {
        let (messages, file) = try problems("[abc]\nwindows_months = 6\nmetric = \"revenue\"\n")
        #expect(messages == ["\(file):2:1: error: unknown key `windows_months` in [abc]; did you mean `window_months`?"])
    }

    @Test func misspeltTopLevelKey() throws {
        let (messages, file) = try problems("langauge = \"zh-CN\"\n[targets]\nallocation = \"even\"\n")
        #expect(messages == ["\(file):1:1: error: unknown key `langauge`; did you mean `language`?"])
    }

    @Test func misspeltTableKeyNoLongerRejectsEveryRow() throws {
        let (messages, file) = try problems("[tables.orders]\nfiles = [\"orders*.csv\"]\n  date_fromat = \"DD.MM.YYYY\"\n")
        #expect(messages == ["\(file):3:3: error: unknown key `date_fromat` in [tables.orders]; did you mean `date_format`?"])
    }

    @Test func unknownTableKindAndColumnField() throws {
        let (messages, file) = try problems("[tables.order]\nfiles = [\"o.csv\"]\n[tables.payments.columns]\ncustomer = \"Kunde\"\nbetrag = \"Betrag\"\n")
        #expect(messages == [
            "\(file):1:1: error: unknown table [tables.order]; did you mean [tables.orders]?",
            "\(file):4:1: error: unknown field `customer` in [tables.payments.columns]; did you mean `customer_id`?",
            "\(file):5:1: error: unknown field `betrag` in [tables.payments.columns]; expected one of `customer_id`, `payment_date`, `amount`, `payment_id`, `order_id`, `invoice_id`, `method`",
        ])
    }

    @Test func keyOfAnArrayOfTablesIsLocatedInItsOwnEntry() throws {
        let toml = """
        [[lookups]]
        dimension = "region"
        from = "salesperson"
        file = "a.csv"
        key = "k"
        value = "v"

        [[lookups]]
        dimension = "channel"
        from = "salesperson"
        file = "b.csv"
        key = "k"
        vlaue = "v"
        """
        let (messages, file) = try problems(toml)
        #expect(messages == [
            "\(file):8:1: error: lookups[1]: missing `value`",
            "\(file):13:1: error: unknown key `vlaue` in [[lookups]]; did you mean `value`?",
        ])
    }

    @Test func wrongTypeNamesTheKeyPath() throws {
        let (messages, file) = try problems("[abc]\nwindow_months = \"12\"\n[forecast]\nmetrics = [\"revenue\", 2]\n")
        #expect(messages == [
            "\(file):2:1: error: abc.window_months: expected an integer, found \"12\"",
            "\(file):4:1: error: forecast.metrics: array element: expected a string, found an integer",
        ])
    }

    @Test func wrongValueOfAChoiceSuggestsTheNearest() throws {
        let (messages, file) = try problems("[targets]\nallocation = \"prior-year\"\n")
        #expect(messages == ["\(file):2:1: error: targets.allocation: expected even, prior_year, seasonal, weights or blend, found \"prior-year\"; did you mean \"prior_year\"?"])
    }

    @Test func aConfiguredTargetsFileThatIsMissingIsAnError() throws {
        let (messages, file) = try problems("[targets]\nfile = \"targets_2026.csv\"\n")
        let folder = (file as NSString).deletingLastPathComponent
        #expect(messages == ["\(file):2:1: error: targets.file: \"targets_2026.csv\" not found in \(folder)"])
        let present = try problems("[targets]\nfile = \"targets_2026.csv\"\n", files: ["targets_2026.csv": "period,value\n2026,100\n"])
        #expect(present.messages.isEmpty)
    }

    @Test func aFutureVersionIsRefused() throws {
        let (messages, file) = try problems("version = 2\n")
        #expect(messages == ["\(file):1:1: error: version: this SalesClose reads configuration version 1, found 2"])
    }

    @Test func configAcceptsTheFolderOrTheTomlFileAndRefusesWhatDoesNotExist() throws {
        let byFolder = try Configuration.load(Self.root + "/Config")
        let byFile = try Configuration.load(Self.root + "/Config/salesclose.toml")
        #expect(byFolder == byFile)
        #expect(byFile.language == .chinese)
        #expect(byFile.folder == Self.root + "/Config")
        #expect(byFile.targetsPath == Self.root + "/Config/targets.csv")
        #expect(throws: ConfigurationError(file: "/nonexistent/Config", message: "configuration folder not found")) {
            try Configuration.load("/nonexistent/Config")
        }
        #expect(throws: ConfigurationError(file: Self.root + "/Config/salesclos.toml", message: "configuration file not found")) {
            try Configuration.load(Self.root + "/Config/salesclos.toml")
        }
    }

    @Test func aFolderWithoutAFileGivesTheDefaults() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var expected = Configuration()
        expected.folder = folder.path
        #expect(try Configuration.load(folder.path) == expected)
    }

    @Test func shippedConfigurationsKeepTheirMeaning() throws {
        let sample = try Configuration.load(Self.root + "/Config")
        #expect(sample[.orders].files == ["orders*.csv", "订单*.csv"])
        #expect(sample[.orders].cancelledValues == ["Cancelled", "已取消"])
        #expect(sample.targets.settings.allocation == .priorYear)
        #expect(sample.abc == ABCSettings(windowMonths: 12, metric: .revenue, a: 0.80, b: 0.95))
        #expect(sample.forecast.metrics == [.revenue, .quantity])
        let foreign = try Configuration.load(Self.root + "/Tests/SalesCloseEndToEndTests/Fixtures/foreign/Config")
        #expect(foreign[.orders].columns["order_id"] == "orderNumber")
        #expect(foreign.lookups == [Lookup(dimension: .region, from: .salesperson, file: "employees.csv",
                                           key: "employeeNumber", value: "officeCode")])
    }

    @Test func printedConfigurationReadsBackToTheSameValue() throws {
        for folder in [Self.root + "/Config", Self.root + "/Tests/SalesCloseEndToEndTests/Fixtures/foreign/Config"] {
            let config = try Configuration.load(folder)
            var again = Configuration()
            try again.read(config.renderedTOML(), file: "printed.toml")
            again.folder = config.folder
            again.digest = config.digest
            #expect(again == config)
        }
        var weights = Configuration()
        weights.targets.settings = TargetSettings(allocation: .weights, weights: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5])
        weights[.payments].delimiter = .tab
        weights[.payments].decimal = .comma
        weights[.payments].encoding = .gb18030
        weights[.payments].dateFormat = DatePattern("YYYY年M月D日")!
        weights.receivables.agingBasis = .dueDate
        var again = Configuration()
        try again.read(weights.renderedTOML(), file: "printed.toml")
        #expect(again == weights)
    }

    @Test func workbookSettingsComeFromTheSameDeclaration() {
        var c = Configuration()
        c.digest = "abc123"
        let rows = Dictionary(uniqueKeysWithValues: c.settingsRows.map { ($0.setting, $0.value) })
        #expect(rows["abc.a"] == "80 %")
        #expect(rows["abc.metric"] == "revenue")
        #expect(rows["targets.allocation"] == "prior_year")
        #expect(rows["receivables.aging_buckets"] == "30, 60, 90")
        #expect(rows["achievement.high"] == "100 %")
        #expect(rows["config_digest"] == "abc123")
        #expect(c.settingsRows.count == rows.count)
    }
}

@Suite struct BlendConfigurationTests {
    func load(_ toml: String) throws(ConfigurationError) -> Configuration {
        var c = Configuration()
        try c.read(toml, file: "salesclose.toml")
        return c
    }

    @Test func blendWeightsAndCapacitySource() throws {
        let c = try load("""
            [targets]
            allocation = "blend"
            [targets.blend]
            prior_year = 0.4
            last_period = 0.2
            seasonal = 0.3
            capacity = 0.1
            capacity_file = "capacity.csv"
            capacity_key = "region"
            capacity_column = "floor_area"
            """)
        #expect(c.targets.settings.allocation == .blend)
        #expect(c.targets.settings.blend == BlendWeights(priorYear: 0.4, lastPeriod: 0.2, seasonal: 0.3, capacity: 0.1))
        #expect(c.targets.capacity.file == "capacity.csv")
        #expect(c.targets.capacity.column == "floor_area")
        var again = Configuration()
        try again.read(c.renderedTOML(), file: "printed.toml")
        #expect(again == c)
    }

    @Test func weightsThatDoNotSumToOneAndUnknownKeysAreErrors() {
        func message(_ toml: String) -> String? {
            do { _ = try load(toml); return nil } catch { return error.problems.map(\.message).joined(separator: "\n") }
        }
        #expect(message("[targets.blend]\nprior_year = 0.5\nseasonal = 0.3\n")?.contains("must sum to 1, they sum to 0.8") == true)
        #expect(message("[targets.blend]\nprior_yaer = 1.0\n")?.contains("did you mean `prior_year`?") == true)
    }
}

extension ConfigurationLoadingTests {
    @Test func theDocumentedConfigurationLoads() throws {
        let doc = try String(contentsOfFile: Self.root + "/docs/configuration.md", encoding: .utf8)
        let start = try #require(doc.range(of: "```toml\n"))
        let end = try #require(doc.range(of: "\n```", range: start.upperBound..<doc.endIndex))
        let (messages, _) = try problems(String(doc[start.upperBound..<end.lowerBound]), files: ["targets.csv": "period,value\n2026,1\n"])
        #expect(messages.isEmpty)
    }
}
