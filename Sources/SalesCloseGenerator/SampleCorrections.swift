/// The corrections a later monthly export carries: for some lines in the overlap of the
/// September and October exports, the September file shows an earlier version.
enum SampleCorrections {
    /// Lines open in September, cancelled by October.
    static let lateCancellations = 6
    /// Lines whose quantity (and so amount) was corrected.
    static let quantityChanges = 14

    /// The September version of each corrected line, keyed by the line's index in `lines`.
    static func earlierVersions(of lines: [OrderLine], rng: inout SplitMix64) -> [Int: OrderLine] {
        let overlap = lines.indices.filter {
            !lines[$0].orderID.isWebShop && SampleFolder.exportOverlap ~= lines[$0].day
        }
        var earlier: [Int: OrderLine] = [:]
        for index in spread(overlap.filter { lines[$0].status == .cancelled }, count: lateCancellations) {
            var version = lines[index]
            version.status = .open
            earlier[index] = version
        }
        for index in spread(overlap.filter { lines[$0].status != .cancelled && lines[$0].quantity >= 2 }, count: quantityChanges) {
            var version = lines[index]
            let change = rng.int(in: 1...max(1, version.quantity / 2))
            version.quantity += rng.chance(0.5) ? change : -min(change, version.quantity - 1)
            version.amountCents = OrderLine.amountCents(quantity: version.quantity, unitPriceCents: version.unitPriceCents,
                                                        discountHundredths: version.discountHundredths)
            earlier[index] = version
        }
        return earlier
    }

    /// `count` elements spread evenly over `candidates`.
    private static func spread(_ candidates: [Int], count: Int) -> [Int] {
        guard candidates.count > count else { return candidates }
        return (0..<count).map { candidates[$0 * candidates.count / count] }
    }
}
