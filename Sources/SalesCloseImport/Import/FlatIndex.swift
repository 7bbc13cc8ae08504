/// A key of a `FlatIndex`: equatable, with a placeholder for empty slots and a 64-bit hash.
protocol FlatKey: Equatable {
    static var placeholder: Self { get }
    var flatHash: UInt64 { get }
}

extension UInt64: FlatKey {
    static var placeholder: UInt64 { 0 }
    var flatHash: UInt64 { self }
}

/// An open-addressing map from a key to a row index: the de-duplication indexes of the import.
/// Faster than `Dictionary` here because it hashes with one multiply-xorshift round instead of
/// SipHash and stores keys and values flat.
struct FlatIndex<Key: FlatKey> {
    private var keys: [Key]
    private var values: [Int32]        // row index + 1; 0 = empty slot
    private(set) var count = 0

    init() {
        keys = [Key](repeating: .placeholder, count: 1024)
        values = [Int32](repeating: 0, count: 1024)
    }

    /// The row index stored for `key`, or nil.
    subscript(key: Key) -> Int32? {
        let mask = keys.count - 1
        var i = slot(key) & mask
        while values[i] != 0 {
            if keys[i] == key { return values[i] - 1 }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Stores `index` for a key not yet present. The table is kept at most 70 % full.
    mutating func insert(_ key: Key, _ index: Int32) {
        if (count + 1) * 10 > keys.count * 7 { grow() }
        let mask = keys.count - 1
        var i = slot(key) & mask
        while values[i] != 0 { i = (i + 1) & mask }
        keys[i] = key
        values[i] = index + 1
        count += 1
    }

    @inline(__always)
    private func slot(_ key: Key) -> Int {
        var h = key.flatHash &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [Key](repeating: .placeholder, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        count = 0
        for i in oldKeys.indices where oldValues[i] != 0 { insert(oldKeys[i], oldValues[i] - 1) }
    }
}
