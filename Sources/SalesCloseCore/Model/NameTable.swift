/// Dense integer id of an interned text value (an order id, customer, SKU, region …).
public typealias NameID = Int32

/// `NameID` meaning "no value".
public let noName: NameID = -1

/// The texts behind one kind of `NameID`, in order of first appearance.
public struct NameTable: Sendable {
    public private(set) var names: [String] = []
    private var ids: [String: NameID] = [:]

    public init() {}
    public init(_ names: [String]) {
        self.names.reserveCapacity(names.count)
        ids.reserveCapacity(names.count)
        for n in names { _ = intern(n) }
    }

    public var count: Int { names.count }

    public mutating func intern(_ name: String) -> NameID {
        if let id = ids[name] { return id }
        let id = NameID(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    public func id(of name: String) -> NameID? { ids[name] }

    /// The text of `id`, or `""` for `noName`.
    public subscript(id: NameID) -> String { id < 0 ? "" : names[Int(id)] }
}
