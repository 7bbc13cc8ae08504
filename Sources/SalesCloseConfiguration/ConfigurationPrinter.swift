extension Configuration {
    /// The configuration in effect as TOML (`salesclose config`), every key with its value,
    /// defaults included; reading it back gives the same configuration.
    public func renderedTOML() -> String {
        var out = ""
        func lines<S>(_ keys: [SettingKey<S>], _ section: S) {
            for key in keys {
                if let literal = key.literal(section) { out += "\(key.name) = \(literal)\n" }
                else { out += "# \(key.name): \(key.unsetComment)\n" }
            }
        }
        lines(ConfigurationSchema.rootKeys, self)
        for kind in TableKind.allCases {
            let t = self[kind]
            out += "\n[tables.\(kind.rawValue)]\n"
            lines(TableSettings.keys(kind), t)
            out += "[tables.\(kind.rawValue).columns]\n"
            for field in kind.fields {
                if let header = t.columns[field] { out += "\(field) = \(tomlString(header))\n" }
                else { out += "# \(field): built-in aliases\n" }
            }
        }
        for lookup in lookups {
            out += "\n[[lookups]]\n"
            lines(Lookup.keys, lookup)
        }
        for section in ConfigurationSchema.sections {
            out += "\n[\(section.name)]\n"
            lines(section.keys, self)
        }
        return out
    }

    /// The settings the workbook's Data quality sheet lists: `abc.a` → `80 %`, then the digest.
    public var settingsRows: [(setting: String, value: String)] {
        ConfigurationSchema.sections.filter(\.inWorkbook).flatMap { section in
            section.keys.map { ("\(section.name).\($0.name)", $0.shown(self)) }
        } + [("config_digest", digest)]
    }
}
