extension Configuration {
    /// The configuration in effect as TOML, every key with its value (defaults included).
    public func renderedTOML() -> String {
        func q(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\t", with: "\\t") + "\""
        }
        func list(_ a: [String]) -> String { "[" + a.map(q).joined(separator: ", ") + "]" }
        func num(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) + ".0" : String(d) }
        var out = "language = \(q(language))\n"
        for kind in TableKind.allCases {
            let t = self[kind]
            out += "\n[tables.\(kind.rawValue)]\n"
            out += "files = \(list(t.files))\n"
            out += "delimiter = \(t.delimiter.map { q($0 == 9 ? "\t" : String(UnicodeScalar($0))) } ?? q("auto"))\n"
            out += "decimal = \(t.decimalComma.map { q($0 ? "," : ".") } ?? q("auto"))\n"
            out += "date_format = \(q(t.dateFormat ?? "YYYY-MM-DD"))\n"
            out += "encoding = \(q(t.encoding?.rawValue ?? "auto"))\n"
            out += "escape = \(q(t.dialect.escape.map { String(UnicodeScalar($0)) } ?? ""))\n"
            out += "comment = \(q(t.dialect.comment.map { String(UnicodeScalar($0)) } ?? ""))\n"
            out += "quote_padding = \(t.dialect.quotePadding)\n"
            if kind == .orders { out += "cancelled_values = \(list(t.cancelledValues))\n" }
            out += "[tables.\(kind.rawValue).columns]\n"
            for field in kind.fields {
                if let header = t.columns[field] { out += "\(field) = \(q(header))\n" }
                else { out += "# \(field): built-in aliases\n" }
            }
        }
        for l in lookups {
            out += "\n[[lookups]]\ndimension = \(q(l.dimension.rawValue))\nfrom = \(q(l.from.fieldName))\n"
            out += "file = \(q(l.file))\nkey = \(q(l.key))\nvalue = \(q(l.value))\n"
        }
        out += "\n[targets]\nfile = \(q(targetsFile))\nallocation = \(q(allocation))\n"
        if !allocationWeights.isEmpty { out += "weights = [\(allocationWeights.map(num).joined(separator: ", "))]\n" }
        out += "\n[abc]\nwindow_months = \(abcWindowMonths)\nmetric = \(q(abcMetric))\na = \(num(abcA))\nb = \(num(abcB))\n"
        out += "x = \(num(xyzX))\ny = \(num(xyzY))\n"
        out += "\n[achievement]\nlow = \(num(achievementLow))\nhigh = \(num(achievementHigh))\n"
        out += "\n[forecast]\nhorizon = \(forecastHorizon)\nlevels = \(list(forecastLevels))\nmetrics = \(list(forecastMetrics))\n"
        out += "\n[receivables]\naging_buckets = [\(agingBuckets.map(String.init).joined(separator: ", "))]\n"
        out += "aging_basis = \(q(agingBasis))\ndefault_terms_days = \(defaultPaymentTermsDays)\n"
        return out
    }
}
