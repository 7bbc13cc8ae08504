import Crypto
import Foundation
import SalesCloseCore
import TOMLKit

extension Configuration {
    /// The name of the configuration file in a configuration folder.
    public static let fileName = "salesclose.toml"

    /// Loads the configuration named by `--config`: a folder (its `salesclose.toml` over the
    /// defaults; the defaults when it has none) or the `.toml` file itself. A folder or file
    /// that does not exist is an error, as is a configured `[targets] file` that is missing.
    public static func load(_ location: String) throws(ConfigurationError) -> Configuration {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: location, isDirectory: &isFolder)
        let folder: String, file: String
        if exists && isFolder.boolValue {
            folder = location
            file = (location as NSString).appendingPathComponent(fileName)
        } else if location.lowercased().hasSuffix(".toml") {
            guard exists else { throw ConfigurationError(file: location, message: "configuration file not found") }
            folder = (location as NSString).deletingLastPathComponent.isEmpty ? "." : (location as NSString).deletingLastPathComponent
            file = location
        } else {
            throw ConfigurationError(file: location, message: exists
                ? "--config names neither a folder nor a .toml file"
                : "configuration folder not found")
        }
        var config = Configuration()
        config.folder = folder
        guard let data = FileManager.default.contents(atPath: file) else { return config }
        config.digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: file, message: "the file is not UTF-8")
        }
        try config.read(text, file: file)
        if let configured = config.targets.file, !FileManager.default.fileExists(atPath: config.targetsPath) {
            let at = TOMLKeyLocator(text: text).position(of: ["targets", "file"])
            throw ConfigurationError([.init(file: file, line: at?.line, column: at?.column,
                                            message: "targets.file: \(tomlString(configured)) not found in \(folder)")])
        }
        return config
    }

    /// Reads the TOML `text` over the values already set; `file` names it in problems.
    public mutating func read(_ text: String, file: String) throws(ConfigurationError) {
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch {
            let e = error as? TOMLParseError
            throw ConfigurationError([.init(file: file, line: e?.source.begin.line, column: e?.source.begin.column,
                                            message: e?.description ?? "\(error)")])
        }
        var reader = ConfigurationReader(file: file, locator: TOMLKeyLocator(text: text))
        reader.read(root, into: &self)
        if !reader.problems.isEmpty {
            throw ConfigurationError(reader.problems.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) })
        }
    }
}

/// Walks the TOML tables against the schema, collecting every problem with its place.
private struct ConfigurationReader {
    let file: String
    let locator: TOMLKeyLocator
    var problems: [ConfigurationError.Problem] = []

    mutating func report(_ path: [String], _ message: String) {
        let at = locator.position(of: path)
        problems.append(.init(file: file, line: at?.line ?? 1, column: at?.column ?? 1, message: message))
    }

    /// `abc.window_months`, `lookups[0].key`.
    static func dotted(_ path: [String]) -> String {
        path.reduce("") { out, c in c.hasPrefix("#") ? out + "[\(c.dropFirst())]" : out.isEmpty ? c : out + "." + c }
    }

    /// `[abc]`, `[tables.orders]`, `[[lookups]]`; "the top level" for the root.
    static func tableName(_ path: [String]) -> String {
        if path.isEmpty { return "the top level" }
        if path.last!.hasPrefix("#") { return "[[\(dotted(Array(path.dropLast())))]]" }
        return "[\(dotted(path))]"
    }

    mutating func unknown(_ name: String, value: TOMLValueConvertible, in path: [String], candidates: [String], kind: String = "key") {
        let full = path + [name]
        let suggestion = closestName(to: name, among: candidates)
        if value.type == .table, kind == "key" {
            var message = "unknown table \(Self.tableName(full))"
            if let suggestion { message += "; did you mean \(Self.tableName(path + [suggestion]))?" }
            else { message += "; expected one of \(candidates.map { Self.tableName(path + [$0]) }.joined(separator: ", "))" }
            report(full, message)
        } else {
            var message = "unknown \(kind) `\(name)`" + (path.isEmpty ? "" : " in \(Self.tableName(path))")
            if let suggestion { message += "; did you mean `\(suggestion)`?" }
            else { message += "; expected one of \(candidates.map { "`\($0)`" }.joined(separator: ", "))" }
            report(full, message)
        }
    }

    /// Reads the keys of `table` (at `path`) with `keys`; every other key is unknown unless it is
    /// one of `extraNames`, returned for the caller to read.
    @discardableResult
    mutating func readKeys<S>(_ table: TOMLTable, _ path: [String], _ keys: [SettingKey<S>], into section: inout S,
                              extraNames: [String] = []) -> [(String, TOMLValueConvertible)] {
        var extras: [(String, TOMLValueConvertible)] = []
        for name in table.keys.sorted() {
            let value = table[name]!
            if let key = keys.first(where: { $0.name == name }) {
                do { try key.read(value, &section) } catch {
                    report(path + [name], "\(Self.dotted(path + [name])): \((error as? ValueProblem)?.message ?? "\(error)")")
                }
            } else if extraNames.contains(name) {
                extras.append((name, value))
            } else {
                unknown(name, value: value, in: path, candidates: keys.map(\.name) + extraNames)
            }
        }
        return extras
    }

    mutating func read(_ root: TOMLTable, into config: inout Configuration) {
        let sections = ConfigurationSchema.sections
        let extras = readKeys(root, [], ConfigurationSchema.rootKeys, into: &config,
                              extraNames: ["tables", "lookups"] + sections.map(\.name))
        for (name, value) in extras {
            switch name {
            case "tables": readTables(value, into: &config)
            case "lookups": readLookups(value, into: &config)
            default:
                let section = sections.first { $0.name == name }!
                guard let table = value.table else { report([name], "\(name): expected a table [\(name)], \(found(value))"); continue }
                let before = problems.count
                readKeys(table, [name], section.keys, into: &config)
                if problems.count == before, let (key, message) = section.validate(config) {
                    report(key.isEmpty ? [name] : [name, key], "\(key.isEmpty ? name : name + "." + key): \(message)")
                }
            }
        }
    }

    mutating func readTables(_ value: TOMLValueConvertible, into config: inout Configuration) {
        guard let tables = value.table else { return report(["tables"], "tables: expected a table, \(found(value))") }
        for name in tables.keys.sorted() {
            let path = ["tables", name]
            guard let kind = TableKind(rawValue: name) else {
                unknown(name, value: tables[name]!, in: ["tables"], candidates: TableKind.allCases.map(\.rawValue), kind: "key")
                continue
            }
            guard let table = tables[name]!.table else { report(path, "tables.\(name): expected a table, \(found(tables[name]!))"); continue }
            var settings = config[kind]
            for (_, columns) in readKeys(table, path, TableSettings.keys(kind), into: &settings, extraNames: ["columns"]) {
                readColumns(columns, kind: kind, path: path + ["columns"], into: &settings)
            }
            config[kind] = settings
        }
    }

    mutating func readColumns(_ value: TOMLValueConvertible, kind: TableKind, path: [String], into settings: inout TableSettings) {
        guard let columns = value.table else {
            return report(path, "\(Self.dotted(path)): expected a table of field = \"header\", \(found(value))")
        }
        for field in columns.keys.sorted() {
            let v = columns[field]!
            guard kind.fields.contains(field) else {
                unknown(field, value: v, in: path, candidates: kind.fields, kind: "field")
                continue
            }
            guard let header = v.string else {
                report(path + [field], "\(Self.dotted(path + [field])): expected a header name, \(found(v))")
                continue
            }
            settings.columns[field] = header
        }
    }

    mutating func readLookups(_ value: TOMLValueConvertible, into config: inout Configuration) {
        guard let array = value.array else { return report(["lookups"], "lookups: expected [[lookups]] tables, \(found(value))") }
        for (i, item) in array.enumerated() {
            let path = ["lookups", "#\(i)"]
            guard let table = item.table else { report(path, "lookups[\(i)]: expected a table, \(found(item))"); continue }
            var lookup = Lookup.empty
            readKeys(table, path, Lookup.keys, into: &lookup)
            let missing = Lookup.keys.map(\.name).filter { table[$0] == nil }
            if !missing.isEmpty {
                report(path, "lookups[\(i)]: missing \(missing.map { "`\($0)`" }.joined(separator: ", "))")
            }
            config.lookups.append(lookup)
        }
    }
}
