/// Dense integer id of an interned text value (an order id, customer, SKU, region …).
public typealias NameID = Int32

/// `NameID` meaning "no value".
public let noName: NameID = -1

/// The texts behind one kind of `NameID`, in order of first appearance.
///
/// Tables that are never searched by text (order ids, line numbers: millions of entries) can be
/// made without the text → id index; `id(of:)` then searches linearly and `intern` builds the
/// index first.
public struct NameTable: Sendable {
    public private(set) var names: [String] = []
    private var ids: [String: NameID]? = [:]

    public init() {}

    /// A table of distinct `names`, with the text → id index unless `indexed` is false.
    public init(_ names: [String], indexed: Bool = true) {
        self.names = names
        ids = indexed ? NameTable.index(names) : nil
    }

    private static func index(_ names: [String]) -> [String: NameID] {
        var ids: [String: NameID] = [:]
        ids.reserveCapacity(names.count)
        for (i, n) in names.enumerated() where ids[n] == nil { ids[n] = NameID(i) }
        return ids
    }

    public var count: Int { names.count }

    public mutating func intern(_ name: String) -> NameID {
        if ids == nil { ids = NameTable.index(names) }
        if let id = ids![name] { return id }
        let id = NameID(names.count)
        names.append(name)
        ids![name] = id
        return id
    }

    public func id(of name: String) -> NameID? {
        if let ids { return ids[name] }
        return names.firstIndex(of: name).map { NameID($0) }
    }

    /// The text of `id`, or `""` for `noName`.
    public subscript(id: NameID) -> String { id < 0 ? "" : names[Int(id)] }
}
