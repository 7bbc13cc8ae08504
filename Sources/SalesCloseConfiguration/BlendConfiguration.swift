import SalesCloseCore

/// Where the capacity figures of a blend come from: a CSV file in the configuration folder, like
/// the targets file, with a column naming the unit (a region or salesperson) and one with its figure.
public struct CapacitySource: Sendable, Equatable {
    /// nil = no capacity figures (the capacity factor has no data).
    public var file: String?
    /// The header of the column naming the unit.
    public var key = "key"
    /// The header of the column holding the figure (floor area, headcount …).
    public var column = "capacity"
    public init() {}
}

/// `[targets.blend]`: the factor weights of `allocation = "blend"` and the capacity source.
struct BlendConfiguration: Equatable {
    var weights = BlendWeights()
    var capacity = CapacitySource()

    static let weightNames = BlendFactor.allCases.map(\.rawValue)
    static let names = weightNames + ["capacity_file", "capacity_key", "capacity_column"]
}

extension ValueCodec where T == BlendConfiguration {
    /// A table of the four weights (missing ones are 0 once any is given) and the capacity source.
    static var blend: ValueCodec<BlendConfiguration> {
        ValueCodec(read: { v in
            guard let table = v.table else { throw ValueProblem(message: "expected a table [targets.blend], \(found(v))") }
            var blend = BlendConfiguration()
            if BlendConfiguration.weightNames.contains(where: { table[$0] != nil }) {
                blend.weights = BlendWeights(priorYear: 0, lastPeriod: 0, seasonal: 0, capacity: 0)
            }
            for name in table.keys.sorted() {
                let value = table[name]!
                if let factor = BlendFactor(rawValue: name) {
                    blend.weights[factor] = try ValueCodec<Double>.number.read(value)
                    guard blend.weights[factor] >= 0 else { throw ValueProblem(message: "\(name) must not be negative") }
                } else if name == "capacity_file" {
                    blend.capacity.file = try ValueCodec<String>.string.read(value)
                } else if name == "capacity_key" {
                    blend.capacity.key = try ValueCodec<String>.string.read(value)
                } else if name == "capacity_column" {
                    blend.capacity.column = try ValueCodec<String>.string.read(value)
                } else {
                    var message = "unknown key `\(name)` in [targets.blend]"
                    if let near = closestName(to: name, among: BlendConfiguration.names) { message += "; did you mean `\(near)`?" }
                    else { message += "; expected one of \(BlendConfiguration.names.map { "`\($0)`" }.joined(separator: ", "))" }
                    throw ValueProblem(message: message)
                }
            }
            let sum = BlendFactor.allCases.reduce(0) { $0 + blend.weights[$1] }
            guard blend.weights.isValid else { throw ValueProblem(message: "the weights must sum to 1, they sum to \(sum)") }
            return blend
        }, literal: { b in
            var parts = BlendFactor.allCases.map { "\($0.rawValue) = \(tomlNumber(b.weights[$0]))" }
            if let file = b.capacity.file { parts.append("capacity_file = \(tomlString(file))") }
            parts += ["capacity_key = \(tomlString(b.capacity.key))", "capacity_column = \(tomlString(b.capacity.column))"]
            return "{ " + parts.joined(separator: ", ") + " }"
        }, shown: { b in
            BlendFactor.allCases.map { "\($0.rawValue) \(Int((b.weights[$0] * 100).rounded())) %" }.joined(separator: ", ")
                + (b.capacity.file.map { "; capacity: \($0) (\(b.capacity.key) → \(b.capacity.column))" } ?? "")
        })
    }
}
