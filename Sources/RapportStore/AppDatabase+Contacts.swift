import GRDB
import RapportCore

// MARK: - Writes

extension AppDatabase {
    /// Adds a contact person under a company customer.
    public func addContactPerson(_ person: ContactPerson) throws -> ContactPerson {
        try write { db in
            guard let kind = try String.fetchOne(db, sql: "SELECT kind FROM customer WHERE id = ?", arguments: [person.customerID])
            else { throw RapportError.notFound(what: "customer", reference: "#\(person.customerID)") }
            guard kind == CustomerKind.company.rawValue else {
                throw RapportError.conflict(
                    "customer #\(person.customerID) is a person, not a company; make it one first with `rapport edit #\(person.customerID) --kind company`")
            }
            return try RecordWriter.insert(person, db)
        }
    }

    /// Rewrites a contact person's fields (already validated); the customer stays theirs.
    public func updateContactPerson(_ person: ContactPerson) throws {
        try write { db in
            let id = try Self.existingContactPerson(person.id ?? 0, db).id
            try db.execute(sql: "UPDATE contact_person SET name = ?, role = ?, phone = ?, email = ?, birthday = ?, notes = ? WHERE id = ?",
                           arguments: [person.name, person.role?.rawValue, person.phone, person.email, person.birthday?.description,
                                       person.notes, id])
        }
    }

    /// Deletes a contact person. The interactions logged with them stay on the customer's
    /// timeline without the person (the schema's ON DELETE SET NULL); says how many.
    public func removeContactPerson(id: Int64) throws -> RemovedContactPerson {
        try write { db in
            let person = try Self.existingContactPerson(id, db)
            let customerName = try String.fetchOne(db, sql: "SELECT name FROM customer WHERE id = ?", arguments: [person.customerID]) ?? ""
            let named = try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction WHERE contact_id = ?", arguments: [id]) ?? 0
            try db.execute(sql: "DELETE FROM contact_person WHERE id = ?", arguments: [id])
            return RemovedContactPerson(person: person, customerName: customerName, interactions: named)
        }
    }

    /// The contact person `id`, or "no contact person" naming it.
    private static func existingContactPerson(_ id: Int64, _ db: Database) throws -> ContactPerson {
        guard let person = try ContactPerson.fetchOne(db, sql: "SELECT * FROM contact_person WHERE id = ?", arguments: [id]) else {
            throw RapportError.notFound(what: "contact person", reference: String(id))
        }
        return person
    }
}

/// What removing a contact person took away.
public struct RemovedContactPerson: Sendable {
    public var person: ContactPerson
    public var customerName: String
    /// The logged interactions that named the person: they keep their entry, without the person.
    public var interactions: Int
}

// MARK: - Reads

extension AppDatabase {
    /// A contact person by id.
    public func contactPerson(id: Int64) throws -> ContactPerson? {
        try read { db in try ContactPerson.fetchOne(db, sql: "SELECT * FROM contact_person WHERE id = ?", arguments: [id]) }
    }

    /// A customer's contact persons, in the order they were added.
    public func contactPersons(customerID: Int64) throws -> [ContactPerson] {
        try read { db in try Self.fetchContactPersons(customerID: customerID, db) }
    }

    static func fetchContactPersons(customerID: Int64, _ db: Database) throws -> [ContactPerson] {
        try ContactPerson.fetchAll(db, sql: "SELECT * FROM contact_person WHERE customer_id = ? ORDER BY id", arguments: [customerID])
    }
}
