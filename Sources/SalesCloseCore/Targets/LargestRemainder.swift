/// Splits `total` into integer parts proportional to `weights` that sum exactly to `total`
/// (largest-remainder rounding). Each part gets the floor of its exact share; the units left
/// over go one each to the largest remainders, ties to the earlier index. A negative total is
/// split as its magnitude and negated, so the parts are mirror images of the positive case.
///
/// - Precondition: weights are non-negative and at least one is positive.
func largestRemainderSplit(_ total: Int64, weights: [Int64]) -> [Int64] {
    let weightSum = weights.reduce(Int128(0)) { $0 + Int128($1) }
    precondition(weightSum > 0 && weights.allSatisfy { $0 >= 0 }, "weights must be non-negative with a positive sum")
    let magnitude = Int128(total.magnitude)
    var parts = weights.map { magnitude * Int128($0) / weightSum }
    let remainders = weights.map { magnitude * Int128($0) % weightSum }
    let leftover = Int(magnitude - parts.reduce(0, +))
    let byRemainder = weights.indices.sorted { (remainders[$0], $1) > (remainders[$1], $0) }
    for i in byRemainder.prefix(leftover) { parts[i] += 1 }
    return parts.map { total < 0 ? -Int64($0) : Int64($0) }
}
