/// A key of a `FlatIndex`: equatable, with a placeholder for empty slots and a 64-bit hash.
public protocol FlatKey: Equatable, Sendable {
    static var placeholder: Self { get }
    var flatHash: UInt64 { get }
}

extension UInt64: FlatKey {
    @inlinable public static var placeholder: UInt64 { 0 }
    @inlinable public var flatHash: UInt64 { self }
}

/// An open-addressing map from a key to a row index: the de-duplication indexes of the import
/// and the per-line aggregation tables of the core. Faster than `Dictionary` on these hot paths
/// because it hashes with one multiply-xorshift round instead of SipHash and stores keys and
/// values flat.
public struct FlatIndex<Key: FlatKey>: Sendable {
    @usableFromInline var keys: [Key]
    @usableFromInline var values: [Int32]        // row index + 1; 0 = empty slot
    @usableFromInline var stored = 0
    /// The number of keys stored.
    @inlinable public var count: Int { stored }

    /// An index sized for about `capacity` keys without growing.
    @inlinable
    public init(capacity: Int = 700) {
        var size = 1024
        while size * 7 < capacity * 10 { size *= 2 }
        keys = FlatIndex.emptyKeys(size)
        values = [Int32](repeating: 0, count: size)
    }

    /// Keys for `size` empty slots. A slot's key is read only once its value is set, so keys of a
    /// trivial type are left as allocated instead of written (a large table's pages are then
    /// touched once, by its values and the keys stored).
    @inlinable
    static func emptyKeys(_ size: Int) -> [Key] {
        guard _isPOD(Key.self) else { return [Key](repeating: .placeholder, count: size) }
        return [Key](unsafeUninitializedCapacity: size) { _, initialized in initialized = size }
    }

    /// The row index stored for `key`, or nil.
    @inlinable
    public subscript(key: Key) -> Int32? {
        let mask = keys.count - 1
        var i = slot(key) & mask
        while values[i] != 0 {
            if keys[i] == key { return values[i] - 1 }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Stores `index` for a key not yet present. The table is kept at most 70 % full.
    @inlinable
    public mutating func insert(_ key: Key, _ index: Int32) {
        if (stored + 1) * 10 > keys.count * 7 { grow() }
        let mask = keys.count - 1
        var i = slot(key) & mask
        while values[i] != 0 { i = (i + 1) & mask }
        keys[i] = key
        values[i] = index + 1
        stored += 1
    }

    /// The row index of `key`, inserting `newIndex()` first when the key is new.
    @inlinable
    public mutating func index(of key: Key, orInsert newIndex: () -> Int32) -> Int32 {
        if (stored + 1) * 10 > keys.count * 7 { grow() }
        let mask = keys.count - 1
        var i = slot(key) & mask
        while values[i] != 0 {
            if keys[i] == key { return values[i] - 1 }
            i = (i + 1) & mask
        }
        let index = newIndex()
        keys[i] = key
        values[i] = index + 1
        stored += 1
        return index
    }

    @inlinable @inline(__always)
    func slot(_ key: Key) -> Int {
        var h = key.flatHash &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }

    @usableFromInline
    mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = FlatIndex.emptyKeys(oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        stored = 0
        for i in oldKeys.indices where oldValues[i] != 0 { insert(oldKeys[i], oldValues[i] - 1) }
    }
}
