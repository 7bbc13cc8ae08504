import Glibc
import SalesCloseCore

/// Interns byte strings as dense `NameID`s without allocating on a repeat: the bytes are hashed
/// and compared in place, and a `String` is made only the first time a value is seen.
/// Surrounding spaces are kept: `"A1 "` and `"A1"` are different codes, as in the source.
public struct ByteInterner {
    private var slots: [Int32]            // NameID + 1; 0 = empty
    private var hashes: [UInt64] = []     // per id
    private var starts: [Int] = []        // per id, into `arena`
    private var lengths: [Int32] = []
    private var arena: [UInt8] = []
    public private(set) var table = NameTable()

    public init() { slots = [Int32](repeating: 0, count: 1024) }

    /// Starts from an existing table (ids keep their values).
    public init(_ table: NameTable) {
        self.init()
        for name in table.names { var s = name; s.withUTF8 { _ = intern(UnsafeRawBufferPointer($0)) } }
    }

    public var count: Int { starts.count }

    /// The id of `bytes`, interning them on first sight.
    public mutating func intern(_ bytes: UnsafeRawBufferPointer) -> NameID {
        let h = hash(bytes)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 { break }
            let id = Int(s - 1)
            if hashes[id] == h, equal(id, bytes) { return NameID(id) }
            i = (i + 1) & mask
        }
        let id = NameID(starts.count)
        hashes.append(h)
        starts.append(arena.count)
        lengths.append(Int32(bytes.count))
        arena.append(contentsOf: bytes)
        _ = table.intern(String(decoding: bytes, as: UTF8.self))
        slots[i] = id + 1
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `bytes` if already interned.
    public func lookup(_ bytes: UnsafeRawBufferPointer) -> NameID? {
        let h = hash(bytes)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 {
            let id = Int(slots[i] - 1)
            if hashes[id] == h, equal(id, bytes) { return NameID(id) }
            i = (i + 1) & mask
        }
        return nil
    }

    private func equal(_ id: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let n = Int(lengths[id])
        guard n == bytes.count else { return false }
        if n == 0 { return true }
        return arena.withUnsafeBytes { memcmp($0.baseAddress! + starts[id], bytes.baseAddress!, n) == 0 }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for id in 0..<starts.count {
            var i = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(id + 1)
        }
    }
}

/// A fast 64-bit hash of a byte string (8 bytes per step, multiply-xorshift mixing).
@inline(__always)
func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    let n = bytes.count
    guard let base = bytes.baseAddress else { return h }
    var i = 0
    while i + 8 <= n {
        h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < n { tail |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift; shift += 8; i += 1 }
    h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
    h ^= h >> 29
    h = h &* 0xBF58_476D_1CE4_E5B9
    return h ^ (h >> 32)
}
