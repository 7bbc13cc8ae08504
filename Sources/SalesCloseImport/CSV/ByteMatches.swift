/// The bytes of an 8-byte word equal to `byte`, as the high bit of each (exact: no borrow
/// crosses between bytes): for scans that look at eight bytes at a step (`PlainLine`).
@inline(__always)
func byteMatches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let t = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((t & low) &+ low) | t | low)
}
