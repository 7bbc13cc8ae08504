import Foundation

/// Sales channels; a customer buys through one channel.
enum Channel: Int {
    case direct, distributor, online

    var name: String { ["Direct", "Distributor", "Online"][rawValue] }
}

/// How a customer pays its invoices.
enum PaymentHabit {
    case punctual
    case slow
    /// Pays only part of what it owes on invoices from this day on.
    case delinquent(fromDay: Int)
}

struct Region {
    let name: String
    let isOverseas: Bool
}

struct Salesperson {
    let name: String
    let region: Int
}

struct Customer {
    var id: String
    let name: String
    let region: Int
    let salesperson: Int
    let channel: Channel
    let paymentTermsDays: Int
    let habit: PaymentHabit
    /// Payments name the order they settle; otherwise they are customer-level (on account).
    let paysByInvoice: Bool
    /// First day the customer can order (customers join over time).
    let firstDay: Int

    /// Credit limit in cents: about 1.2 × the receivables its last year's purchases imply,
    /// rounded up to 10 000; set tight for delinquent customers so they breach it.
    func creditLimitCents(lastYearRevenueCents: Int) -> Int {
        let step = 10_000_00
        let exposure = Double(lastYearRevenueCents) * Double(paymentTermsDays + 30) / 365 * 1.2
        var limit = max(5 * step, Int((exposure / Double(step)).rounded(.up)) * step)
        if case .delinquent = habit { limit = max(2 * step, limit / 2 / step * step) }
        return limit
    }
}

struct Category {
    let code: String
    let name: String
}

struct Product {
    let sku: String
    let name: String
    let category: Int
    /// First day the product can be ordered (new SKUs launch over time).
    let launchDay: Int
}

/// The fixed cast of a simulation: regions, salespeople, customers, categories and products,
/// with popularity weights (Zipf-like, about 80/20) and list prices and costs per year.
struct World {
    struct Size {
        let customers: Int
        let products: Int
    }

    let firstYear: Int
    let years: Int
    let regions: [Region]
    let salespeople: [Salesperson]
    var customers: [Customer]
    let categories: [Category]
    let products: [Product]
    let customerWeights: [Double]
    let customerPicker: WeightedPicker
    let productPicker: WeightedPicker
    /// Cents, indexed by product × years + year offset.
    private let unitPrices: [Int]
    private let unitCosts: [Int]

    init(size: Size, firstDay: Int, lastDay: Int, rng: inout SplitMix64) {
        firstYear = CivilCalendar.date(firstDay).year
        years = CivilCalendar.date(lastDay).year - firstYear + 1

        var regions: [Region] = []
        var salespeople: [Salesperson] = []
        for (index, spec) in Vocabulary.regions.enumerated() {
            regions.append(Region(name: spec.name, isOverseas: spec.isOverseas))
            salespeople += spec.salespeople.map { Salesperson(name: $0, region: index) }
        }
        self.regions = regions
        self.salespeople = salespeople

        var customerRng = rng.fork(1)
        customers = Self.makeCustomers(count: size.customers, salespeople: salespeople,
                                       firstDay: firstDay, lastDay: lastDay, rng: &customerRng)
        customerWeights = WeightedPicker.zipfWeights(count: size.customers, exponent: 1.0, rng: &customerRng)
        customerPicker = WeightedPicker(weights: customerWeights)

        categories = Vocabulary.categories.map { Category(code: $0.code, name: $0.name) }
        var productRng = rng.fork(2)
        var products: [Product] = []
        var prices: [Int] = []
        var costs: [Int] = []
        let categoryPicker = WeightedPicker(weights: Vocabulary.categories.map(\.productShare))
        var skuCounters = [Int](repeating: 0, count: categories.count)
        for _ in 0..<size.products {
            let category = categoryPicker.pick(&productRng)
            let spec = Vocabulary.categories[category]
            skuCounters[category] += 1
            let sku = spec.code + "-" + String(skuCounters[category] + 10_000).dropFirst()
            let model = productRng.element(of: Vocabulary.modelLetters) + productRng.element(of: Vocabulary.modelLetters)
                + "-" + String(productRng.int(in: 10...99) * 10)
            var name = productRng.element(of: spec.nouns) + " " + model
            if spec.isPacked { name += ", \(productRng.element(of: Vocabulary.packSizes))只装" }
            let launchDay = productRng.chance(0.85) ? firstDay : productRng.int(in: firstDay...(lastDay - 90))
            products.append(Product(sku: sku, name: name, category: category, launchDay: launchDay))

            let logPrice = Foundation.log(spec.minPrice)
                + productRng.unit() * (Foundation.log(spec.maxPrice) - Foundation.log(spec.minPrice))
            let listYuan = Int(Foundation.exp(logPrice)) / 10 * 10 + 9
            let costCents = Int(Double(listYuan * 100) * (spec.costRatio.lowerBound
                + productRng.unit() * (spec.costRatio.upperBound - spec.costRatio.lowerBound)))
            for year in 0..<years {
                prices.append(Int((Double(listYuan * 100) * (1 + 0.03 * Double(year)) / 10).rounded()) * 10)
                costs.append(Int((Double(costCents) * (1 + 0.02 * Double(year))).rounded()))
            }
        }
        self.products = products
        unitPrices = prices
        unitCosts = costs
        productPicker = WeightedPicker(weights: WeightedPicker.zipfWeights(count: size.products, exponent: 1.05, rng: &productRng))
    }

    /// List price in cents of a product in a year (0 = the first simulated year).
    @inline(__always) func unitPriceCents(product: Int, yearOffset: Int) -> Int {
        unitPrices[product * years + yearOffset]
    }

    @inline(__always) func unitCostCents(product: Int, yearOffset: Int) -> Int {
        unitCosts[product * years + yearOffset]
    }

    private static func makeCustomers(count: Int, salespeople: [Salesperson], firstDay: Int, lastDay: Int,
                                      rng: inout SplitMix64) -> [Customer] {
        let regionPicker = WeightedPicker(weights: Vocabulary.regions.map(\.customerShare))
        let delinquencyStart = CivilCalendar.day(2026, 2, 1)
        let delinquencyEnd = CivilCalendar.day(2026, 8, 31)
        var usedNames = Set<String>()
        var customers: [Customer] = []
        customers.reserveCapacity(count)
        for index in 0..<count {
            let region = regionPicker.pick(&rng)
            let spec = Vocabulary.regions[region]
            let team = salespeople.indices.filter { salespeople[$0].region == region }
            let salesperson = team[WeightedPicker(weights: team.indices.map { 1.0 / Double($0 + 2) }).pick(&rng)]

            let channel: Channel
            let channelDraw = rng.unit()
            if spec.isOverseas {
                channel = channelDraw < 0.6 ? .distributor : .direct
            } else {
                channel = channelDraw < 0.06 ? .online : channelDraw < 0.36 ? .distributor : .direct
            }
            let terms: Int
            switch channel {
            case .online: terms = 30
            case .distributor: terms = rng.chance(0.5) ? 60 : 90
            case .direct: terms = spec.isOverseas ? 60 : rng.element(of: [30, 30, 30, 60, 60, 60, 90])
            }
            let habitDraw = rng.unit()
            let habit: PaymentHabit = channel == .online || habitDraw < 0.70 ? .punctual
                : habitDraw < 0.90 ? .slow : .delinquent(fromDay: rng.int(in: delinquencyStart...delinquencyEnd))

            var baseName = makeName(spec: spec, channel: channel, rng: &rng)
            var name = withRandomBranch(baseName, overseas: spec.isOverseas, rng: &rng)
            for _ in 0..<5 where usedNames.contains(name) {
                baseName = makeName(spec: spec, channel: channel, rng: &rng)
                name = withRandomBranch(baseName, overseas: spec.isOverseas, rng: &rng)
            }
            var branch = 2
            while usedNames.contains(name) {
                name = baseName + (spec.isOverseas ? ", Branch \(branch)" : ", 第\(branch)分公司")
                branch += 1
            }
            usedNames.insert(name)

            customers.append(Customer(
                id: "C" + String(index + 100_001).dropFirst(),
                name: name, region: region, salesperson: salesperson, channel: channel,
                paymentTermsDays: terms, habit: habit, paysByInvoice: rng.chance(0.65),
                firstDay: rng.chance(0.8) ? firstDay : rng.int(in: firstDay...(lastDay - 120))))
        }
        return customers
    }

    /// A company name such as `上海"东方"贸易有限公司` or `Pacific Trading Co., Ltd. (Singapore)`.
    private static func makeName(spec: Vocabulary.RegionSpec, channel: Channel, rng: inout SplitMix64) -> String {
        let city = rng.element(of: spec.cities)
        if spec.isOverseas {
            var trade = rng.element(of: Vocabulary.overseasTradeNames)
            if rng.chance(0.1) { trade = "\"" + trade + "\"" }
            return trade + " " + rng.element(of: Vocabulary.overseasSuffixes) + " (" + city + ")"
        }
        var trade = rng.element(of: Vocabulary.tradeNames)
        if rng.chance(0.08) { trade = "\"" + trade + "\"" }
        let suffixes = switch channel {
        case .direct: Vocabulary.directSuffixes
        case .distributor: Vocabulary.distributorSuffixes
        case .online: Vocabulary.onlineSuffixes
        }
        return city + trade + rng.element(of: suffixes)
    }

    /// Some domestic customers are branches: `上海"东方"贸易有限公司, 第二分公司`.
    private static func withRandomBranch(_ name: String, overseas: Bool, rng: inout SplitMix64) -> String {
        guard !overseas && rng.chance(0.05) else { return name }
        return name + ", " + rng.element(of: Vocabulary.branchOrdinals) + "分公司"
    }
}
