import SalesCloseCore

/// Fills a dimension missing from the orders from a master file in the input folder (`[[lookups]]`).
public struct Lookup: Sendable, Equatable {
    public var dimension: Dimension
    /// The order field whose value is the key (a dimension field such as `salesperson`).
    public var from: Dimension
    public var file: String
    public var key: String
    public var value: String
    public init(dimension: Dimension, from: Dimension, file: String, key: String, value: String) {
        self.dimension = dimension; self.from = from; self.file = file; self.key = key; self.value = value
    }

    /// Every key is required.
    static var keys: [SettingKey<Lookup>] {
        [
            SettingKey("dimension", \.dimension, .dimension),
            SettingKey("from", \.from, .dimension),
            SettingKey("file", \.file, .string),
            SettingKey("key", \.key, .string),
            SettingKey("value", \.value, .string),
        ]
    }

    static let empty = Lookup(dimension: .region, from: .salesperson, file: "", key: "", value: "")
}

extension ValueCodec where T == Dimension {
    /// A dimension by its field name (`customer_id`) or its name (`customer`).
    static var dimension: ValueCodec<Dimension> {
        ValueCodec(read: { v in
            guard let s = v.string else { throw ValueProblem(message: "expected a string, \(found(v))") }
            guard let d = Dimension(rawValue: s == "customer_id" ? "customer" : s) else {
                var message = "\(tomlString(s)) is not one of \(Dimension.allCases.map(\.fieldName).joined(separator: ", "))"
                if let near = closestName(to: s, among: Dimension.allCases.map(\.fieldName)) { message += "; did you mean \(tomlString(near))?" }
                throw ValueProblem(message: message)
            }
            return d
        }, literal: { tomlString($0.fieldName) }, shown: { $0.fieldName })
    }
}
