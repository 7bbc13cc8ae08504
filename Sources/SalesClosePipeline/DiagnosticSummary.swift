import SalesCloseCore

/// The diagnostics of a run as stderr lines, compiler-style, so that thousands of one warning do
/// not bury the one error that matters: errors first, then warnings, then notes; a kind (code)
/// seen at most three times is printed diagnostic by diagnostic, a kind seen more often is one
/// line with its count and its first three locations. Every one is still in `rejects.csv` or
/// `data_quality.csv`.
struct DiagnosticSummary {
    let rejects: [Diagnostic]
    let findings: [Diagnostic]

    static let shownPerKind = 3

    var lines: [String] {
        struct Group { var first: Diagnostic; var count: Int; var locations: [Location]; var listedIn: String }
        var groups: [Group] = []
        var index: [String: Int] = [:]
        for (diagnostics, listedIn) in [(rejects, "rejects.csv"), (findings, "data_quality.csv")] {
            for d in diagnostics {
                let key = "\(d.severity.rawValue) \(listedIn) \(d.code)"
                if let i = index[key] {
                    groups[i].count += 1
                    if groups[i].locations.count < Self.shownPerKind { groups[i].locations.append(d.location) }
                } else {
                    index[key] = groups.count
                    groups.append(Group(first: d, count: 1, locations: [d.location], listedIn: listedIn))
                }
            }
        }
        var out: [String] = []
        for severity in [Diagnostic.Severity.error, .warning, .note] {
            for group in groups where group.first.severity == severity {
                if group.count <= Self.shownPerKind {
                    let all = (group.listedIn == "rejects.csv" ? rejects : findings).filter {
                        $0.severity == severity && $0.code == group.first.code
                    }
                    out += all.map(\.description)
                } else {
                    let places = group.locations.map(\.description).joined(separator: ", ")
                    out.append("\(group.first.description) [\(group.first.code)]; \(group.count) like it, first at \(places); all in \(group.listedIn)")
                }
            }
        }
        return out
    }
}
