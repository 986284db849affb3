import GRDB
import RapportCore

/// What merging one customer into another did.
public struct MergedCustomers: Sendable {
    /// The kept customer's card after the merge.
    public var kept: Customer
    /// The merged customer's card as it was: they are gone from the book.
    public var other: Customer
    /// How many of the other's rows moved to the kept customer, by table (`interaction`), in
    /// the order of `AppDatabase.mergedTables`; tables with none are left out.
    public var moved: [(table: String, count: Int)]
    public var merge: CustomerMerge
}

extension AppDatabase {
    /// The book's likely duplicate customers, largest groups first (`DuplicateKeys.groups`):
    /// the cards, phones and emails read in three statements, oldest customer first.
    public func duplicateGroups() throws -> [DuplicateGroup] {
        let cards = try read { db -> [DuplicateCandidate] in
            var cards: [DuplicateCandidate] = []
            var position: [Int64: Int] = [:]
            try db.makeStatement(sql: "SELECT id, name, company, created_at FROM customer ORDER BY created_at, id").forEachRow(arguments: []) { row in
                position[row.int64(0)] = cards.count
                cards.append(DuplicateCandidate(id: row.int64(0), name: row.text(1) ?? "", company: row.text(2), phones: [], emails: [],
                                                addedOn: row.day(3) ?? Day(ordinal: 0)))
            }
            try db.makeStatement(sql: "SELECT customer_id, number FROM customer_phone ORDER BY customer_id, position").forEachRow(arguments: []) { row in
                if let at = position[row.int64(0)], let number = row.text(1) { cards[at].phones.append(number) }
            }
            try db.makeStatement(sql: "SELECT customer_id, address FROM customer_email ORDER BY customer_id, position").forEachRow(arguments: []) { row in
                if let at = position[row.int64(0)], let address = row.text(1) { cards[at].emails.append(address) }
            }
            return cards
        }
        return DuplicateKeys.groups(cards)
    }

    /// The tables whose rows belong to a customer by `customer_id`, besides the card's own
    /// phones, emails and tags: a contract's instalments and payments go with it.
    static let mergedTables = ["interaction", "follow_up", "contact_person", "deal", "contract"]

    /// Merges customer `other` into `keep`, as one change: the other's timeline, follow-ups,
    /// contact persons, deals and contracts move to the kept customer, the cards merge
    /// (`Customer.merging`), the other is deleted, and the kept customer's contact state, the
    /// activity of their follow-ups and deals, and their attention day are derived again.
    public func mergeCustomers(keep: Int64, other: Int64, taking: [CustomerField], now: LocalDateTime) throws -> MergedCustomers {
        guard keep != other else { throw RapportError.conflict("cannot merge #\(keep) with itself; name two different customers") }
        return try writeChange { db, notes in
            guard let kept = try Self.fetchCustomer(id: keep, db) else { throw RapportError.notFound(what: "customer", reference: "#\(keep)") }
            guard let gone = try Self.fetchCustomer(id: other, db) else { throw RapportError.notFound(what: "customer", reference: "#\(other)") }
            notes.headline = "merged \(gone.name) (#\(other)) into \(kept.name) (#\(keep))"
            let merge = try kept.merging(gone, taking: taking, now: now)
            let card = try merge.card.validated()
            var moved: [(table: String, count: Int)] = []
            for table in Self.mergedTables {
                try db.execute(sql: "UPDATE \(table) SET customer_id = ? WHERE customer_id = ?", arguments: [keep, other])
                if db.changesCount > 0 { moved.append((table, db.changesCount)) }
            }
            try RecordWriter.update(card, db)
            try db.execute(sql: "DELETE FROM customer WHERE id = ?", arguments: [other])
            try Self.refreshContactState(customerID: keep, now: now, db)
            guard let merged = try Self.fetchCustomer(id: keep, db) else { throw RapportError.notFound(what: "customer", reference: "#\(keep)") }
            return MergedCustomers(kept: merged, other: gone, moved: moved, merge: merge)
        }
    }
}
