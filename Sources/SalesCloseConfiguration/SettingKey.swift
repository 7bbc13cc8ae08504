import TOMLKit

/// Why a TOML value cannot be used for a key; the decoder adds the key path and the place.
struct ValueProblem: Error { let message: String }

/// One key of a configuration section, declared once: its TOML name, how a TOML value is read
/// into the section, how the value in effect is printed by `salesclose config` and how the
/// workbook's settings table shows it.
struct SettingKey<Section> {
    let name: String
    let read: (TOMLValueConvertible, inout Section) throws -> Void
    /// The TOML line's value, or nil when the key is unset (printed as a comment, `comment`).
    let literal: (Section) -> String?
    /// What `# name: …` says when the key is unset.
    let unsetComment: String
    /// The value for people (the workbook's settings table).
    let shown: (Section) -> String

    init(name: String, read: @escaping (TOMLValueConvertible, inout Section) throws -> Void,
         literal: @escaping (Section) -> String?, unsetComment: String, shown: @escaping (Section) -> String) {
        self.name = name; self.read = read; self.literal = literal; self.unsetComment = unsetComment; self.shown = shown
    }

    /// A key whose value always exists; `check` returns why a value is not allowed.
    init<T>(_ name: String, _ path: WritableKeyPath<Section, T>, _ codec: ValueCodec<T>,
            check: @escaping (T) -> String? = { _ in nil }) {
        self.name = name
        read = { value, section in
            let v = try codec.read(value)
            if let problem = check(v) { throw ValueProblem(message: problem) }
            section[keyPath: path] = v
        }
        literal = { codec.literal($0[keyPath: path]) }
        unsetComment = ""
        shown = { codec.shown($0[keyPath: path]) }
    }

    /// A key that may be unset (nil). `auto`, when given, is the literal that means unset
    /// (`delimiter = "auto"`); otherwise an unset key is printed as `# name: unsetComment`.
    init<T>(_ name: String, _ path: WritableKeyPath<Section, T?>, _ codec: ValueCodec<T>, auto: String? = nil,
            unsetComment: String = "", check: @escaping (T) -> String? = { _ in nil }) {
        self.name = name
        read = { value, section in
            if let auto, value.string == auto { section[keyPath: path] = nil; return }
            let v = try codec.read(value)
            if let problem = check(v) { throw ValueProblem(message: problem) }
            section[keyPath: path] = v
        }
        literal = { section in
            guard let v = section[keyPath: path] else { return auto.map(tomlString) }
            return codec.literal(v)
        }
        self.unsetComment = unsetComment
        shown = { section in section[keyPath: path].map(codec.shown) ?? auto ?? unsetComment }
    }
}

/// Reading and writing one TOML value type.
struct ValueCodec<T> {
    let read: (TOMLValueConvertible) throws -> T
    let literal: (T) -> String
    let shown: (T) -> String

    init(read: @escaping (TOMLValueConvertible) throws -> T, literal: @escaping (T) -> String,
         shown: ((T) -> String)? = nil) {
        self.read = read; self.literal = literal; self.shown = shown ?? literal
    }

    /// The same values shown differently in the workbook.
    func shown(as show: @escaping (T) -> String) -> ValueCodec<T> { ValueCodec(read: read, literal: literal, shown: show) }
}

func found(_ value: TOMLValueConvertible) -> String {
    if let s = value.string { return "found \(tomlString(s))" }
    let type = value.type
    return "found \(type == .int || type == .array ? "an" : "a") \(type)"
}

func tomlString(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        .replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n") + "\""
}

/// `0.8` → `0.8`, `1` → `1.0` (a TOML float either way).
func tomlNumber(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) + ".0" : String(d) }

extension ValueCodec where T == String {
    static var string: ValueCodec<String> {
        ValueCodec(read: { v in
            guard let s = v.string else { throw ValueProblem(message: "expected a string, \(found(v))") }
            return s
        }, literal: tomlString, shown: { $0 })
    }
}

extension ValueCodec where T == Bool {
    static var boolean: ValueCodec<Bool> {
        ValueCodec(read: { v in
            guard let b = v.bool else { throw ValueProblem(message: "expected true or false, \(found(v))") }
            return b
        }, literal: { String($0) })
    }
}

extension ValueCodec where T == Int {
    static var integer: ValueCodec<Int> {
        ValueCodec(read: { v in
            guard let i = v.int else { throw ValueProblem(message: "expected an integer, \(found(v))") }
            return i
        }, literal: { String($0) })
    }
}

extension ValueCodec where T == Double {
    /// A float or an integer (`a = 1` is 1.0).
    static var number: ValueCodec<Double> {
        ValueCodec(read: { v in
            if let d = v.double { return d }
            if let i = v.int { return Double(i) }
            throw ValueProblem(message: "expected a number, \(found(v))")
        }, literal: tomlNumber, shown: { String($0) })
    }

    /// A number shown as a percentage in the workbook (`0.8` → `80 %`).
    static var share: ValueCodec<Double> {
        number.shown { x in
            let p = x * 100
            return (p == p.rounded() ? String(Int(p)) : String(p)) + " %"
        }
    }
}

extension ValueCodec where T: RawRepresentable & CaseIterable, T.RawValue == String {
    /// One of the raw values of `T`, with a suggestion when the value is close to one.
    static func choice(_: T.Type) -> ValueCodec<T> {
        ValueCodec(read: { v in
            guard let s = v.string else { throw ValueProblem(message: "expected a string, \(found(v))") }
            if let e = T(rawValue: s) { return e }
            let names = T.allCases.map(\.rawValue)
            var message = "expected \(orList(names)), found \(tomlString(s))"
            if let near = closestName(to: s, among: names) { message += "; did you mean \(tomlString(near))?" }
            throw ValueProblem(message: message)
        }, literal: { tomlString($0.rawValue) }, shown: { $0.rawValue })
    }
}

extension ValueCodec {
    /// An array of `element`s (a single value is read as an array of one when `single` is true).
    static func array<E>(of element: ValueCodec<E>, single: Bool = false) -> ValueCodec<[E]> {
        ValueCodec<[E]>(read: { v in
            if single, v.type != .array { return [try element.read(v)] }
            guard let a = v.array else { throw ValueProblem(message: "expected an array, \(found(v))") }
            return try a.map { item in
                do { return try element.read(item) } catch let p as ValueProblem {
                    throw ValueProblem(message: "array element: \(p.message)")
                }
            }
        }, literal: { "[" + $0.map(element.literal).joined(separator: ", ") + "]" },
           shown: { $0.map(element.shown).joined(separator: ", ") })
    }
}

/// `a, b or c`.
func orList(_ names: [String]) -> String {
    names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
}
