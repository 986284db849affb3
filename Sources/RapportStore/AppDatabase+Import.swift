import GRDB
import RapportBase
import RapportCore

/// What to do with an imported card that duplicates one in the book or earlier in the file.
public enum DuplicatePolicy: String, CaseIterable, Sendable {
    /// Leave the book's card as it is and report the row.
    case skip
    /// Bring the book's card up to date from the row.
    case update
    /// Add the row as a customer of its own all the same.
    case new
}

/// What to do with an imported card that shares a phone or an email with a customer of
/// another name (a switchboard, a reassigned mobile): never an update.
public enum ConflictPolicy: String, CaseIterable, Sendable {
    /// Add the row as a customer of its own, and report it.
    case new
    /// Leave the row out, and report it.
    case skip
}

/// What an import sets on the customers it creates, and on no other: a card it updates keeps
/// its own status and cadence. An address book's 300 contacts come in as `dormant`, or not
/// chased, so that a week later Today is not full of "not yet contacted".
public struct NewCustomerTerms: Sendable, Equatable {
    public var status: CustomerStatus?
    /// False: never chased (a cadence of 0), whatever the grade.
    public var chased: Bool

    public init(status: CustomerStatus? = nil, chased: Bool = true) {
        self.status = status
        self.chased = chased
    }

    var isNone: Bool { status == nil && chased }

    func applied(to customer: Customer) -> Customer {
        guard !isNone else { return customer }
        var c = customer
        if let status { c.status = status }
        if !chased { c.cadenceDays = 0 }
        return c
    }
}

/// What an import did, or would do, with each row.
public struct ImportReport: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        case created(id: Int64)
        /// The card `id`, named `name`, brought up to date; no change is an unchanged card, not written.
        case updated(id: Int64, name: String, changes: [FieldChange])
        case skipped(reason: String)
        /// The row shares `shared` (`phone 13800138000`) with customer `with`, named `named`,
        /// and was added as `created`, or left out when that is nil.
        case conflict(with: Int64, named: String, shared: String, created: Int64?)
    }

    public struct Line: Sendable, Equatable {
        public var line: Int
        public var name: String
        public var action: Action
    }

    public var lines: [Line] = []

    /// New customers, conflicts added as new among them.
    public var created: Int {
        lines.count {
            switch $0.action {
            case .created, .conflict(_, _, _, created: _?): true
            default: false
            }
        }
    }
    public var updated: Int { lines.count { if case .updated(_, _, let changes) = $0.action { !changes.isEmpty } else { false } } }
    public var unchanged: Int { lines.count { if case .updated(_, _, let changes) = $0.action { changes.isEmpty } else { false } } }
    public var skipped: Int { lines.count { if case .skipped = $0.action { true } else { false } } }
    public var conflicts: Int { lines.count { if case .conflict = $0.action { true } else { false } } }
}

extension AppDatabase {
    /// Brings validated customers in, in one transaction: each row is matched against the
    /// book and the rows before it by phone or email under a name that agrees
    /// (`DuplicateKeys.namesAgree`), or by name and company, then created, updated or skipped
    /// by `policy`. A row sharing a phone or email only with customers of other names is a
    /// conflict, added or skipped by `onConflict`. With `dryRun` everything is done and rolled
    /// back, so the report is exactly what the import would do. `progress` gets the rows done.
    public func importCustomers(_ rows: [(line: Int, customer: Customer)], onDuplicate policy: DuplicatePolicy,
                                onConflict: ConflictPolicy = .new, creating terms: NewCustomerTerms = NewCustomerTerms(), dryRun: Bool,
                                now: LocalDateTime, progress: (Int) -> Void = { _ in }) throws -> ImportReport {
        try writeOrRollBack(dryRun) { db, notes in
            let firstNew = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM customer") ?? 0) + 1
            let setAside = try Self.setAsideForBulkInsert(of: rows.count, path: path, db)
            let newAttention = "coalesce(\(Self.contactDueV5), '9999-12-31')"
            // With `.new` no row is matched: duplicate keys are neither made, read nor kept.
            let matching = policy != .new
            var known = matching ? try Self.knownCards(db) : KnownCards()
            if matching { known.reserveCapacity(rows.count) }
            var report = ImportReport()
            report.lines.reserveCapacity(rows.count)
            // Ids are handed out here, above every id the book ever gave (its AUTOINCREMENT counter).
            let counter = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'customer'") ?? 0
            var nextID = max(firstNew, counter + 1)
            // Keys and bind values are pure: they are made on another thread, some thousands of rows
            // ahead, so that this thread does SQLite's work alone (it waits for them only at the start).
            let memo = PinyinMemo()
            // The history keeps the new customers as their range of ids (recording 100,000 rows
            // would cost more than writing them); only updates of existing cards are recorded.
            let firstID = nextID
            notes.recorder.record(false)
            try RecordWriter.CustomerBatch.writing(attention: newAttention, db) { batch in
                try rows.pipelined(chunk: 1_024, ahead: 8, prepare: { chunk in
                    memo.learn(chunk.map(\.customer.name) + chunk.compactMap(\.customer.company))
                    return chunk.map { row in
                        let c = terms.applied(to: row.customer)
                        return (duplicates: matching ? DuplicateKeys.of(c) : [],
                                values: RecordWriter.CustomerValues(c, keys: SearchKeys(name: c.name, company: c.company,
                                                                                       phones: c.phones.map(\.value), memo: memo)))
                    }
                }) { range, keyed in
                    for (n, row) in zip(range, rows[range]) {
                        let keys = keyed[n - range.lowerBound]
                        let found = matching ? known.match(row.customer.name, keys: keys.duplicates, memo: memo) : nil
                        let action: ImportReport.Action
                        func create() throws -> Int64 {
                            let id = nextID
                            nextID += 1
                            // Borrowed as it is when the terms change nothing: no copy of every card.
                            if terms.isNone {
                                try batch.add(keys.values, of: row.customer, id: id)
                            } else {
                                try batch.add(keys.values, of: terms.applied(to: row.customer), id: id)
                            }
                            if matching { known.add(keys.duplicates, of: id, named: row.customer.name) }
                            return id
                        }
                        switch (found, policy) {
                        case let (.duplicate(key, id)?, .skip):
                            action = .skipped(reason: DuplicateKeys.reason(key) + " as #\(id)")
                        case let (.duplicate(_, id)?, .update):
                            guard let saved = try Self.fetchCustomer(id: id, db) else { continue }
                            let merged = saved.updated(from: row.customer, now: now)
                            let changes = CustomerField.changes(from: saved, to: merged)
                            if !changes.isEmpty {
                                notes.recorder.record(true)
                                try RecordWriter.update(merged, db)
                                notes.recorder.record(false)
                                known.add(DuplicateKeys.of(merged), of: id, named: saved.name)
                            }
                            action = .updated(id: id, name: saved.name, changes: changes)
                        case let (.conflict(key, id, name)?, _):
                            action = .conflict(with: id, named: name, shared: DuplicateKeys.shared(key),
                                               created: onConflict == .new ? try create() : nil)
                        default:
                            action = .created(id: try create())
                        }
                        report.lines.append(ImportReport.Line(line: row.line, name: row.customer.name, action: action))
                        if (n + 1) % 1000 == 0 { progress(n + 1) }
                    }
                }
            }
            notes.recorder.record(true)
            if nextID > firstID { notes.bulkCustomers = firstID...(nextID - 1) }
            for object in setAside { try db.execute(sql: object.sql) }
            progress(rows.count)
            return report
        }
    }

    /// Brings a call history in, in one transaction: each row's customer reference must
    /// name exactly one customer, else nothing is written and the error names the line
    /// (with `skippingUnknown`, such a row is left out and its reason returned instead).
    /// The contact clocks of the customers touched are brought up to date once at the end.
    /// What an import of interactions did, or would do: how many were logged, the rows
    /// refused, and the customer each reference was read as (for the dry run to show).
    public struct InteractionImport: Sendable {
        public struct Match: Sendable {
            public var reference: String
            public var customerID: Int64
            public var name: String
            public var lines: [Int]
        }

        public var logged: Int
        public var refused: [String]
        public var matches: [Match]
    }

    public func importInteractions(_ rows: [InteractionRow], skippingUnknown: Bool = false, dryRun: Bool,
                                   now: LocalDateTime) throws -> InteractionImport {
        try writeOrRollBack(dryRun) { db, _ in
            var resolved: [String: Result<Int64, RapportError>] = [:]
            var matches: [InteractionImport.Match] = []
            var matchOf: [String: Int] = [:]
            var touched: Set<Int64> = []
            var refused: [String] = []
            for row in rows {
                let found = try resolved[row.reference] ?? {
                    do {
                        return .success(try Self.resolveCustomerID(row.reference, db))
                    } catch let error as RapportError {
                        return .failure(error)
                    }
                }()
                resolved[row.reference] = found
                switch found {
                case .success(let id):
                    _ = try RecordWriter.insert(Interaction(customerID: id, kind: row.kind, at: row.at, outcome: row.outcome, note: row.note), db)
                    touched.insert(id)
                    if let m = matchOf[row.reference] {
                        matches[m].lines.append(row.line)
                    } else {
                        matchOf[row.reference] = matches.count
                        let name = try String.fetchOne(db, sql: "SELECT name FROM customer WHERE id = ?", arguments: [id]) ?? ""
                        matches.append(.init(reference: row.reference, customerID: id, name: name, lines: [row.line]))
                    }
                case .failure(let error):
                    let bad = RapportError.invalid(field: "customer on line \(row.line)", value: row.reference, expected: error.description)
                    guard skippingUnknown else { throw bad }
                    refused.append(bad.description)
                }
            }
            for id in touched.sorted() { try Self.refreshContactState(customerID: id, now: now, db) }
            return InteractionImport(logged: rows.count - refused.count, refused: refused, matches: matches)
        }
    }

    /// Lets this connection cache up to 128 MB of pages, for a bulk write.
    /// Sets aside what a bulk insert of `count` customers does better once at the end, and
    /// widens the cache; the caller creates the objects returned again when it is done.
    static func setAsideForBulkInsert(of count: Int, path: String, _ db: Database) throws -> [(name: String, sql: String)] {
        // The attention trigger costs more than the insert itself (4.6 s of 5.4 s for 100,000
        // rows): it is set aside, and the new customers' attention days written with them.
        // A large import touches every page of fourteen customer indexes; with SQLite's default
        // 2 MB cache it spills dirty pages and rereads them (19 s instead of 3 for 100,000 rows).
        try widenCache(db)
        let trigger = "customer_attention_on_insert"
        // An insert as large as the book builds the customer tables' indexes again once rather
        // than keep them up to date row by row (0.85 s against 1.5 s for 100,000 customers, and
        // a smaller file). The indexes by customer stay: an update deletes a card's phones by them.
        let bookSize = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0
        let rebuilt = count < bookSize ? "" : """
            OR (type = 'index' AND tbl_name IN ('customer', 'customer_phone', 'customer_email', 'customer_tag')
                AND name NOT IN ('customer_phone_on_customer', 'customer_email_on_customer'))
            """
        let setAside = try dropSchemaObjects(where: "(type = 'trigger' AND name = '\(trigger)') \(rebuilt)", db)
        guard setAside.contains(where: { $0.name == trigger }) else {
            throw RapportError.database(path: path, reason: "the trigger \(trigger) is missing (run `rapport check`)")
        }
        return setAside
    }

    static func widenCache(_ db: Database) throws {
        try db.execute(sql: "PRAGMA cache_size = -131072")
    }

    /// Drops the triggers and indexes that `condition` picks out of `sqlite_master`, and returns
    /// them with the SQL that creates each again.
    static func dropSchemaObjects(where condition: String, _ db: Database) throws -> [(name: String, sql: String)] {
        let objects = try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') AND sql IS NOT NULL AND (\(condition)) ORDER BY rowid
            """)
        return try objects.map { object in
            let (type, name, sql): (String, String, String) = (object["type"], object["name"], object["sql"])
            try db.execute(sql: "DROP \(type.uppercased()) \(name.quotedDatabaseIdentifier)")
            return (name, sql)
        }
    }

    /// Every duplicate key of the book, with its customers and their names.
    static func knownCards(_ db: Database) throws -> KnownCards {
        var known = KnownCards()
        try db.makeStatement(sql: "SELECT customer_id, number FROM customer_phone ORDER BY customer_id").forEachRow(arguments: []) { row in
            if let key = DuplicateKeys.phoneKey(row.text(1) ?? "") { known.add(key, of: row.int64(0)) }
        }
        try db.makeStatement(sql: "SELECT customer_id, normalized FROM customer_email ORDER BY customer_id").forEachRow(arguments: []) { row in
            if let mail = row.text(1), !mail.isEmpty { known.add("mail:" + mail, of: row.int64(0)) }
        }
        try db.makeStatement(sql: "SELECT id, name, company FROM customer ORDER BY id").forEachRow(arguments: []) { row in
            let name = row.text(1) ?? ""
            known.add([DuplicateKeys.nameKey(name: name, company: row.text(2))], of: row.int64(0), named: name)
        }
        return known
    }

    /// A write that commits as one change of the history, or with `rollBack` is undone after
    /// it ran (a dry run).
    func writeOrRollBack<T>(_ rollBack: Bool, _ updates: (Database, ChangeNotes) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var value: T?
                try db.inTransaction {
                    value = try recorded(db) { notes in try updates(db, notes) }
                    return rollBack ? .rollback : .commit
                }
                guard let value else { throw RapportError.conflict("the import was interrupted") }
                return value
            }
        } catch let error as DatabaseError {
            throw RapportError.database(path: path, reason: Self.explain(error))
        }
    }
}

/// The duplicate keys an import knows, the book's and its rows' so far, each with the customers
/// holding it, and those customers' names: a phone or an email is a duplicate only under a name
/// that agrees, and a switchboard is held by several.
struct KnownCards {
    /// The first customer holding each key; most keys have only one.
    private var first: [String: Int64] = [:]
    /// The customers after the first holding a key.
    private var others: [String: [Int64]] = [:]
    /// Names never change during an import (an update keeps the card's).
    private var names: [Int64: String] = [:]

    /// What an imported row's keys find.
    enum Match: Equatable {
        /// The first key shared with a customer whose name agrees.
        case duplicate(key: String, id: Int64)
        /// No such key; this one is the first shared with a customer of another name.
        case conflict(key: String, id: Int64, name: String)
    }

    mutating func reserveCapacity(_ rows: Int) {
        first.reserveCapacity(first.count + rows * 3)
        names.reserveCapacity(names.count + rows)
    }

    /// Records that customer `id` holds `key`.
    mutating func add(_ key: String, of id: Int64) {
        guard let holder = first[key] else {
            first[key] = id
            return
        }
        if holder != id, others[key]?.contains(id) != true { others[key, default: []].append(id) }
    }

    /// Records customer `id`, named `name`, holding `keys`.
    mutating func add(_ keys: [String], of id: Int64, named name: String) {
        names[id] = name
        for key in keys { add(key, of: id) }
    }

    /// The customer a row named `name` with `keys` duplicates, or else conflicts with. A name
    /// and company key agrees by its making; a phone or an email by `DuplicateKeys.namesAgree`.
    func match(_ name: String, keys: [String], memo: PinyinMemo) -> Match? {
        var conflict: Match?
        for key in keys {
            guard let holder = first[key] else { continue }
            for id in [holder] + (others[key] ?? []) {
                let saved = names[id] ?? ""
                if key.hasPrefix("name:") || DuplicateKeys.namesAgree(name, saved, memo: memo) { return .duplicate(key: key, id: id) }
                if conflict == nil { conflict = .conflict(key: key, id: id, name: saved) }
            }
        }
        return conflict
    }
}
