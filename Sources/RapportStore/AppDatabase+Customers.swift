import GRDB
import RapportCore
import Synchronization

// MARK: - Writes

extension AppDatabase {
    /// Saves a new customer (already validated) and returns it with its id.
    public func addCustomer(_ customer: Customer) throws -> Customer {
        let keys = SearchKeys(name: customer.name, company: customer.company, phones: customer.phones.map(\.value))
        return try write { db in try RecordWriter.insert(customer, keys: keys, db) }
    }

    /// Rewrites a saved customer's card (already validated), phones, emails and tags included.
    public func updateCustomer(_ customer: Customer) throws {
        try write { db in try RecordWriter.update(customer, db) }
    }
}

// MARK: - Reads

extension AppDatabase {
    /// A customer's full card, or nil when there is no such id.
    public func customer(id: Int64) throws -> Customer? {
        try read { db in try Self.fetchCustomer(id: id, db) }
    }

    static func fetchCustomer(id: Int64, _ db: Database) throws -> Customer? {
        guard var customer = try Customer.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [id]) else {
            return nil
        }
        customer.phones = try Row.fetchAll(db, sql: "SELECT number, label FROM customer_phone WHERE customer_id = ? ORDER BY position",
                                           arguments: [id]).map { LabeledValue($0[0], label: $0[1]) }
        customer.emails = try Row.fetchAll(db, sql: "SELECT address, label FROM customer_email WHERE customer_id = ? ORDER BY position",
                                           arguments: [id]).map { LabeledValue($0[0], label: $0[1]) }
        customer.tags = try String.fetchAll(db, sql: "SELECT tag FROM customer_tag WHERE customer_id = ? ORDER BY tag", arguments: [id])
        return customer
    }

    /// Resolves what the seller typed (`#12`, `12`, `王建国`, `wang`, `wjg`, a phone number)
    /// to one customer; throws when none or several match.
    public func resolveCustomer(_ reference: String) throws -> Customer {
        do {
            return try read { db in
                guard let customer = try Self.fetchCustomer(id: try Self.resolveCustomerID(reference, db), db) else {
                    throw RapportError.customerNotFound(reference)
                }
                return customer
            }
        } catch RapportError.ambiguousCustomer(let reference, let candidates) {
            guard let choose = chooser.withLock({ $0 }) else { throw RapportError.ambiguousCustomer(reference, candidates) }
            guard let id = choose(reference, candidates), let customer = try read({ try Self.fetchCustomer(id: id, $0) }) else {
                throw RapportError.conflict("no customer chosen for " + reference.quotedForMessage + "; name one by #id")
            }
            return customer
        }
    }

    /// Lets `choose` pick one of the customers a reference matches, instead of the
    /// reference being refused as ambiguous: `rapport` on a terminal asks.
    public func chooseAmong(_ choose: @escaping @Sendable (String, [CustomerCandidate]) -> Int64?) {
        chooser.withLock { $0 = choose }
    }

    static func resolveCustomerID(_ reference: String, _ db: Database) throws -> Int64 {
        if let (id, explicit) = CustomerMatcher.id(in: reference) {
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [id]) == true { return id }
            if explicit { throw RapportError.customerNotFound(reference) }
        }
        switch CustomerMatcher.match(reference, among: try Self.candidates(for: reference, db)) {
        case .one(let candidate): return candidate.id
        case .several(let candidates): throw RapportError.ambiguousCustomer(reference, candidates)
        case .none: throw RapportError.customerNotFound(reference)
        }
    }

    /// Customers whose search keys contain the reference in any form the matcher tries:
    /// a superset of its matches, narrowed with `instr` over one column (a LIKE pattern has
    /// a length limit, and both sides are already folded, so nothing needs LIKE's rules).
    static func candidates(for reference: String, _ db: Database) throws -> [CustomerCandidate] {
        let q = CustomerMatcher.normalize(reference)
        guard !q.isEmpty else { return [] }
        var needles = [q, CustomerMatcher.compact(q)]
        if let digits = CustomerMatcher.phoneDigits(q) { needles.append(digits) }
        let distinct = Array(Set(needles)).sorted()
        let sql = "SELECT id, name, company, search_text FROM customer WHERE "
            + distinct.map { _ in "instr(search_text, ?) > 0" }.joined(separator: " OR ")
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(distinct)).map {
            CustomerCandidate(id: $0[0], name: $0[1], company: $0[2], keys: SearchKeys(stored: $0[3]))
        }
    }

    /// A customer's card: the customer, contact persons, open follow-ups soonest first, and the
    /// timeline newest first (all of it, or the newest `timelineLimit`).
    public func customerCard(id: Int64, timelineLimit: Int? = nil) throws -> CustomerCard? {
        try read { db in
            guard let customer = try Self.fetchCustomer(id: id, db) else { return nil }
            let contacts = try Self.fetchContactPersons(customerID: id, db)
            let open = try FollowUp.fetchAll(db, sql: """
                SELECT * FROM follow_up WHERE customer_id = ? AND status = 'open' ORDER BY due_on, due_time, id
                """, arguments: [id])
            let timeline = try Interaction.fetchAll(db, sql: """
                SELECT * FROM interaction WHERE customer_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?
                """, arguments: [id, timelineLimit ?? -1])
            let deals = try Self.fetchDeals(customerID: id, db)
            let contracts = try Self.fetchContracts(customerID: id, db)
            let moves = try StageStay.fetchAll(db, sql: """
                SELECT s.* FROM deal_stage s JOIN deal d ON d.id = s.deal_id WHERE d.customer_id = ? ORDER BY s.entered_at, s.id
                """, arguments: [id])
            let payments = try Payment.fetchAll(db, sql: """
                SELECT p.* FROM payment p JOIN contract k ON k.id = p.contract_id WHERE k.customer_id = ? ORDER BY p.paid_on, p.id
                """, arguments: [id])
            return CustomerCard(customer: customer, contacts: contacts, openFollowUps: open, timeline: timeline, deals: deals,
                                contracts: contracts, moves: moves, payments: payments)
        }
    }

    /// The customer list, sorted by name as pronounced (pinyin for Chinese names).
    public func customers(matching filter: CustomerFilter = CustomerFilter(), limit: Int? = nil) throws -> [CustomerRow] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        switch filter.grade {
        case .grade(let g)?:
            conditions.append("c.grade = ?")
            arguments += [g.rawValue]
        case .ungraded?:
            conditions.append("c.grade IS NULL")
        case nil:
            break
        }
        if let tag = filter.tag {
            conditions.append("EXISTS (SELECT 1 FROM customer_tag t WHERE t.customer_id = c.id AND t.tag = ?)")
            arguments += [tag]
        }
        if let city = filter.city {
            conditions.append("c.city = ?")
            arguments += [city]
        }
        if let status = filter.status {
            conditions.append("c.status = ?")
            arguments += [status.rawValue]
        }
        let sql = Self.rowSQL(where: conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), orderBy: "c.sort_key, c.id")
        arguments += [limit ?? -1, 0]
        return try read { db in try Self.rows(sql, arguments, db) }
    }

    /// The customer list's columns: the summary, city, first phone, next open follow-up.
    static func rowSQL(where condition: String, orderBy: String) -> String {
        """
        SELECT \(summaryColumns), c.city,
          (SELECT number FROM customer_phone p WHERE p.customer_id = c.id ORDER BY position LIMIT 1),
          (SELECT due_on || coalesce(' ' || due_time, '') FROM follow_up f
             WHERE f.customer_id = c.id AND f.status = 'open' ORDER BY due_on, due_time LIMIT 1)
        FROM customer c WHERE \(condition) ORDER BY \(orderBy) LIMIT ? OFFSET ?
        """
    }

    static func rows(_ sql: String, _ arguments: StatementArguments, _ db: Database) throws -> [CustomerRow] {
        var rows: [CustomerRow] = []
        try db.cachedStatement(sql: sql).forEachRow(arguments: arguments) { row in
            rows.append(CustomerRow(summary: summary(row), city: row.text(10), phone: row.text(11),
                                    nextFollowUp: row.text(12).flatMap(when(stored:))))
        }
        return rows
    }

    // MARK: - Row decoding shared by the list and the scanner

    /// The columns `summary(_:)` reads, in its order, from a `customer` aliased `c`.
    static let summaryColumns = """
        c.id, c.name, c.company, c.grade, c.status, c.created_at, c.last_contact_at, c.cadence_days, c.last_visit_at, c.silent_since
        """

    static func summary(_ row: ColumnReader, from start: Int32 = 0) -> CustomerSummary {
        CustomerSummary(
            id: row.int64(start), name: row.text(start + 1) ?? "", company: row.text(start + 2),
            grade: row.text(start + 3).flatMap(Grade.init(rawValue:)),
            status: row.text(start + 4).flatMap(CustomerStatus.init(rawValue:)) ?? .lead,
            addedOn: row.day(start + 5) ?? Day(ordinal: 0), lastContactOn: row.day(start + 6),
            cadenceDays: row.isNull(start + 7) ? nil : Int(row.int64(start + 7)),
            lastVisitOn: row.day(start + 8), silentSince: row.day(start + 9)
        )
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`, as a follow-up's day and time are stored side by side.
    static func when(stored text: String) -> When? {
        guard let day = Day(iso: String(text.prefix(10))) else { return nil }
        return When(day: day, time: text.count > 11 ? ClockTime(text: String(text.dropFirst(11))) : nil)
    }
}

extension AppDatabase {
    /// Ids of the customers with exactly this name, to warn about doubles.
    public func customers(named name: String) throws -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM customer WHERE name = ? ORDER BY id", arguments: [name]) }
    }

    /// The other customers that have one of `c`'s phones (as `DuplicateKeys` reads a number:
    /// `+86 138 0013 8000` is `13800138000`) or emails, with what they share
    /// (`phone 13800138000`), by id.
    public func customers(sharingContactsOf c: Customer) throws -> [(id: Int64, name: String, shared: String)] {
        try read { db in
            var found: [(id: Int64, name: String, shared: String)] = []
            for phone in Set(c.phones.compactMap { DuplicateKeys.phoneKey($0.value) }).sorted() {
                let digits = String(phone.dropFirst(4))
                let forms = [digits, "+" + digits, "86" + digits, "+86" + digits, "0086" + digits]
                let rows = try Row.fetchAll(db, sql: """
                    SELECT DISTINCT c.id, c.name FROM customer_phone p JOIN customer c ON c.id = p.customer_id
                    WHERE p.normalized IN (?, ?, ?, ?, ?) AND c.id IS NOT ? ORDER BY c.id
                    """, arguments: StatementArguments(forms) + [c.id])
                found += rows.map { ($0["id"], $0["name"], DuplicateKeys.shared(phone)) }
            }
            for email in Set(c.emails.map { $0.value.lowercased() }.filter { !$0.isEmpty }).sorted() {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT DISTINCT c.id, c.name FROM customer_email e JOIN customer c ON c.id = e.customer_id
                    WHERE e.normalized = ? AND c.id IS NOT ? ORDER BY c.id
                    """, arguments: [email, c.id])
                found += rows.map { ($0["id"], $0["name"], "email " + email) }
            }
            return found
        }
    }
}

/// How big the book is.
public struct BookCounts: Hashable, Sendable {
    public var customers: Int
    public var interactions: Int
    public var openFollowUps: Int
}

extension AppDatabase {
    public func bookCounts() throws -> BookCounts {
        try read { db in
            BookCounts(
                customers: try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0,
                interactions: try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction") ?? 0,
                openFollowUps: try Int.fetchOne(db, sql: "SELECT count(*) FROM follow_up WHERE status = 'open'") ?? 0
            )
        }
    }
}
