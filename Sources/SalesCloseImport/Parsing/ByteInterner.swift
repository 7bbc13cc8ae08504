import Glibc
import SalesCloseCore

/// Interns byte strings as dense `NameID`s without allocating on a repeat: the bytes are hashed
/// and compared in place, and a `String` is made only the first time a value is seen.
/// Values are kept exactly: `"A1 "` and `"A1"` are different codes, as in the source.
///
/// Each slot holds 32 bits of the value's hash (which also pick the slot, so growing needs no
/// rehashing) and `id + 1`, so a probe touches the stored bytes only when the hashes agree. The
/// last value looked up is remembered, since consecutive rows often repeat it (the lines of one
/// order).
///
/// While the values come in ascending byte order (ids of an export sorted by them: orders,
/// shipments, payments), each new one is only compared with the last: no value before it can
/// equal it, so no index is kept until the first value out of order builds one. Then values of
/// the shape of most of them so far, a prefix and numbered digits (`SO000123`), are found by their
/// number (`NumberedCodes`) as long as their numbers are dense; the others by hash slots.
public struct ByteInterner {
    /// Empty while the values ascend.
    private var slots: [UInt64] = []
    /// How many values the slots hold.
    private var slotted = 0
    /// The ids of the values of one numbered shape, when the index is built and they are dense
    /// enough: such values are not in the slots.
    private var numbered: NumberedCodes?
    /// How many values of the numbered shape are in the slots instead (their numbers were too far
    /// from the others' when they came): a number missing from the array is looked for there.
    private var numberedInSlots = 0
    /// Per id, the end of its bytes in `arena` (values are stored in id order, so a value
    /// starts where the one before it ends): one array to read for a value's place and length.
    private var ends: [Int] = []
    private var arena: [UInt8] = []
    /// Per id, its text; empty for an interner of ids only.
    private var names: [String] = []
    private var lastID: NameID = noName
    /// False for values only compared, never shown (shipment and payment ids): no text is made.
    private let keepsTexts: Bool
    /// True while every value is greater than the one before it (and `slots` is empty).
    private var ascending = true
    /// The values to make room for when the slots are built.
    private var reserved = 0

    public init(keepsTexts: Bool = true) { self.keepsTexts = keepsTexts }

    public var count: Int { ends.count }

    /// The interned texts as a table (ids unchanged; the texts are distinct by construction).
    public var table: NameTable { NameTable(names) }

    /// The same table without the text → id index, for ids never searched by text.
    public var unindexedTable: NameTable { NameTable(names, indexed: false) }

    /// The text of an interned id.
    public subscript(id: NameID) -> String { id < 0 ? "" : names[Int(id)] }

    /// The id of `bytes`, interning them on first sight (as `text` when it is given: their text).
    /// A numbered code is found by its number before anything else: that reads one entry of the
    /// array, where comparing with the last value reads its end and its bytes.
    public mutating func intern(_ bytes: UnsafeRawBufferPointer, text: String? = nil) -> NameID {
        if numbered != nil, let n = numbered!.number(bytes) { return intern(bytes, numbered: n, text: text) }
        if lastID != noName, equal(Int(lastID), bytes) { return lastID }
        if ascending {
            if ends.isEmpty || follows(bytes, ends.count - 1) {
                lastID = append(bytes, text: text)
                return lastID
            }
            buildIndex()
            if numbered != nil, let n = numbered!.number(bytes) { return intern(bytes, numbered: n, text: text) }
        }
        return lookUp(bytes, text: text)
    }

    /// `intern` for a value of the numbered shape, numbered `n`.
    private mutating func intern(_ bytes: UnsafeRawBufferPointer, numbered n: Int, text: String?) -> NameID {
        if let id = numbered!.id(n) { lastID = id; return id }
        if numberedInSlots > 0, let id = slot(of: bytes).id { lastID = id; return id }
        if numbered!.set(n, NameID(ends.count), limit: numberedLimit) {
            lastID = append(bytes, text: text)
            return lastID
        }
        // Too far from the others' numbers for the array: in the slots.
        numberedInSlots += 1
        return lookUp(bytes, text: text)
    }

    /// The longest array of numbered ids kept: four entries per value and some (a quarter of them
    /// used, at worst, and still smaller than the slots).
    private var numberedLimit: Int { 4 * max(ends.count, reserved) + 65_536 }

    /// `intern`, trying `expected` first (the id these bytes usually have, as a customer's name):
    /// a match costs one comparison instead of a lookup.
    public mutating func intern(_ bytes: UnsafeRawBufferPointer, expecting expected: NameID) -> NameID {
        if expected != noName, equal(Int(expected), bytes) { return expected }
        return intern(bytes)
    }

    private mutating func lookUp(_ bytes: UnsafeRawBufferPointer, text: String?) -> NameID {
        let (found, i, tag) = slot(of: bytes)
        if let found { lastID = found; return found }
        let id = append(bytes, text: text)
        slots[i] = tag << 32 | UInt64(id + 1)
        slotted += 1
        if slotted * 2 > slots.count { grow(to: slots.count * 2) }
        lastID = id
        return id
    }

    /// The id of `bytes` in the slots, else the empty slot where they go; and their tag.
    @inline(__always)
    private func slot(of bytes: UnsafeRawBufferPointer) -> (id: NameID?, slot: Int, tag: UInt64) {
        let tag = hash(bytes) >> 32
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: tag) & mask
        while true {
            let s = slots[i]
            if s == 0 { return (nil, i, tag) }
            if s >> 32 == tag {
                let id = Int(s & 0xFFFF_FFFF) - 1
                if equal(id, bytes) { return (NameID(id), i, tag) }
            }
            i = (i + 1) & mask
        }
    }

    /// Stores a new value and returns its id.
    @inline(__always)
    private mutating func append(_ bytes: UnsafeRawBufferPointer, text: String?) -> NameID {
        let id = NameID(ends.count)
        arena.append(contentsOf: bytes)
        ends.append(arena.count)
        if keepsTexts { names.append(text ?? String(decoding: bytes, as: UTF8.self)) }
        return id
    }

    /// Interns these values into `other` in id order and returns the map from these ids to
    /// `other`'s: since ids follow first sight, a later part of the input merged this way gets the
    /// ids one pass over the whole input would have given. An empty `other` becomes a copy of
    /// this interner (the map is the identity); values that all follow `other`'s, both
    /// ascending, are appended as they are (the map adds `other`'s count).
    public func merge(into other: inout ByteInterner) -> IDMap {
        guard other.count > 0 else { other = self; return IDMap(offset: 0) }
        guard count > 0 else { return IDMap(offset: 0) }
        return arena.withUnsafeBytes { arena in
            func value(_ id: Int) -> UnsafeRawBufferPointer {
                UnsafeRawBufferPointer(rebasing: arena[span(id)])
            }
            if ascending, other.ascending, other.follows(value(0), other.count - 1) {
                let offset = other.count, arenaOffset = other.arena.count
                other.arena.append(contentsOf: arena)
                other.ends.append(contentsOf: ends.lazy.map { $0 + arenaOffset })
                if other.keepsTexts { other.names.append(contentsOf: keepsTexts ? names : (0..<count).map { String(decoding: value($0), as: UTF8.self) }) }
                other.lastID = noName
                return IDMap(offset: NameID(offset))
            }
            return IDMap(ids: (0..<count).map { id in other.intern(value(id), text: keepsTexts ? names[id] : nil) })
        }
    }

    /// Makes room for `count` values in all without growing.
    public mutating func reserve(_ count: Int) {
        ends.reserveCapacity(count)
        if keepsTexts { names.reserveCapacity(count) }
        if ascending { reserved = max(reserved, count); return }
        guard numbered == nil, count * 2 > slots.count else { return }
        var size = slots.count
        while count * 2 > size { size *= 2 }
        grow(to: size)
    }

    @inline(__always)
    private func equal(_ id: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let place = span(id), n = place.count
        guard n == bytes.count else { return false }
        if n == 0 { return true }
        return arena.withUnsafeBytes { sameBytes($0.baseAddress! + place.lowerBound, bytes.baseAddress!, n) }
    }

    /// Where value `id` is in `arena`.
    @inline(__always)
    private func span(_ id: Int) -> Range<Int> { (id == 0 ? 0 : ends[id - 1])..<ends[id] }

    /// Whether `bytes` come after value `id` in byte order (a prefix comes first).
    @inline(__always)
    private func follows(_ bytes: UnsafeRawBufferPointer, _ id: Int) -> Bool {
        let place = span(id), n = place.count
        let common = min(n, bytes.count)
        let order = common == 0 ? 0 : arena.withUnsafeBytes { memcmp(bytes.baseAddress!, $0.baseAddress! + place.lowerBound, common) }
        return order > 0 || (order == 0 && bytes.count > n)
    }

    /// Ends the ascending run: the index of every value so far, numbered when most values have
    /// the first one's shape.
    private mutating func buildIndex() {
        ascending = false
        var inArray = [Bool](repeating: false, count: count)
        arena.withUnsafeBytes { arena in
            guard count > 0, var codes = NumberedCodes(shapeOf: UnsafeRawBufferPointer(rebasing: arena[span(0)])) else { return }
            var shaped = 0
            for id in 0..<count {
                guard let n = codes.number(UnsafeRawBufferPointer(rebasing: arena[span(id)])) else { continue }
                shaped += 1
                inArray[id] = codes.set(n, NameID(id), limit: numberedLimit)
            }
            if shaped * 2 >= count { numbered = codes; numberedInSlots = shaped - inArray.count(where: { $0 }) } else { inArray = [] }
        }
        let toSlot = count - (numbered == nil ? 0 : inArray.count(where: { $0 }))
        var size = 1024
        while max(toSlot, numbered == nil ? reserved : 0) * 2 > size { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        for id in 0..<count where inArray.isEmpty || !inArray[id] { slot(id) }
    }

    /// Adds value `id`'s slot (there is room).
    private mutating func slot(_ id: Int) {
        let tag = arena.withUnsafeBytes { hash(UnsafeRawBufferPointer(rebasing: $0[span(id)])) } >> 32
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: tag) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = tag << 32 | UInt64(id + 1)
        slotted += 1
    }

    private mutating func grow(to size: Int) {
        var bigger = [UInt64](repeating: 0, count: size)
        let mask = bigger.count - 1
        for slot in slots where slot != 0 {
            var i = Int(truncatingIfNeeded: slot >> 32) & mask
            while bigger[i] != 0 { i = (i + 1) & mask }
            bigger[i] = slot
        }
        slots = bigger
    }
}

/// Whether `n` (> 0) bytes at `a` and `b` are the same: codes and names are short, so up to 16
/// bytes are compared as two overlapping words each way, without a call.
@inline(__always)
private func sameBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
    if n >= 8 {
        guard n <= 16 else { return memcmp(a, b, n) == 0 }
        return a.loadUnaligned(as: UInt64.self) == b.loadUnaligned(as: UInt64.self)
            && a.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }
    if n >= 4 {
        return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
            && a.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
    }
    for i in 0..<n where a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
    return true
}

/// The ids of one interner's values in another (`ByteInterner.merge(into:)`).
public struct IDMap {
    /// By id; empty when each id maps to itself plus `offset`.
    let ids: [NameID]
    let offset: NameID

    init(ids: [NameID]) { self.ids = ids; offset = 0 }
    init(offset: NameID) { ids = []; self.offset = offset }

    @inline(__always)
    public subscript(id: NameID) -> NameID { id == noName ? id : ids.isEmpty ? id + offset : ids[Int(id)] }
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
