import GRDB
import RapportCore

extension AppDatabase {
    /// Loads a demo book in one transaction; refuses a database that already has customers,
    /// so a demo never mixes with a real book. `progress` is called every 1,000 customers.
    public func loadDemoBook(_ book: DemoBook, progress: (Int) -> Void = { _ in }) throws {
        try write { db in
            let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0
            guard existing == 0 else {
                throw RapportError.conflict(
                    "the database already has \(existing) customers; the demo book goes into an empty one (use --db PATH)")
            }
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
                done += 1
                if done % 1000 == 0 { progress(done) }
            }
        }
    }
}
