import GRDB
import RapportCore

extension AppDatabase {
    /// Every customer with phones, emails, tags and contact persons, in id order, read in
    /// one pass per table instead of four queries per customer.
    public func forEachCustomer(_ body: (Customer, [ContactPerson]) throws -> Void) throws {
        try read { db in
            func grouped(_ sql: String) throws -> [Int64: [LabeledValue]] {
                var byCustomer: [Int64: [LabeledValue]] = [:]
                let rows = try Row.fetchCursor(db, sql: sql)
                while let row = try rows.next() {
                    byCustomer[row[0], default: []].append(LabeledValue(row[1], label: row[2]))
                }
                return byCustomer
            }
            let phones = try grouped("SELECT customer_id, number, label FROM customer_phone ORDER BY customer_id, position")
            let emails = try grouped("SELECT customer_id, address, label FROM customer_email ORDER BY customer_id, position")
            var tags: [Int64: [String]] = [:]
            let tagRows = try Row.fetchCursor(db, sql: "SELECT customer_id, tag FROM customer_tag ORDER BY customer_id, tag")
            while let row = try tagRows.next() {
                tags[row[0], default: []].append(row[1])
            }
            var contacts: [Int64: [ContactPerson]] = [:]
            let people = try ContactPerson.fetchCursor(db, sql: "SELECT * FROM contact_person ORDER BY customer_id, id")
            while let person = try people.next() {
                contacts[person.customerID, default: []].append(person)
            }
            let customers = try Customer.fetchCursor(db, sql: "SELECT * FROM customer ORDER BY id")
            while var customer = try customers.next() {
                guard let id = customer.id else { continue }
                customer.phones = phones[id] ?? []
                customer.emails = emails[id] ?? []
                customer.tags = tags[id] ?? []
                try body(customer, contacts[id] ?? [])
            }
        }
    }

    /// Every interaction, oldest first, with its customer's name.
    public func forEachInteraction(_ body: (Interaction, String) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT i.*, c.name AS customer_name FROM interaction i JOIN customer c ON c.id = i.customer_id ORDER BY i.occurred_at, i.id
                """)
            while let row = try rows.next() {
                try body(try Interaction(row: row), row["customer_name"])
            }
        }
    }
}
