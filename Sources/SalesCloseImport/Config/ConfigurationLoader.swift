import Crypto
import Foundation
import SalesCloseCore
import TOMLKit

/// A configuration problem, named by file and key path (`salesclose.toml: abc.a: …`).
public struct ConfigurationError: Error, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): error: \(message)" }
}

extension Configuration {
    /// Loads `salesclose.toml` from `folder`; defaults when the file does not exist.
    public static func load(folder: String) throws -> Configuration {
        let path = (folder as NSString).appendingPathComponent("salesclose.toml")
        var config = Configuration()
        guard let data = FileManager.default.contents(atPath: path) else { return config }
        config.digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, message: "the file is not UTF-8")
        }
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw ConfigurationError(file: "\(path):\(e.source.begin.line):\(e.source.begin.column)", message: e.description)
        }
        var reader = KeyReader(file: path)
        try reader.apply(root, to: &config)
        return config
    }
}

/// Reads known keys off a TOML table, failing with the key path on a wrong type or value.
private struct KeyReader {
    let file: String

    func fail(_ key: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, message: "\(key): \(message)")
    }

    func string(_ t: TOMLTable, _ key: String, _ path: String) throws -> String? {
        guard let v = t[key] else { return nil }
        guard let s = v.string else { throw fail(path + key, "expected a string") }
        return s
    }
    func strings(_ t: TOMLTable, _ key: String, _ path: String) throws -> [String]? {
        guard let v = t[key] else { return nil }
        if let s = v.string { return [s] }
        guard let a = v.array else { throw fail(path + key, "expected an array of strings") }
        return try a.map { guard let s = $0.string else { throw fail(path + key, "expected an array of strings") }; return s }
    }
    func number(_ t: TOMLTable, _ key: String, _ path: String) throws -> Double? {
        guard let v = t[key] else { return nil }
        if let d = v.double { return d }
        if let i = v.int { return Double(i) }
        throw fail(path + key, "expected a number")
    }
    func int(_ t: TOMLTable, _ key: String, _ path: String) throws -> Int? {
        guard let v = t[key] else { return nil }
        guard let i = v.int else { throw fail(path + key, "expected an integer") }
        return i
    }

    mutating func apply(_ root: TOMLTable, to config: inout Configuration) throws {
        if let l = try string(root, "language", "") {
            guard ["en", "zh-CN"].contains(l) else { throw fail("language", "expected \"en\" or \"zh-CN\", found \"\(l)\"") }
            config.language = l
        }
        if let tables = root["tables"] {
            guard let tables = tables.table else { throw fail("tables", "expected a table") }
            for name in tables.keys {
                guard let kind = TableKind(rawValue: name) else {
                    throw fail("tables.\(name)", "unknown table; expected one of \(TableKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard let t = tables[name]?.table else { throw fail("tables.\(name)", "expected a table") }
                config[kind] = try tableSettings(t, kind: kind, path: "tables.\(name).")
            }
        }
        if let lookups = root["lookups"] {
            guard let array = lookups.array else { throw fail("lookups", "expected [[lookups]] tables") }
            for (i, item) in array.enumerated() {
                let path = "lookups[\(i)]."
                guard let t = item.table else { throw fail("lookups[\(i)]", "expected a table") }
                func dim(_ key: String) throws -> SalesCloseCore.Dimension {
                    guard let s = try string(t, key, path) else { throw fail(path + key, "missing") }
                    guard let d = SalesCloseCore.Dimension(rawValue: s == "customer_id" ? "customer" : s) else {
                        throw fail(path + key, "\"\(s)\" is not one of \(SalesCloseCore.Dimension.allCases.map(\.fieldName).joined(separator: ", "))")
                    }
                    return d
                }
                func req(_ key: String) throws -> String {
                    guard let s = try string(t, key, path) else { throw fail(path + key, "missing") }
                    return s
                }
                config.lookups.append(.init(dimension: try dim("dimension"), from: try dim("from"),
                                            file: try req("file"), key: try req("key"), value: try req("value")))
            }
        }
        if let t = root["targets"]?.table {
            config.targetsFile = try string(t, "file", "targets.") ?? config.targetsFile
            if let a = try string(t, "allocation", "targets.") {
                guard ["even", "prior_year", "seasonal", "weights"].contains(a) else {
                    throw fail("targets.allocation", "expected even, prior_year, seasonal or weights, found \"\(a)\"")
                }
                config.allocation = a
            }
            if let w = t["weights"]?.array {
                config.allocationWeights = try w.map {
                    guard let d = $0.double ?? $0.int.map(Double.init) else { throw fail("targets.weights", "expected numbers") }
                    return d
                }
                guard config.allocationWeights.count == 12 else { throw fail("targets.weights", "expected 12 monthly weights") }
            }
            if config.allocation == "weights" && config.allocationWeights.isEmpty {
                throw fail("targets.weights", "allocation = \"weights\" needs 12 monthly weights")
            }
        }
        if let t = root["abc"]?.table {
            config.abcWindowMonths = try int(t, "window_months", "abc.") ?? config.abcWindowMonths
            if let m = try string(t, "metric", "abc.") {
                guard ["revenue", "quantity", "gross_margin"].contains(m) else {
                    throw fail("abc.metric", "expected revenue, quantity or gross_margin, found \"\(m)\"")
                }
                config.abcMetric = m
            }
            config.abcA = try number(t, "a", "abc.") ?? config.abcA
            config.abcB = try number(t, "b", "abc.") ?? config.abcB
            config.xyzX = try number(t, "x", "abc.") ?? config.xyzX
            config.xyzY = try number(t, "y", "abc.") ?? config.xyzY
            guard config.abcWindowMonths >= 1 else { throw fail("abc.window_months", "must be at least 1") }
            guard 0 < config.abcA, config.abcA < config.abcB, config.abcB <= 1 else {
                throw fail("abc", "thresholds must satisfy 0 < a < b <= 1 (a = \(config.abcA), b = \(config.abcB))")
            }
        }
        if let t = root["achievement"]?.table {
            config.achievementLow = try number(t, "low", "achievement.") ?? config.achievementLow
            config.achievementHigh = try number(t, "high", "achievement.") ?? config.achievementHigh
        }
        if let t = root["forecast"]?.table {
            config.forecastHorizon = try int(t, "horizon", "forecast.") ?? config.forecastHorizon
            config.forecastLevels = try strings(t, "levels", "forecast.") ?? config.forecastLevels
            let dimensionNames = Set(SalesCloseCore.Dimension.allCases.map(\.rawValue) + ["customer_id"])
            for level in config.forecastLevels where level != "total" {
                let parts = level.split(whereSeparator: { $0 == "*" || $0 == "×" }).map(String.init)
                guard (1...2).contains(parts.count), parts.allSatisfy(dimensionNames.contains), Set(parts).count == parts.count else {
                    throw fail("forecast.levels", "\"\(level)\" is not total, a dimension (\(SalesCloseCore.Dimension.allCases.map(\.rawValue).joined(separator: ", "))) or two crossed like \"region*category\"")
                }
            }
            config.forecastMetrics = try strings(t, "metrics", "forecast.") ?? config.forecastMetrics
            guard config.forecastMetrics.contains("revenue"), config.forecastMetrics.allSatisfy({ ["revenue", "quantity"].contains($0) }) else {
                throw fail("forecast.metrics", "expected [\"revenue\"] or [\"revenue\", \"quantity\"]")
            }
            guard (1...60).contains(config.forecastHorizon) else { throw fail("forecast.horizon", "must be 1 to 60 months") }
        }
        if let t = root["receivables"]?.table {
            if let b = t["aging_buckets"]?.array {
                config.agingBuckets = try b.map { guard let i = $0.int, i > 0 else { throw fail("receivables.aging_buckets", "expected positive integers") }; return i }
                guard config.agingBuckets == config.agingBuckets.sorted(), !config.agingBuckets.isEmpty else {
                    throw fail("receivables.aging_buckets", "expected increasing day limits such as [30, 60, 90]")
                }
            }
            if let basis = try string(t, "aging_basis", "receivables.") {
                guard ["ship_date", "due_date"].contains(basis) else { throw fail("receivables.aging_basis", "expected ship_date or due_date") }
                config.agingBasis = basis
            }
            config.defaultPaymentTermsDays = try int(t, "default_terms_days", "receivables.") ?? config.defaultPaymentTermsDays
        }
    }

    /// `escape`, `comment` (one ASCII character each) and `quote_padding` (a boolean).
    func dialect(_ t: TOMLTable, path: String) throws -> CSVDialect {
        var d = CSVDialect()
        func byte(_ key: String) throws -> UInt8? {
            guard let v = try string(t, key, path), !v.isEmpty else { return nil }
            guard v.utf8.count == 1, let b = v.utf8.first, b > 32, b < 127, b != 34 else {
                throw fail(path + key, "expected one ASCII character other than a quote or space, found \"\(v)\"")
            }
            return b
        }
        d.escape = try byte("escape")
        d.comment = try byte("comment")
        if let v = t["quote_padding"] {
            guard let b = v.bool else { throw fail(path + "quote_padding", "expected true or false") }
            d.quotePadding = b
        }
        return d
    }

    func tableSettings(_ t: TOMLTable, kind: TableKind, path: String) throws -> Configuration.TableSettings {
        var s = Configuration.TableSettings()
        s.files = try strings(t, "files", path) ?? []
        if let c = t["columns"] {
            guard let columns = c.table else { throw fail(path + "columns", "expected a table of field = \"header\"") }
            for field in columns.keys {
                guard kind.fields.contains(field) else {
                    throw fail(path + "columns." + field, "\(kind.rawValue) has no field \"\(field)\"; fields are \(kind.fields.joined(separator: ", "))")
                }
                guard let header = columns[field]?.string else { throw fail(path + "columns." + field, "expected a header name") }
                s.columns[field] = header
            }
        }
        if let d = try string(t, "delimiter", path) {
            switch d {
            case ",": s.delimiter = UInt8(ascii: ",")
            case ";": s.delimiter = UInt8(ascii: ";")
            case "\t", "tab": s.delimiter = 9
            default: throw fail(path + "delimiter", "expected \",\", \";\" or \"\\t\"")
            }
        }
        if let d = try string(t, "decimal", path) {
            guard d == "." || d == "," else { throw fail(path + "decimal", "expected \".\" or \",\"") }
            s.decimalComma = d == ","
        }
        if let f = try string(t, "date_format", path) {
            guard DateParser(pattern: f) != nil else { throw fail(path + "date_format", "\"\(f)\" needs YYYY, MM and DD") }
            s.dateFormat = f
        }
        if let e = try string(t, "encoding", path), e != "auto" {
            guard let enc = TextEncoding(configValue: e) else { throw fail(path + "encoding", "expected \(TextEncoding.configSpellings), found \"\(e)\"") }
            s.encoding = enc
        }
        if let c = try strings(t, "cancelled_values", path) { s.cancelledValues = c }
        s.dialect = try dialect(t, path: path)
        return s
    }
}
