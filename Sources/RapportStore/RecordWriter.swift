import GRDB
import RapportCore

/// The one place rows are written. Statements are cached per connection, so the demo's
/// bulk load of a million interactions and a single `rapport log` run the same code.
enum RecordWriter {
    // MARK: - Customers

    /// Each column a customer is written to, with its value.
    private static let customerColumns: [(name: String, value: @Sendable (Customer, SearchKeys) -> Parameter)] = [
        ("name", { c, _ in .text(c.name) }), ("company", { c, _ in .text(c.company) }), ("title", { c, _ in .text(c.title) }),
        ("kind", { c, _ in .text(c.kind.rawValue) }), ("address", { c, _ in .text(c.address) }), ("city", { c, _ in .text(c.city) }),
        ("region", { c, _ in .text(c.region) }), ("route", { c, _ in .text(c.route) }), ("industry", { c, _ in .text(c.industry) }),
        ("source", { c, _ in .text(c.source) }), ("grade", { c, _ in .text(c.grade?.rawValue) }),
        ("status", { c, _ in .text(c.status.rawValue) }), ("birthday", { c, _ in .text(c.birthday?.description) }),
        ("preferred_channel", { c, _ in .text(c.preferredChannel?.rawValue) }), ("credit_level", { c, _ in .text(c.creditLevel) }),
        ("credit_limit", { c, _ in .integer(c.creditLimit?.minorUnits) }),
        ("credit_currency", { c, _ in .text(c.creditLimit?.currency.code) }), ("needs", { c, _ in .text(c.needs) }),
        ("concerns", { c, _ in .text(c.concerns) }), ("notes", { c, _ in .text(c.notes) }),
        ("custom_fields", { c, _ in .text(Customer.encodeCustomFields(c.customFields)) }),
        ("search_text", { _, k in .text(k.stored) }), ("sort_key", { _, k in .text(k.sortKey) }),
        ("created_at", { c, _ in .text(c.createdAt.text) }), ("updated_at", { c, _ in .text(c.updatedAt.text) }),
        ("last_contact_at", { c, _ in .text(c.lastContactAt?.text) }), ("cadence_days", { c, _ in .integer(c.cadenceDays) }),
        ("last_visit_at", { c, _ in .text(c.lastVisitAt?.text) }), ("silent_since", { c, _ in .text(c.silentSince?.text) }),
    ]

    private static let customerColumnList = customerColumns.map(\.name).joined(separator: ", ")
    private static let insertCustomerSQL = "INSERT INTO customer (\(customerColumnList)) VALUES ("
        + Array(repeating: "?", count: customerColumns.count).joined(separator: ", ") + ")"

    /// A customer's values as the statements bind them: its columns, phones, emails and tags.
    /// Making them is pure work (dates formatted, keys joined, numbers normalized, texts packed
    /// into one buffer SQLite reads in place), so a bulk write makes them on another thread,
    /// ahead of the database's.
    struct CustomerValues: Sendable {
        fileprivate let packed: PackedValues
        fileprivate let columns: [PackedValues.Value]
        /// number, label, normalized
        fileprivate let phones: [[PackedValues.Value]]
        /// address, label, normalized
        fileprivate let emails: [[PackedValues.Value]]
        fileprivate let tags: [PackedValues.Value]

        init(_ customer: Customer, keys: SearchKeys) {
            var packed = PackedValues(capacity: 512)
            columns = customerColumns.map { packed.pack($0.value(customer, keys)) }
            phones = customer.phones.map { phone in
                [.text(phone.value), .text(phone.label), .text(PhoneNumber.normalized(phone.value))].map { packed.pack($0) }
            }
            emails = customer.emails.map { email in
                [.text(email.value), .text(email.label), .text(email.value.lowercased())].map { packed.pack($0) }
            }
            tags = customer.tags.map { packed.pack(.text($0)) }
            self.packed = packed
        }

        /// Binds the columns at `indices` (all by default) and runs the statement, with `last`
        /// bound after them.
        fileprivate func run(_ statement: Statement, first: Parameter? = nil, indices: [Int]? = nil, last: Parameter? = nil) throws {
            var binder = ParameterBinder(statement)
            try packed.withBytes { bytes in
                if let first { binder.bind(first) }
                if let indices {
                    for i in indices { binder.bind(columns[i], in: bytes) }
                } else {
                    for value in columns { binder.bind(value, in: bytes) }
                }
                if let last { binder.bind(last) }
                try binder.run()
            }
        }
    }

    /// Inserts a customer with its phones, emails and tags; returns it with its id.
    static func insert(_ customer: Customer, keys: SearchKeys, _ db: Database) throws -> Customer {
        let values = CustomerValues(customer, keys: keys)
        try values.run(try db.cachedStatement(sql: insertCustomerSQL))
        var saved = customer
        saved.id = db.lastInsertedRowID
        try ChannelStatements(db).insert(values, of: db.lastInsertedRowID)
        return saved
    }

    /// New customers in bulk. Each statement that inserts into `customer` evaluates the rule
    /// indexes' `IN` lists afresh (an ephemeral table each), so 100,000 single-row inserts cost
    /// eight times one insert of 100,000 rows: customers are staged in a temporary table without
    /// indexes and moved into `customer` some thousands at a time. Their phones, emails and tags
    /// follow once they are there: a row naming a customer not yet written would make SQLite
    /// look for waiting rows in every table that refers to customers, at each customer written.
    struct CustomerBatch {
        static let size = 4_096
        private static let stageSQL = "INSERT INTO temp.staged_customer (id, \(customerColumnList)) VALUES (?, "
            + Array(repeating: "?", count: customerColumns.count).joined(separator: ", ") + ")"
        private let attention: String
        private var pending: [(id: Int64, values: CustomerValues)] = []
        // Held rather than looked up by their SQL at every row.
        private let stage: Statement
        private let channels: ChannelStatements

        /// `attention`: the day each new customer is next due for contact, an SQL expression
        /// over the customer's columns (new customers have no follow-ups yet).
        init(attention: String, _ db: Database) throws {
            self.attention = attention
            try db.execute(sql: "CREATE TEMP TABLE staged_customer AS SELECT id, \(customerColumnList) FROM customer WHERE 0")
            stage = try db.makeStatement(sql: Self.stageSQL)
            channels = try ChannelStatements(db)
        }

        /// Adds a customer with the id it is to have.
        mutating func add(_ values: CustomerValues, id: Int64, _ db: Database) throws {
            try values.run(stage, first: .integer(id))
            pending.append((id, values))
            if pending.count == Self.size { try flush(db) }
        }

        /// Writes what is staged, in id order, before anything else touches those customers.
        mutating func flush(_ db: Database) throws {
            guard !pending.isEmpty else { return }
            // Staged rows are validated customers, whose types keep the table's CHECKs already;
            // evaluating them is a fifth of the cost of the move. `rapport check` verifies them.
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            defer { try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF") }  // also when the move fails
            // Ids were handed out in the order the rows were staged: in rowid order they go in
            // without a sort (`ORDER BY id` copied every row through a sorter).
            try db.execute(sql: """
                INSERT INTO customer (id, \(customerColumnList), attention_on)
                SELECT id, \(customerColumnList), \(attention) FROM temp.staged_customer ORDER BY rowid
                """)
            try db.execute(sql: "DELETE FROM temp.staged_customer")
            for (id, values) in pending { try channels.insert(values, of: id) }
            pending.removeAll(keepingCapacity: true)
        }

        /// Writes the rest and drops the staging table.
        mutating func finish(_ db: Database) throws {
            try flush(db)
            try db.execute(sql: "DROP TABLE temp.staged_customer")
        }
    }

    /// Columns an edit never writes: when the customer was added, and what only logging
    /// moves (a form opened before a call logged elsewhere must not put it back).
    private static let keptOnUpdate: Set<String> = ["created_at", "last_contact_at", "last_visit_at", "silent_since"]
    private static let updatedColumns = customerColumns.indices.filter { !keptOnUpdate.contains(customerColumns[$0].name) }
    private static let updateCustomerSQL = "UPDATE customer SET " + updatedColumns.map { "\(customerColumns[$0].name) = ?" }
        .joined(separator: ", ") + " WHERE id = ?"

    /// Rewrites a saved customer's own columns, phones, emails and tags.
    static func update(_ customer: Customer, _ db: Database) throws {
        guard let id = customer.id else { return }
        let values = CustomerValues(customer, keys: SearchKeys(name: customer.name, company: customer.company,
                                                               phones: customer.phones.map(\.value)))
        try values.run(try db.cachedStatement(sql: updateCustomerSQL), indices: updatedColumns, last: .integer(id))
        try db.cachedStatement(sql: "DELETE FROM customer_phone WHERE customer_id = ?").execute(arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM customer_email WHERE customer_id = ?").execute(arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM customer_tag WHERE customer_id = ?").execute(arguments: [id])
        try ChannelStatements(db).insert(values, of: id)
    }

    /// The statements that write a customer's phones, emails and tags.
    private struct ChannelStatements {
        let phone: Statement
        let email: Statement
        let tag: Statement

        init(_ db: Database) throws {
            phone = try db.cachedStatement(sql: """
                INSERT INTO customer_phone (customer_id, position, number, label, normalized) VALUES (?, ?, ?, ?, ?)
                """)
            email = try db.cachedStatement(sql: """
                INSERT INTO customer_email (customer_id, position, address, label, normalized) VALUES (?, ?, ?, ?, ?)
                """)
            tag = try db.cachedStatement(sql: "INSERT OR IGNORE INTO customer_tag (customer_id, tag) VALUES (?, ?)")
        }

        func insert(_ values: CustomerValues, of id: Int64) throws {
            var phone = ParameterBinder(phone)
            var email = ParameterBinder(email)
            var tag = ParameterBinder(tag)
            try values.packed.withBytes { bytes in
                for (position, fields) in values.phones.enumerated() {
                    try Self.run(&phone, id: id, position: position, fields, bytes)
                }
                for (position, fields) in values.emails.enumerated() {
                    try Self.run(&email, id: id, position: position, fields, bytes)
                }
                for value in values.tags {
                    tag.bind(.integer(id))
                    tag.bind(value, in: bytes)
                    try tag.run()
                }
            }
        }

        private static func run(_ binder: inout ParameterBinder, id: Int64, position: Int, _ fields: [PackedValues.Value],
                                _ bytes: UnsafeRawBufferPointer) throws {
            binder.bind(.integer(id))
            binder.bind(.integer(position))
            for field in fields { binder.bind(field, in: bytes) }
            try binder.run()
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
