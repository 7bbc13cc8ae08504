import SalesCloseCore
import SalesCloseImport

/// The diagnostics of a run as stderr lines, compiler-style, so that thousands of one warning do
/// not bury the one error that matters: errors first, then warnings, then notes; a kind (code)
/// seen at most three times is printed diagnostic by diagnostic, a kind seen more often is one
/// line with its count and its first three locations. Every one is still in `rejects.csv` or
/// `data_quality.csv`.
struct DiagnosticSummary {
    let rejects: RejectLog
    let findings: [Diagnostic]

    static let shownPerKind = 3

    var lines: [String] {
        /// One kind: its first diagnostics (up to `shownPerKind`) and how many there are.
        struct Group { var first: [Diagnostic]; var count: Int; var listedIn: String }
        var groups: [Group] = []
        var index: [String: Int] = [:]
        func add(_ diagnostics: some Sequence<Diagnostic>, listedIn: String) {
            for d in diagnostics {
                let key = "\(d.severity.rawValue) \(listedIn) \(d.code)"
                if let i = index[key] {
                    groups[i].count += 1
                    if groups[i].first.count < Self.shownPerKind { groups[i].first.append(d) }
                } else {
                    index[key] = groups.count
                    groups.append(Group(first: [d], count: 1, listedIn: listedIn))
                }
            }
        }
        add(rejects, listedIn: "rejects.csv")
        add(findings, listedIn: "data_quality.csv")
        var out: [String] = []
        for severity in [Diagnostic.Severity.error, .warning, .note] {
            for group in groups where group.first[0].severity == severity {
                if group.count <= Self.shownPerKind {
                    out += group.first.map(\.description)
                } else {
                    let head = group.first[0]
                    let places = group.first.map(\.location.description).joined(separator: ", ")
                    out.append("\(head.description) [\(head.code)]; \(group.count) like it, first at \(places); all in \(group.listedIn)")
                }
            }
        }
        return out
    }
}
