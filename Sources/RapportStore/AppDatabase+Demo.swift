import GRDB
import RapportCore
import RapportDemo

extension AppDatabase {
    /// Loads a demo book in one transaction; refuses a database that already has customers,
    /// so a demo never mixes with a real book. `progress` is called every 1,000 customers.
    public func loadDemoBook(_ book: DemoBook, progress: (Int) -> Void = { _ in }) throws {
        // Into an empty book: its history starts after.
        try write(recording: false) { db in
            let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0
            guard existing == 0 else {
                throw RapportError.conflict(
                    "the database already has \(existing) customers; the demo book goes into an empty one (use --db PATH)")
            }
            var productIDs: [String: Int64] = [:]
            for product in DemoBook.products {
                if let id = try Int64.fetchOne(db, sql: "SELECT id FROM product WHERE code = ?", arguments: [product.code]) {
                    productIDs[product.code] = id
                } else {
                    try db.execute(sql: "INSERT INTO product (code, name, unit_price, currency, active, created_at) VALUES (?, ?, ?, ?, 1, ?)",
                                   arguments: [product.code, product.name, product.unitPrice.minorUnits, product.unitPrice.currency.code,
                                               LocalDateTime(day: book.today.adding(days: -800), time: ClockTime(clampingHour: 9, minute: 0)).text])
                    productIDs[product.code] = db.lastInsertedRowID
                }
            }
            var contractsPerYear: [Int: Int] = [:]
            var done = 0
            try book.forEach { entry in
                let customer = try RecordWriter.insert(entry.customer, keys: entry.keys, db)
                guard let id = customer.id else { return }
                var contactIDs: [Int64] = []
                for var person in entry.contacts {
                    person.customerID = id
                    if let saved = try RecordWriter.insert(person, db).id { contactIDs.append(saved) }
                }
                for var interaction in entry.interactions {
                    interaction.customerID = id
                    if !contactIDs.isEmpty, interaction.kind.isFaceToFace {
                        interaction.contactID = contactIDs[interaction.at.day.ordinal % contactIDs.count]
                    }
                    _ = try RecordWriter.insert(interaction, db)
                }
                for var followUp in entry.followUps {
                    followUp.customerID = id
                    _ = try RecordWriter.insert(followUp, db)
                }
                for demo in entry.deals {
                    try Self.insert(demo, customerID: id, productIDs: productIDs, contractsPerYear: &contractsPerYear, db)
                }
                done += 1
                if done % 1000 == 0 { progress(done) }
            }
        }
    }

    /// A demo deal with its history, and once won its contract numbered in the year's
    /// sequence, instalments and payments.
    private static func insert(_ demo: DemoBook.DemoDeal, customerID: Int64, productIDs: [String: Int64],
                               contractsPerYear: inout [Int: Int], _ db: Database) throws {
        var deal = demo.deal
        deal.customerID = customerID
        for (i, code) in demo.productCodes.enumerated() where i < deal.items.count { deal.items[i].productID = productIDs[code] }
        let dealID = try insertDeal(deal, db)
        deal.id = dealID
        try insertItems(of: deal, db)
        for var stay in demo.stays {
            stay.dealID = dealID
            try insert(stay, db)
        }
        guard var contract = demo.contract else { return }
        let year = contract.signedOn.year
        contractsPerYear[year, default: 0] += 1
        let n = String(contractsPerYear[year] ?? 1)
        contract.number = "\(year)-" + String(repeating: "0", count: max(0, 3 - n.count)) + n
        contract.customerID = customerID
        contract.dealID = dealID
        let saved = try insertContract(contract, now: contract.createdAt, db)
        for payment in demo.payments {
            guard let instalment = saved.instalments.first(where: { $0.position == payment.position }), let instalmentID = instalment.id,
                  let contractID = saved.id else { continue }
            try db.cachedStatement(sql: """
                INSERT INTO payment (contract_id, instalment_id, paid_on, amount, currency, note, created_at) VALUES (?, ?, ?, ?, ?, '', ?)
                """).execute(arguments: [contractID, instalmentID, payment.day.iso, payment.amount.minorUnits, payment.amount.currency.code,
                                         LocalDateTime(day: payment.day, time: ClockTime(clampingHour: 16, minute: 0)).text])
            try db.cachedStatement(sql: "UPDATE instalment SET received = received + ? WHERE id = ?")
                .execute(arguments: [payment.amount.minorUnits, instalmentID])
            try db.cachedStatement(sql: "UPDATE contract SET received = received + ? WHERE id = ?")
                .execute(arguments: [payment.amount.minorUnits, contractID])
        }
    }
}
