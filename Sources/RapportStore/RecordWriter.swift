import GRDB
import RapportCore

/// The one place rows are written. Statements are cached per connection, so the demo's
/// bulk load of a million interactions and a single `rapport log` run the same code.
enum RecordWriter {
    // MARK: - Customers

    /// A column a customer is written to, with its value.
    private typealias Column = (name: String, value: @Sendable (Customer, SearchKeys) -> Parameter)

    /// Each column a customer is written to: the card's fields as `CustomerField.columns`
    /// keeps them, then what the store derives and keeps itself.
    private static let customerColumns: [Column] = CustomerField.allCases.flatMap(columns(of:)) + storeColumns

    private static let storeColumns: [Column] = [
        ("custom_fields", { c, _ in .text(Customer.encodeCustomFields(c.customFields)) }),
        ("search_text", { _, k in .text(k.stored) }), ("sort_key", { _, k in .text(k.sortKey) }),
        ("created_at", { c, _ in .text(c.createdAt.text) }), ("updated_at", { c, _ in .text(c.updatedAt.text) }),
        ("last_contact_at", { c, _ in .text(c.lastContactAt?.text) }),
        ("last_visit_at", { c, _ in .text(c.lastVisitAt?.text) }), ("silent_since", { c, _ in .text(c.silentSince?.text) }),
    ]

    private static func columns(of field: CustomerField) -> [Column] {
        switch field.columns {
        case .text(let column): [(column, { @Sendable c, _ in .text(field.value(of: c).string) })]
        case .integer(let column): [(column, { @Sendable c, _ in .integer(field.value(of: c).integer) })]
        case .money(let amount, let currency):
            [(amount, { @Sendable c, _ in .integer(field.value(of: c).amount?.minorUnits) }),
             (currency, { @Sendable c, _ in .text(field.value(of: c).amount?.currency.code) })]
        case .ownTable: []
        }
    }

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

    /// New customers in bulk: each is one insert, with its attention day, followed by its
    /// phones, emails and tags.
    ///
    /// The table's CHECKs are not evaluated: the rows are validated customers, whose types keep
    /// them already, and each `IN` list of more than two values builds an ephemeral table at
    /// every row (1.0 G more instructions for 10,000 customers). `rapport check` verifies them.
    struct CustomerBatch {
        private let insert: Statement
        private let channels: ChannelStatements
        private let attentionQuery: Statement
        /// Attention days by what decides them: an import's customers share a few.
        private var attentionDays: [AttentionInputs: String] = [:]

        /// What a new customer's attention day depends on (new customers have no follow-ups).
        private struct AttentionInputs: Hashable {
            let status: CustomerStatus
            let grade: Grade?
            let cadenceDays: Int?
            let silentDay: Day?
            /// The day of the last contact, else of when the customer was added.
            let clockDay: Day

            init(_ c: Customer) {
                status = c.status
                grade = c.grade
                cadenceDays = c.cadenceDays
                silentDay = c.silentSince?.day
                clockDay = (c.lastContactAt ?? c.createdAt).day
            }
        }

        /// Runs `body` with a batch whose new customers get their attention day from
        /// `attention`, an SQL expression over the customer's columns. The CHECKs are enforced
        /// again afterwards, whatever happens.
        static func writing<T>(attention: String, _ db: Database, _ body: (inout CustomerBatch) throws -> T) throws -> T {
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            defer { try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF") }
            var batch = try CustomerBatch(attention: attention, db)
            return try body(&batch)
        }

        private init(attention: String, _ db: Database) throws {
            // id, the columns, attention_on
            insert = try db.makeStatement(sql: """
                INSERT INTO customer (id, \(customerColumnList), attention_on)
                VALUES (\(Array(repeating: "?", count: customerColumns.count + 2).joined(separator: ", ")))
                """)
            // The expression is evaluated by SQLite, once for each distinct set of inputs, with the
            // columns it names read from parameters (8,500 instructions a row when each insert ran it).
            let inputs = ["status", "grade", "cadence_days", "silent_since", "last_contact_at", "created_at"]
            let parameters = Dictionary(uniqueKeysWithValues: inputs.enumerated().map { ($1, "?\($0 + 1)") })
            attentionQuery = try db.makeStatement(sql: "SELECT \(RecordWriter.replacingColumns(in: attention, with: parameters))")
            channels = try ChannelStatements(db)
        }

        /// Writes a customer with the id it is to have; `values` are the customer's.
        mutating func add(_ values: CustomerValues, of customer: Customer, id: Int64) throws {
            let inputs = AttentionInputs(customer)
            let day = try attentionDays[inputs] ?? attentionDay(inputs)
            try values.run(insert, first: .integer(id), last: .text(day))
            try channels.insert(values, of: id)
        }

        private mutating func attentionDay(_ inputs: AttentionInputs) throws -> String {
            // The rule reads only the days of the silence and of the contact clock.
            let clock = inputs.clockDay.iso
            let day = try String.fetchOne(attentionQuery, arguments: [
                inputs.status.rawValue, inputs.grade?.rawValue, inputs.cadenceDays, inputs.silentDay?.iso, clock, clock,
            ]) ?? "9999-12-31"
            attentionDays[inputs] = day
            return day
        }
    }

    /// `sql` with each name outside quotes that `replacements` holds replaced.
    static func replacingColumns(in sql: String, with replacements: [String: String]) -> String {
        var out = ""
        var word = ""
        var quoted = false
        for ch in sql {
            if !quoted, ch.isLetter || ch == "_" || (!word.isEmpty && ch.isNumber) {
                word.append(ch)
                continue
            }
            out += replacements[word] ?? word
            word = ""
            if ch == "'" { quoted.toggle() }
            out.append(ch)
        }
        return out + (replacements[word] ?? word)
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
