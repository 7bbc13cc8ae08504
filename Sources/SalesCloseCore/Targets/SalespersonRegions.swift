/// The region each salesperson's targets roll up to: the region that appears on most of their
/// order lines (cancelled lines included, since they still show where the person sells); ties go
/// to the region whose text sorts first. Salespeople whose lines carry no region have none.
struct SalespersonRegions: Sendable {
    private var regionOf: [NameID: NameID] = [:]
    private var membersOf: [NameID: [NameID]] = [:]

    init(data: SalesData) {
        var counts: [NameID: [NameID: Int]] = [:]
        for line in data.orderLines where line.salesperson != noName && line.region != noName {
            counts[line.salesperson, default: [:]][line.region, default: 0] += 1
        }
        let regions = data.names.regions
        for (person, byRegion) in counts {
            let region = byRegion.min {
                ($0.value, regions[$1.key]) > ($1.value, regions[$0.key])
            }!.key
            regionOf[person] = region
            membersOf[region, default: []].append(person)
        }
    }

    /// The salesperson's region, or nil when none of their lines names one.
    func region(of salesperson: NameID) -> NameID? { regionOf[salesperson] }

    /// The salespeople whose region is `region`, in no particular order.
    func salespeople(in region: NameID) -> [NameID] { membersOf[region] ?? [] }
}
