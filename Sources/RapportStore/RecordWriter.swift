import GRDB
import RapportCore

/// The one place rows are written. Statements are cached per connection, so the demo's
/// bulk load of a million interactions and a single `rapport log` run the same code.
enum RecordWriter {
    // MARK: - Customers

    private static let customerColumns = [
        "name", "company", "title", "kind", "address", "city", "region", "route", "industry", "source", "grade",
        "status", "birthday", "preferred_channel", "credit_level", "credit_limit", "credit_currency", "needs",
        "concerns", "notes", "custom_fields", "search_text", "sort_key", "created_at", "updated_at", "last_contact_at",
        "cadence_days", "last_visit_at", "silent_since",
    ]

    private static func customerValues(_ c: Customer, _ keys: SearchKeys) -> [(any DatabaseValueConvertible)?] {
        let values: [(any DatabaseValueConvertible)?] = [
            c.name, c.company, c.title, c.kind.rawValue, c.address, c.city, c.region, c.route, c.industry, c.source,
            c.grade?.rawValue, c.status.rawValue, c.birthday?.description, c.preferredChannel?.rawValue, c.creditLevel,
            c.creditLimit?.minorUnits, c.creditLimit?.currency.code, c.needs, c.concerns, c.notes,
            Customer.encodeCustomFields(c.customFields), keys.stored, keys.sortKey, c.createdAt.text, c.updatedAt.text,
            c.lastContactAt?.text, c.cadenceDays, c.lastVisitAt?.text, c.silentSince?.text,
        ]
        return values
    }

    /// Inserts a customer with its phones, emails and tags; returns it with its id.
    static func insert(_ customer: Customer, keys: SearchKeys, _ db: Database) throws -> Customer {
        let sql = "INSERT INTO customer (" + customerColumns.joined(separator: ", ") + ") VALUES ("
            + Array(repeating: "?", count: customerColumns.count).joined(separator: ", ") + ")"
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(customerValues(customer, keys)))
        var saved = customer
        saved.id = db.lastInsertedRowID
        try replaceChannels(of: saved, db)
        return saved
    }

    /// Prepares a bulk insert of customers: they are staged in a temporary table without
    /// indexes, then moved into `customer` by one statement. Each statement that inserts into
    /// `customer` evaluates the rule indexes' `IN` lists afresh (an ephemeral table each), so
    /// 100,000 single-row inserts cost eight times one insert of 100,000 rows. Phones, emails
    /// and tags are written at once, so foreign keys are checked at commit.
    static func beginStaging(_ db: Database) throws {
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        try db.execute(sql: "CREATE TEMP TABLE staged_customer AS SELECT id, " + customerColumns.joined(separator: ", ")
                       + " FROM customer WHERE 0")
    }

    /// Stages a new customer under `id` with its phones, emails and tags.
    static func stage(_ customer: Customer, id: Int64, keys: SearchKeys, _ db: Database) throws {
        let sql = "INSERT INTO temp.staged_customer (id, " + customerColumns.joined(separator: ", ") + ") VALUES (?, "
            + Array(repeating: "?", count: customerColumns.count).joined(separator: ", ") + ")"
        var arguments: StatementArguments = [id]
        arguments += StatementArguments(customerValues(customer, keys))
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
        var saved = customer
        saved.id = id
        try replaceChannels(of: saved, db)
    }

    /// Moves the staged customers into `customer`, in id order.
    static func flushStaged(_ db: Database) throws {
        let columns = "id, " + customerColumns.joined(separator: ", ")
        try db.execute(sql: "INSERT INTO customer (\(columns)) SELECT \(columns) FROM temp.staged_customer ORDER BY id")
        try db.execute(sql: "DELETE FROM temp.staged_customer")
    }

    /// Ends a bulk insert, moving what is still staged.
    static func endStaging(_ db: Database) throws {
        try flushStaged(db)
        try db.execute(sql: "DROP TABLE temp.staged_customer")
    }

    /// Columns an edit never writes: when the customer was added, and what only logging
    /// moves (a form opened before a call logged elsewhere must not put it back).
    private static let keptOnUpdate: Set<String> = ["created_at", "last_contact_at", "last_visit_at", "silent_since"]

    /// Rewrites a saved customer's own columns, phones, emails and tags.
    static func update(_ customer: Customer, _ db: Database) throws {
        guard let id = customer.id else { return }
        let keys = SearchKeys(name: customer.name, company: customer.company, phones: customer.phones.map(\.value))
        let written = customerColumns.indices.filter { !keptOnUpdate.contains(customerColumns[$0]) }
        let sql = "UPDATE customer SET " + written.map { "\(customerColumns[$0]) = ?" }.joined(separator: ", ") + " WHERE id = ?"
        let values = customerValues(customer, keys)
        var arguments = StatementArguments(written.map { values[$0] })
        arguments += [id]
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
        try db.cachedStatement(sql: "DELETE FROM customer_phone WHERE customer_id = ?").execute(arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM customer_email WHERE customer_id = ?").execute(arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM customer_tag WHERE customer_id = ?").execute(arguments: [id])
        try replaceChannels(of: customer, db)
    }

    private static func replaceChannels(of customer: Customer, _ db: Database) throws {
        guard let id = customer.id else { return }
        let phone = try db.cachedStatement(sql: """
            INSERT INTO customer_phone (customer_id, position, number, label, normalized) VALUES (?, ?, ?, ?, ?)
            """)
        for (i, p) in customer.phones.enumerated() {
            try phone.execute(arguments: [id, i, p.value, p.label, PhoneNumber.normalized(p.value)])
        }
        let email = try db.cachedStatement(sql: """
            INSERT INTO customer_email (customer_id, position, address, label, normalized) VALUES (?, ?, ?, ?, ?)
            """)
        for (i, e) in customer.emails.enumerated() {
            try email.execute(arguments: [id, i, e.value, e.label, e.value.lowercased()])
        }
        let tag = try db.cachedStatement(sql: "INSERT OR IGNORE INTO customer_tag (customer_id, tag) VALUES (?, ?)")
        for t in customer.tags {
            try tag.execute(arguments: [id, t])
        }
    }

    // MARK: - Contact persons, interactions, follow-ups

    static func insert(_ person: ContactPerson, _ db: Database) throws -> ContactPerson {
        try db.cachedStatement(sql: """
            INSERT INTO contact_person (customer_id, name, role, phone, email, birthday, notes) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [person.customerID, person.name, person.role?.rawValue, person.phone, person.email,
                                     person.birthday?.description, person.notes])
        var saved = person
        saved.id = db.lastInsertedRowID
        return saved
    }

    static func insert(_ interaction: Interaction, _ db: Database) throws -> Interaction {
        try db.cachedStatement(sql: """
            INSERT INTO interaction (customer_id, contact_id, kind, occurred_at, outcome, note) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [interaction.customerID, interaction.contactID, interaction.kind.rawValue,
                                     interaction.at.text, interaction.outcome?.rawValue, interaction.note])
        var saved = interaction
        saved.id = db.lastInsertedRowID
        return saved
    }

    static func insert(_ followUp: FollowUp, createdBy interactionID: Int64? = nil, _ db: Database) throws -> FollowUp {
        // last_activity_at: anything already logged after the promise was made (a demo book
        // writes its history in any order).
        try db.cachedStatement(sql: """
            INSERT INTO follow_up (customer_id, due_on, due_time, title, status, done_at, created_at, interaction_id, last_activity_at)
            VALUES (:customer, :due, :time, :title, :status, :done, :created, :interaction,
                    (SELECT max(occurred_at) FROM interaction WHERE customer_id = :customer AND occurred_at > :created))
            """).execute(arguments: ["customer": followUp.customerID, "due": followUp.due.iso, "time": followUp.time?.description,
                                     "title": followUp.title, "status": followUp.status.rawValue, "done": followUp.doneAt?.text,
                                     "created": followUp.createdAt.text, "interaction": interactionID])
        var saved = followUp
        saved.id = db.lastInsertedRowID
        return saved
    }
}
