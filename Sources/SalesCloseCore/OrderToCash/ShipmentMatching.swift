/// Every shipment resolved to the order lines it delivers, and valued.
///
/// - A shipment with a line number is matched by (order, line_no); without one but with a SKU, to
///   the order's lines of that SKU; otherwise to all the order's lines. SKU and order-only
///   shipments are allocated, oldest first, to the open quantity of their lines in line order
///   (line_no numerically, then as text, then input order); a shipment with a negative quantity
///   takes quantity back from the last lines first. What exceeds the ordered quantity goes to the
///   last line and is reported as an over-shipment.
/// - Only deliverable lines (not cancelled, positive quantity) receive shipments. Shipments of a
///   cancelled line, of an unknown order, line or SKU, or of a zero-quantity line are reported and
///   left out. Shipments of a return line (negative quantity) are left out without a report:
///   the return is credited at its order date (see `ReceivablesReport`).
/// - A shipment dated before its order is reported and counted on the order date.
/// - Value = shipped quantity × the line's net unit value (amount ÷ quantity), rounded on the
///   cumulative quantity of the line, so a fully shipped line's shipments sum to its amount exactly.
///   An exported shipment amount is not used.
public struct ShipmentMatching: Sendable {
    /// The part of one shipment that delivers one order line.
    public struct Allocation: Sendable, Equatable {
        /// Index of the order line in `SalesData.orderLines`.
        public var line: Int
        /// The ship date, or the order date when the shipment is dated before its order.
        public var date: Day
        public var quantity: Quantity
        public var value: Money
        public var source: SourceRef
    }

    /// Sorted by line, date and source.
    public let allocations: [Allocation]
    public let issues: [DataQualityIssue]

    public init(data: SalesData) {
        let lines = data.orderLines
        let names = data.names
        var issues: [DataQualityIssue] = []
        var allocations: [Allocation] = []
        allocations.reserveCapacity(data.shipments.count)
        var allocated = [Quantity](repeating: .zero, count: lines.count)

        let linesOfOrder = OrderLineIndex(lines: lines, lineNumbers: names.lineNumbers)

        func report(_ shipment: Shipment, _ field: String, _ value: String, _ message: String) {
            issues.append(DataQualityIssue(source: shipment.source, field: field, value: value, message: message))
        }
        func lineText(_ i: Int) -> String {
            let line = lines[i]
            return "order \(names.orders[line.order]) line " + (line.lineNo == noName ? names.skus[line.sku] : names.lineNumbers[line.lineNo])
        }
        /// The deliverable lines among `candidates`, or nil after reporting why there are none.
        func deliverable(_ candidates: [Int], for shipment: Shipment) -> [Int]? {
            let open = candidates.filter { lines[$0].isDeliverable }
            if !open.isEmpty { return open }
            if let cancelled = candidates.first(where: { lines[$0].isCancelled }) {
                report(shipment, "order_id", names.orders[shipment.order],
                       "shipment of cancelled \(lineText(cancelled)) is excluded from shipped value")
            } else if let zero = candidates.first(where: { lines[$0].quantity == .zero }) {
                report(shipment, "quantity", shipment.quantity.description,
                       "\(lineText(zero)) has no quantity, so its shipment cannot be valued")
            }
            return nil
        }
        /// The shipment's date, or its order's date after reporting a shipment dated before it.
        func effectiveDate(_ shipment: Shipment, line: Int) -> Day {
            let orderDate = lines[line].orderDate
            guard shipment.shipDate < orderDate else { return shipment.shipDate }
            report(shipment, "ship_date", shipment.shipDate.description,
                   "shipped before order \(names.orders[shipment.order]) was placed on \(orderDate); counted on the order date")
            return orderDate
        }

        // Shipments naming their line first, so the others fill what is left open.
        var unnumbered: [(shipment: Shipment, candidates: [Int])] = []
        for shipment in data.shipments {
            guard let ofOrder = linesOfOrder.lines(of: shipment.order) else {
                report(shipment, "order_id", names.orders[shipment.order], "shipment of unknown order")
                continue
            }
            if shipment.lineNo != noName {
                guard let i = linesOfOrder.line(of: shipment.order, numbered: shipment.lineNo) else {
                    report(shipment, "line_no", names.lineNumbers[shipment.lineNo],
                           "order \(names.orders[shipment.order]) has no such line")
                    continue
                }
                guard lines[i].isDeliverable || deliverable([i], for: shipment) != nil else { continue }
                allocations.append(Allocation(line: i, date: effectiveDate(shipment, line: i),
                                              quantity: shipment.quantity, value: .zero, source: shipment.source))
                allocated[i] += shipment.quantity
            } else {
                let candidates = ofOrder.map(Int.init).filter { shipment.sku == noName || lines[$0].sku == shipment.sku }
                guard !candidates.isEmpty else {
                    report(shipment, "sku", names.skus[shipment.sku], "order \(names.orders[shipment.order]) has no line of this SKU")
                    continue
                }
                unnumbered.append((shipment, candidates))
            }
        }

        // Then SKU and order-only shipments, oldest first, into the open quantity in line order.
        unnumbered.sort {
            ($0.shipment.order, $0.shipment.shipDate, $0.shipment.source.file, $0.shipment.source.line)
                < ($1.shipment.order, $1.shipment.shipDate, $1.shipment.source.file, $1.shipment.source.line)
        }
        for (shipment, candidates) in unnumbered {
            guard let open = deliverable(candidates, for: shipment) else { continue }
            let date = effectiveDate(shipment, line: open[0])
            func allocate(_ i: Int, _ quantity: Quantity) {
                allocations.append(Allocation(line: i, date: date, quantity: quantity, value: .zero, source: shipment.source))
                allocated[i] += quantity
            }
            var rest = shipment.quantity
            if rest > .zero {
                for i in open where rest > .zero && allocated[i] < lines[i].quantity {
                    let take = min(lines[i].quantity - allocated[i], rest)
                    allocate(i, take)
                    rest -= take
                }
            } else {
                for i in open.reversed() where rest < .zero && allocated[i] > .zero {
                    let giveBack = min(allocated[i], .zero - rest)
                    allocate(i, .zero - giveBack)
                    rest += giveBack
                }
            }
            if rest != .zero { allocate(open[open.count - 1], rest) }
        }

        // Value each line's shipments in date order, on the cumulative quantity.
        allocations = Self.sortedByLine(allocations, lineCount: lines.count)
        var start = 0
        while start < allocations.count {
            let i = allocations[start].line, line = lines[i]
            var cumulative = Quantity.zero, valued = Money.zero
            var k = start
            while k < allocations.count && allocations[k].line == i {
                let before = cumulative
                cumulative += allocations[k].quantity
                let total = Money(minorUnits: roundedDivision(
                    Int128(cumulative.thousandths) * Int128(line.amount.minorUnits), Int128(line.quantity.thousandths)))
                allocations[k].value = total - valued
                valued = total
                if before <= line.quantity && cumulative > line.quantity {
                    issues.append(DataQualityIssue(
                        source: allocations[k].source, field: "quantity", value: cumulative.description,
                        message: "shipped quantity \(cumulative) exceeds the \(line.quantity) ordered on \(lineText(i))"))
                }
                k += 1
            }
            start = k
        }
        self.allocations = allocations
        self.issues = issues
    }
}

extension ShipmentMatching {
    /// `allocations` sorted by line, date and source, stably: bucketed by line with a counting
    /// sort, then each line's few sorted by insertion (by the standard sort when a line has many).
    static func sortedByLine(_ allocations: [Allocation], lineCount: Int) -> [Allocation] {
        var starts = [Int](repeating: 0, count: lineCount + 1)
        for a in allocations { starts[a.line + 1] += 1 }
        for j in starts.indices.dropFirst() { starts[j] += starts[j - 1] }
        var next = starts
        var sorted = allocations
        for a in allocations {
            sorted[next[a.line]] = a
            next[a.line] += 1
        }
        func before(_ a: Allocation, _ b: Allocation) -> Bool {
            (a.date, a.source.file, a.source.line) < (b.date, b.source.file, b.source.line)
        }
        for line in 0..<lineCount where starts[line + 1] - starts[line] > 1 {
            guard starts[line + 1] - starts[line] <= 32 else {   // a line shipped in many parts
                sorted[starts[line]..<starts[line + 1]].sort(by: before)
                continue
            }
            for k in starts[line] + 1 ..< starts[line + 1] {
                let a = sorted[k]
                var j = k
                while j > starts[line] && before(a, sorted[j - 1]) { sorted[j] = sorted[j - 1]; j -= 1 }
                sorted[j] = a
            }
        }
        return sorted
    }
}
