/// The region each salesperson's targets roll up to: the region that appears on most of their
/// order lines (cancelled lines included, since they still show where the person sells); ties go
/// to the region whose text sorts first. Salespeople whose lines carry no region have none.
struct SalespersonRegions: Sendable {
    /// By salesperson id; `noName` when none of their lines names a region.
    private var regionOf: [NameID]
    private var membersOf: [NameID: [NameID]] = [:]

    init(data: SalesData) {
        // Lines per (salesperson, region) pair, counted in a flat index over the packed pair.
        var index = FlatIndex<UInt64>(capacity: 1024)
        var pairs: [(person: NameID, region: NameID)] = [], counts: [Int] = []
        for line in data.orderLines where line.salesperson != noName && line.region != noName {
            let slot = index.index(of: UInt64(UInt32(bitPattern: line.salesperson)) << 32 | UInt64(UInt32(bitPattern: line.region))) {
                pairs.append((line.salesperson, line.region))
                counts.append(0)
                return Int32(counts.count - 1)
            }
            counts[Int(slot)] += 1
        }
        let regions = data.names.regions
        var best = [Int](repeating: -1, count: data.names.salespeople.count)
        for (i, pair) in pairs.enumerated() {
            let b = best[Int(pair.person)]
            if b < 0 || (counts[i], regions[pairs[b].region]) > (counts[b], regions[pair.region]) { best[Int(pair.person)] = i }
        }
        regionOf = best.map { $0 < 0 ? noName : pairs[$0].region }
        for (person, region) in regionOf.enumerated() where region != noName { membersOf[region, default: []].append(NameID(person)) }
    }

    /// The salesperson's region, or nil when none of their lines names one.
    func region(of salesperson: NameID) -> NameID? {
        salesperson >= 0 && Int(salesperson) < regionOf.count && regionOf[Int(salesperson)] != noName ? regionOf[Int(salesperson)] : nil
    }

    /// The salespeople whose region is `region`, in ascending id order.
    func salespeople(in region: NameID) -> [NameID] { membersOf[region] ?? [] }
}
