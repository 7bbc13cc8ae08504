import SalesCloseCore

/// Merging what one file, or one piece of a file, read on its own (a partial state whose only
/// file is file 0) into the state of everything read before it, so that the result is the state
/// one pass over all of it in order would have built:
/// - ids: each interner's values are interned in id order, which gives the ids of one pass;
/// - rows: the partial holds, per key, its last row at the place of its first; merged in order, a
///   key seen before keeps its place and takes the last row, counted as replaced by the
///   partial's first row for that key (the later file wins; exact duplicate or correction as
///   in one pass); its other repeats were counted in the partial; a key new to the state keeps
///   the partial's first row for it, for the state it is merged into in turn;
/// - names: a customer's or product's first name wins, a product's last category;
/// - reports, rejects and findings follow those before them; the rows of a later piece add to its
///   file's counts and their rejects' record numbers continue the file's.
extension ImportState {
    /// Merges `part` as file `file`: a new file (`file == files.count`) or the file last merged
    /// (a later piece of it). `part` is used up: its rows may be moved out of it.
    func merge(_ part: ImportState, as file: Int) {
        precondition(part.files.count == 1 && (file == files.count || file == files.count - 1))
        freshOrder = noName
        if files.isEmpty {
            adopt(part)
            return
        }
        // A row whose order (a line), shipment id or payment id is new to this state repeats none
        // of its rows: it is added without a lookup.
        let newOrders = NameID(self.orders.count), newShipmentIDs = NameID(self.shipmentIDNames.count)
        let newPaymentIDs = NameID(self.paymentIDNames.count)
        let orders = part.orders.merge(into: &self.orders), lineNumbers = part.lineNumbers.merge(into: &self.lineNumbers)
        let customers = part.customers.merge(into: &self.customers), skus = part.skus.merge(into: &self.skus)
        let regions = part.regions.merge(into: &self.regions), salespeople = part.salespeople.merge(into: &self.salespeople)
        let channels = part.channels.merge(into: &self.channels), categories = part.categories.merge(into: &self.categories)
        let invoices = part.invoices.merge(into: &self.invoices), texts = part.texts.merge(into: &self.texts)
        let shipmentIDNames = part.shipmentIDNames.merge(into: &self.shipmentIDNames)
        let paymentIDNames = part.paymentIDNames.merge(into: &self.paymentIDNames)
        let source = { (s: SourceRef) in SourceRef(file: file, line: Int(s.line)) }

        let rowsBefore: Int
        if file == files.count {
            files.append(part.files[0])
            rowsBefore = 0
        } else {
            let piece = part.files[0]
            rowsBefore = files[file].rowsRead
            files[file].rowsRead += piece.rowsRead
            files[file].accepted += piece.accepted
            files[file].rejected += piece.rejected
            files[file].superseded += piece.superseded
            files[file].exactDuplicates += piece.exactDuplicates
            files[file].replacements += piece.replacements
            files[file].filledFromOrderLine += piece.filledFromOrderLine
        }

        func line(_ l: OrderLine) -> OrderLine {
            var l = l
            l.order = orders[l.order]; l.lineNo = lineNumbers[l.lineNo]; l.customer = customers[l.customer]
            l.sku = skus[l.sku]; l.region = regions[l.region]; l.salesperson = salespeople[l.salesperson]
            l.channel = channels[l.channel]; l.category = categories[l.category]; l.source = source(l.source)
            return l
        }
        if lines.isEmpty {
            // Nothing to replace: the partial's rows, renumbered in place; their index, rebuilt
            // only if a later row needs it (`DuplicateRule`).
            swap(&lines, &part.lines)
            if keepsFirstRows { firstLines = part.firstLines.mapValues(line) }
            for i in lines.indices { lines[i] = line(lines[i]) }
            staleIndexes.insert(.lines)
        } else {
            for (i, l) in part.lines.enumerated() {
                let merged = line(l), count = lines.count
                let first = part.firstLines.isEmpty ? nil : part.firstLines[Int32(i)].map(line)
                add(merged, replacing: first ?? merged, orderIsNew: merged.order >= newOrders, file: file)
                if keepsFirstRows, lines.count > count, let first { firstLines[Int32(count)] = first }
            }
        }
        func shipment(_ s: Shipment) -> Shipment {
            var s = s
            s.order = orders[s.order]; s.lineNo = lineNumbers[s.lineNo]; s.sku = skus[s.sku]; s.source = source(s.source)
            return s
        }
        if shipments.isEmpty {
            swap(&shipments, &part.shipments)
            swap(&shipmentIDs, &part.shipmentIDs)
            if keepsFirstRows { firstShipments = part.firstShipments.mapValues(shipment) }
            for i in shipments.indices {
                shipments[i] = shipment(shipments[i])
                shipmentIDs[i] = shipmentIDNames[shipmentIDs[i]]
            }
            staleIndexes.insert(.shipments)
        } else {
            for (i, s) in part.shipments.enumerated() {
                let merged = shipment(s), id = shipmentIDNames[part.shipmentIDs[i]], count = shipments.count
                let first = part.firstShipments.isEmpty ? nil : part.firstShipments[Int32(i)].map(shipment)
                add(merged, replacing: first ?? merged, id: id, idIsNew: id >= newShipmentIDs, file: file)
                if keepsFirstRows, shipments.count > count, let first { firstShipments[Int32(count)] = first }
            }
        }
        func payment(_ p: Payment) -> Payment {
            var p = p
            p.customer = customers[p.customer]; p.order = orders[p.order]; p.invoice = invoices[p.invoice]
            p.source = source(p.source)
            return p
        }
        if payments.isEmpty {
            swap(&payments, &part.payments)
            swap(&paymentIDs, &part.paymentIDs)
            if keepsFirstRows { firstPayments = part.firstPayments.mapValues(payment) }
            for i in payments.indices {
                payments[i] = payment(payments[i])
                paymentIDs[i] = paymentIDNames[paymentIDs[i]]
            }
            staleIndexes.insert(.payments)
        } else {
            for (i, p) in part.payments.enumerated() {
                let merged = payment(p), id = paymentIDNames[part.paymentIDs[i]], count = payments.count
                let first = part.firstPayments.isEmpty ? nil : part.firstPayments[Int32(i)].map(payment)
                add(merged, replacing: first ?? merged, id: id, idIsNew: id >= newPaymentIDs, file: file)
                if keepsFirstRows, payments.count > count, let first { firstPayments[Int32(count)] = first }
            }
        }
        func info(_ c: CustomerInfo) -> CustomerInfo {
            var c = c
            c.region = regions[c.region]; c.salesperson = salespeople[c.salesperson]
            return c
        }
        for (customer, master) in part.customerMaster {
            add(info(master), replacing: info(part.firstCustomerMaster[customer] ?? master), of: customers[customer], file: file)
        }

        for (customer, name) in part.customerNameOf.enumerated() where name != noName {
            let c = customers[NameID(customer)]
            if !hasCustomerName(c) { setCustomerName(c, texts[name]) }
        }
        for sku in part.productNameOf.indices {
            let s = skus[NameID(sku)], name = part.productNameOf[sku], category = part.productCategoryOf[sku]
            if name != noName, !hasProductName(s) { setProduct(s, name: texts[name], category: noName) }
            if category != noName { setProduct(s, name: noName, category: categories[category]) }
        }

        for var reject in part.rejects {
            if rowsBefore > 0, let record = reject.location.record { reject.location.record = record + rowsBefore }
            rejects.append(reject)
        }
        findings += part.findings
    }

    /// Takes over everything `part` read, when nothing was read before (the ids are the same).
    private func adopt(_ part: ImportState) {
        orders = part.orders; lineNumbers = part.lineNumbers; customers = part.customers; skus = part.skus
        regions = part.regions; salespeople = part.salespeople; channels = part.channels; categories = part.categories
        invoices = part.invoices; texts = part.texts
        shipmentIDNames = part.shipmentIDNames; paymentIDNames = part.paymentIDNames
        // The rows, without their indexes: most rows merged later have keys new to this state.
        lines = part.lines; shipments = part.shipments; shipmentIDs = part.shipmentIDs; payments = part.payments
        paymentIDs = part.paymentIDs
        dropIndexes()
        customerNameOf = part.customerNameOf; productNameOf = part.productNameOf; productCategoryOf = part.productCategoryOf
        customerMaster = part.customerMaster; customerMasterFile = part.customerMasterFile
        files = part.files; rejects = part.rejects; findings = part.findings
        if keepsFirstRows {
            firstLines = part.firstLines; firstShipments = part.firstShipments; firstPayments = part.firstPayments
            firstCustomerMaster = part.firstCustomerMaster
        }
    }
}
