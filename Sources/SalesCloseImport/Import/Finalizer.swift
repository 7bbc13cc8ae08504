import SalesCloseConfiguration
import SalesCloseCore

/// Completes the imported rows once every file is read: fills missing dimensions (explicit
/// value on the line > `[[lookups]]` > customer master > product's category), builds the name
/// tables and master data, and reports shipments and payments that reference nothing known.
struct Finalizer {
    let state: ImportState
    let configuration: Configuration
    /// Key → value of each `[[lookups]]` entry, by its index in the configuration.
    let lookupTables: [Int: [String: String]]

    func salesData() -> SalesData {
        var data = SalesData()
        fillFromLookups()
        fillFromMasters()
        var names = SalesData.Names()
        // Order ids and line numbers (millions) are never looked up by text: no index for them.
        names.orders = state.orders.unindexedTable
        names.lineNumbers = state.lineNumbers.unindexedTable
        names.customers = state.customers.table
        names.skus = state.skus.table
        names.regions = state.regions.table
        names.salespeople = state.salespeople.table
        names.channels = state.channels.table
        names.categories = state.categories.table
        names.invoices = state.invoices.unindexedTable
        data.names = names
        data.customers = (0..<state.customers.count).map { id in
            var info = state.customerMaster[NameID(id)] ?? CustomerInfo()
            if info.name == nil, id < state.customerNameOf.count, state.customerNameOf[id] != noName {
                info.name = state.texts[state.customerNameOf[id]]
            }
            return info
        }
        data.products = (0..<state.skus.count).map { id in
            guard id < state.productNameOf.count else { return ProductInfo() }
            let name = state.productNameOf[id]
            return ProductInfo(name: name == noName ? nil : state.texts[name], category: state.productCategoryOf[id])
        }
        reportUnmatchedReferences()
        data.orderLines = state.lines
        data.shipments = state.shipments
        data.payments = state.payments
        return data
    }

    private func fillFromLookups() {
        for (i, lookup) in configuration.lookups.enumerated() {
            guard let table = lookupTables[i] else { continue }
            let sourceNames = interner(lookup.from).table
            var resolved: [NameID: NameID] = [:]
            for index in state.lines.indices where state.lines[index].value(of: lookup.dimension) == noName {
                let key = state.lines[index].value(of: lookup.from)
                guard key != noName else { continue }
                let value: NameID
                if let known = resolved[key] {
                    value = known
                } else {
                    guard let text = table[sourceNames[key]] else { resolved[key] = noName; continue }
                    value = internText(text, lookup.dimension)
                    resolved[key] = value
                }
                if value != noName { set(lookup.dimension, value, onLine: index) }
            }
        }
    }

    private func fillFromMasters() {
        for index in state.lines.indices {
            let line = state.lines[index]
            if let master = state.customerMaster[line.customer] {
                if line.region == noName, master.region != noName { state.lines[index].region = master.region }
                if line.salesperson == noName, master.salesperson != noName { state.lines[index].salesperson = master.salesperson }
            }
            if line.category == noName, Int(line.sku) < state.productCategoryOf.count {
                state.lines[index].category = state.productCategoryOf[Int(line.sku)]
            }
        }
    }

    private func reportUnmatchedReferences() {
        var orderHasLines = [Bool](repeating: false, count: state.orders.count)
        var customerKnown = [Bool](repeating: false, count: state.customers.count)
        for line in state.lines { orderHasLines[Int(line.order)] = true; customerKnown[Int(line.customer)] = true }
        for id in state.customerMaster.keys { customerKnown[Int(id)] = true }
        for s in state.shipments where !orderHasLines[Int(s.order)] {
            state.findings.append(Finding(.warning, file: state.files[Int(s.source.file)].path, line: Int(s.source.line),
                                          field: "order_id", value: state.orders[s.order],
                                          message: "shipment of unknown order \"\(state.orders[s.order])\""))
        }
        for p in state.payments where !customerKnown[Int(p.customer)] {
            state.findings.append(Finding(.warning, file: state.files[Int(p.source.file)].path, line: Int(p.source.line),
                                          field: "customer_id", value: state.customers[p.customer],
                                          message: "payment from unknown customer \"\(state.customers[p.customer])\""))
        }
    }

    private func interner(_ d: Dimension) -> ByteInterner {
        switch d {
        case .region: state.regions
        case .salesperson: state.salespeople
        case .channel: state.channels
        case .category: state.categories
        case .sku: state.skus
        case .customer: state.customers
        }
    }

    private func internText(_ text: String, _ d: Dimension) -> NameID {
        var t = text
        return t.withUTF8 { buffer in
            let bytes = UnsafeRawBufferPointer(buffer)
            switch d {
            case .region: return state.regions.intern(bytes)
            case .salesperson: return state.salespeople.intern(bytes)
            case .channel: return state.channels.intern(bytes)
            case .category: return state.categories.intern(bytes)
            case .sku: return state.skus.intern(bytes)
            case .customer: return state.customers.intern(bytes)
            }
        }
    }

    private func set(_ d: Dimension, _ value: NameID, onLine index: Int) {
        switch d {
        case .region: state.lines[index].region = value
        case .salesperson: state.lines[index].salesperson = value
        case .channel: state.lines[index].channel = value
        case .category: state.lines[index].category = value
        case .sku: state.lines[index].sku = value
        case .customer: state.lines[index].customer = value
        }
    }
}
