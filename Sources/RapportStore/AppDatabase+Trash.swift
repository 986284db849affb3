import Foundation
import GRDB
import RapportCore

/// A customer in the trash: removed with everything under them, kept whole in the history
/// until the trash is emptied.
public struct TrashedCustomer: Sendable, Equatable {
    public var customerID: Int64
    public var name: String
    public var removedAt: LocalDateTime
    /// What went with them: "12 interactions, 2 follow-ups" (empty for nothing).
    public var sweptAlong: String
}

extension AppDatabase {
    /// Removes a customer with their timeline, follow-ups, contacts, deals, contracts and
    /// payments, out of every list, rule, search and export: one change, kept as the trash.
    public func trashCustomer(id: Int64) throws -> TrashedCustomer {
        let change = try writeChange { db, notes -> Int64 in
            guard try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE id = ?", arguments: [id]) != nil else {
                throw RapportError.notFound(what: "customer", reference: "#\(id)")
            }
            notes.trashed = id
            try db.execute(sql: "DELETE FROM customer WHERE id = ?", arguments: [id])
            return id
        }
        guard let trashed = try trash().first(where: { $0.customerID == change }) else {
            throw RapportError.notFound(what: "customer in the trash", reference: "#\(id)")
        }
        return trashed
    }

    /// The customers in the trash, most recently removed first.
    public func trash() throws -> [TrashedCustomer] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT trashed, made_at, changeset FROM history WHERE trashed IS NOT NULL AND undone_at IS NULL ORDER BY id DESC
                """).map { row in
                let id: Int64 = row["trashed"]
                let rows = try Changeset(row["changeset"] as Data? ?? Data()).rows(db)
                let name = rows.first { $0.table == "customer" && $0.id == String(id) }?["name"] ?? "#\(id)"
                return TrashedCustomer(customerID: id, name: name, removedAt: try row.localDateTime("made_at"),
                                       sweptAlong: ChangeWords.sweptAlong(rows))
            }
        }
    }

    /// Brings a customer back from the trash whole, with their ids; returns who came back.
    public func restoreFromTrash(customer id: Int64, now: LocalDateTime) throws -> TrashedCustomer {
        let restored = try trash().first { $0.customerID == id }
        try writeUnrecorded { db in
            guard let change = try Int64.fetchOne(db, sql: """
                SELECT id FROM history WHERE trashed = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1
                """, arguments: [id]) else {
                throw RapportError.notFound(what: "customer in the trash", reference: "#\(id)")
            }
            _ = try Self.undo(change: change, now: now, db)
        }
        guard let restored else { throw RapportError.notFound(what: "customer in the trash", reference: "#\(id)") }
        return restored
    }

    /// Deletes for good the customers removed before `before` (all of them without it), with
    /// every change of the history that holds any of their rows; returns how many customers.
    public func emptyTrash(before: LocalDateTime?) throws -> Int {
        try writeUnrecorded { db in
            let gone = try Int64.fetchAll(db, sql: "SELECT trashed FROM history WHERE trashed IS NOT NULL AND undone_at IS NULL AND made_at < ?",
                                          arguments: [before?.text ?? "9999-12-31 23:59"])
            for id in gone {
                try db.execute(sql: """
                    DELETE FROM history WHERE id IN (SELECT change_id FROM history_customer WHERE customer_id = :id)
                      OR :id BETWEEN bulk_first AND bulk_last OR trashed = :id
                    """, arguments: ["id": id])
            }
            return gone.count
        }
    }
}
