import Foundation
import SalesCloseConfiguration
import SalesCloseCore

/// What a run would make of one file on its own, for the inbox: rejected as a whole (and why),
/// or read, with the header it has.
public struct InputCheck: Sendable {
    /// Why the file would be rejected as a whole (not text, unknown encoding, no table fits,
    /// a required column missing); nil when it can be read.
    public var rejection: Diagnostic?
    /// The header row as read (empty when there is none).
    public var header: [String]
    /// The table it was classified as, if any.
    public var table: TableKind?
}

extension Importer {
    /// Reads `path` the way a run would, on its own; a file named by a `[[lookups]]` entry is a
    /// lookup and always accepted.
    public func check(path: String) -> InputCheck {
        let name = (path as NSString).lastPathComponent
        if configuration.lookups.contains(where: { $0.file == name }) { return InputCheck(rejection: nil, header: [], table: nil) }
        let state = ImportState()
        importTable(path: path, state: state)
        let report = state.files[0]
        return InputCheck(rejection: report.role == .rejected ? state.rejects.first : nil, header: report.header, table: report.table)
    }
}
