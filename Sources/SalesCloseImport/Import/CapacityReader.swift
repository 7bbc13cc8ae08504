import Foundation
import SalesCloseConfiguration
import SalesCloseCore

/// Reads the capacity figures of `allocation = "blend"` (`[targets.blend] capacity_file`): the
/// unit named in the key column → the number in the value column. A value that is not a
/// non-negative number is reported and left out.
enum CapacityReader {
    static func read(path: String, source: CapacitySource, state: ImportState) -> [String: Double] {
        let lookup = Lookup(dimension: .salesperson, from: .salesperson, file: path, key: source.key, value: source.column)
        let texts = LookupReader.read(path: path, lookups: [lookup], state: state)[0]
        var figures: [String: Double] = [:]
        for (unit, text) in texts.sorted(by: { $0.key < $1.key }) {
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value >= 0, value.isFinite else {
                state.findings.append(Finding(.warning, file: path, field: source.column, value: text,
                                              message: "capacity \"\(text)\" of \"\(unit)\" is not a non-negative number; left out"))
                continue
            }
            figures[unit] = value
        }
        return figures
    }
}
