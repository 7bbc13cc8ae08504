import SalesCloseCore

/// The ids of codes of one shape, a fixed prefix and then a fixed number of digits (`SO000123`,
/// `C018293`, `INV-2024-000123`), found by their number in an array instead of by hashing: such
/// codes are mostly numbered one after another, so the array is dense, and codes read in about
/// their order (the orders a day's shipments refer to) are looked up in memory just touched.
///
/// With the prefix and the width fixed, a code and its number determine each other, so no bytes
/// are compared. A code of another shape is not kept here.
struct NumberedCodes {
    /// The bytes before the digits.
    private let prefix: [UInt8]
    /// How many digits follow the prefix (1…18, so the number fits an `Int`).
    private let width: Int
    /// The number of `ids[0]`.
    private var base = 0
    /// Per number from `base`, its id + 1; 0 where no code has that number.
    private var ids: [NameID] = []

    /// The shape of `bytes`: everything up to the last non-digit, then its digits; nil without
    /// trailing digits or with more than 18.
    init?(shapeOf bytes: UnsafeRawBufferPointer) {
        var digits = 0
        while digits < bytes.count, isDigit(bytes[bytes.count - 1 - digits]) { digits += 1 }
        guard (1...18).contains(digits) else { return nil }
        prefix = Array(bytes.prefix(bytes.count - digits))
        width = digits
    }

    /// The number of `bytes` when they have this shape.
    @inline(__always)
    func number(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let p = prefix.count
        guard bytes.count == p + width else { return nil }
        for i in 0..<p where bytes[i] != prefix[i] { return nil }
        var n = 0
        for i in p..<bytes.count {
            let d = bytes[i] &- 48
            guard d < 10 else { return nil }
            n = n &* 10 &+ Int(d)
        }
        return n
    }

    /// The id of the code numbered `n`, if it has one.
    @inline(__always)
    func id(_ n: Int) -> NameID? {
        let i = n - base
        guard i >= 0, i < ids.count else { return nil }
        let stored = ids[i]
        return stored == 0 ? nil : stored - 1
    }

    /// Records `id` as the id of the code numbered `n`; false, recording nothing, when that would
    /// make the array longer than `limit` (the codes are too sparse for one).
    mutating func set(_ n: Int, _ id: NameID, limit: Int) -> Bool {
        if ids.isEmpty { base = n; ids = [NameID](repeating: 0, count: 1024) }
        if n < base || n >= base + ids.count {
            guard extend(to: n, limit: limit) else { return false }
        }
        ids[n - base] = id + 1
        return true
    }

    /// Widens the array to cover `n`, with as much room again beyond it (on the side it grew)
    /// when that stays within `limit`.
    private mutating func extend(to n: Int, limit: Int) -> Bool {
        let low = min(base, n), high = max(base + ids.count, n + 1)
        guard high - low <= limit else { return false }
        let size = min(max(high - low, 2 * ids.count), limit)
        let newBase = n < base ? max(0, high - size) : low
        var wider = [NameID](repeating: 0, count: max(size, high - newBase))
        wider.withUnsafeMutableBufferPointer { wider in
            ids.withUnsafeBufferPointer { old in
                _ = UnsafeMutableBufferPointer(rebasing: wider[(base - newBase)...]).initialize(fromContentsOf: old)
            }
        }
        ids = wider
        base = newBase
        return true
    }
}
