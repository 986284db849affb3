import GRDB
import RapportCore

extension AppDatabase {
    /// Logs an interaction in one transaction: saves it, moves the customer's last-contact
    /// time (notes excepted), closes the earliest open follow-up due by then unless
    /// `keepOpen`, and schedules the `next` follow-up when asked.
    public func logInteraction(_ interaction: Interaction, next: When?, keepOpen: Bool, now: LocalDateTime) throws -> LoggedInteraction {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [interaction.customerID]) == true else {
                throw RapportError.notFound(what: "customer", reference: "#\(interaction.customerID)")
            }
            if let contactID = interaction.contactID {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM contact_person WHERE id = ? AND customer_id = ?",
                                        arguments: [contactID, interaction.customerID]) == true
                else { throw RapportError.notFound(what: "contact person of this customer", reference: "#\(contactID)") }
            }
            let saved = try RecordWriter.insert(interaction, db)
            try Self.refreshContactState(customerID: interaction.customerID, now: now, db)

            var closed: FollowUp?
            if !keepOpen, interaction.kind.isContact,
               var due = try FollowUp.fetchOne(db, sql: """
                   SELECT * FROM follow_up WHERE customer_id = ? AND status = 'open' AND due_on <= ?
                   ORDER BY due_on, due_time, id LIMIT 1
                   """, arguments: [interaction.customerID, interaction.at.day.iso]) {
                due.status = .done
                due.doneAt = interaction.at
                try Self.markDone(due, closedBy: saved.id, db)
                closed = due
            }
            var created: FollowUp?
            if let next {
                let name = try String.fetchOne(db, sql: "SELECT name FROM customer WHERE id = ?", arguments: [interaction.customerID]) ?? ""
                let followUp = FollowUp(customerID: interaction.customerID, due: next,
                                        title: NextFollowUpTitle.from(interaction, customerName: name), createdAt: now)
                created = try RecordWriter.insert(followUp, createdBy: saved.id, db)
            }
            return LoggedInteraction(interaction: saved, closed: closed, created: created)
        }
    }

    /// Recomputes what the customer's interactions say, from the newest of them (an index
    /// range, however long the timeline): the last contact, the last visit, and whether the
    /// last attempts all failed (silent). From the interactions, not incrementally, so a call
    /// logged after the fact with `--at` lands where it belongs.
    static func refreshContactState(customerID: Int64, now: LocalDateTime, _ db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE customer SET updated_at = :now,
              last_contact_at = (SELECT max(occurred_at) FROM interaction WHERE customer_id = :id AND kind != 'note'),
              last_visit_at = (SELECT max(occurred_at) FROM interaction WHERE customer_id = :id AND kind IN ('visit', 'meeting')),
              silent_since = \(silentSince(customer: ":id"))
            WHERE id = :id
            """).execute(arguments: ["now": now.text, "id": customerID])
        try refreshFollowUpActivity(customerID: customerID, db)
        // Talking to the customer is work on their open deals: they are not stuck. (With no
        // interaction left the subquery is NULL, and SQLite's max of anything and NULL is NULL.)
        try db.cachedStatement(sql: """
            UPDATE deal SET last_activity_at = max(last_activity_at,
              coalesce((SELECT max(occurred_at) FROM interaction WHERE customer_id = :id), last_activity_at))
            WHERE customer_id = :id AND stage IN ('lead', 'qualified', 'needs', 'proposal', 'closing')
            """).execute(arguments: ["id": customerID])
    }

    /// Anything logged after a promise was made means it is not stale: each open follow-up's
    /// last activity is the newest interaction since it was made.
    static func refreshFollowUpActivity(customerID: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE follow_up SET last_activity_at = (SELECT max(occurred_at) FROM interaction i
              WHERE i.customer_id = follow_up.customer_id AND i.occurred_at > follow_up.created_at)
            WHERE customer_id = ? AND status = 'open'
            """).execute(arguments: [customerID])
    }

    /// When a customer's newest `silent.attempts` contacts all failed, the newest's time;
    /// else NULL. `customer` is the SQL naming the customer's id.
    static func silentSince(customer: String) -> String {
        """
        (SELECT CASE WHEN count(*) = n.attempts AND min(coalesce(outcome IN ('no-answer', 'no-reply'), 0)) = 1
                     THEN max(occurred_at) END
         FROM (SELECT CAST(value AS INTEGER) AS attempts FROM setting WHERE key = 'silent.attempts') n,
              (SELECT outcome, occurred_at FROM interaction WHERE customer_id = \(customer) AND kind != 'note'
               ORDER BY occurred_at DESC, id DESC
               LIMIT (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'silent.attempts')))
        """
    }

    /// Schedules a follow-up.
    public func addFollowUp(_ followUp: FollowUp) throws -> FollowUp {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [followUp.customerID]) == true else {
                throw RapportError.notFound(what: "customer", reference: "#\(followUp.customerID)")
            }
            return try RecordWriter.insert(followUp, db)
        }
    }

    /// A follow-up by id.
    public func followUp(id: Int64) throws -> FollowUp? {
        try read { db in try FollowUp.fetchOne(db, sql: "SELECT * FROM follow_up WHERE id = ?", arguments: [id]) }
    }

    /// Marks a follow-up done; refuses one that is already done.
    public func completeFollowUp(id: Int64, at: LocalDateTime) throws -> FollowUp {
        try write { db in
            guard var f = try FollowUp.fetchOne(db, sql: "SELECT * FROM follow_up WHERE id = ?", arguments: [id]) else {
                throw RapportError.notFound(what: "follow-up", reference: "\(id)")
            }
            guard f.status == .open else {
                throw RapportError.conflict("follow-up \(id) is already done (on \(f.doneAt?.day.iso ?? "an earlier day"))")
            }
            f.status = .done
            f.doneAt = at
            try Self.markDone(f, db)
            return f
        }
    }

    /// Marks a customer's earliest open follow-up done.
    public func completeEarliestFollowUp(customerID: Int64, at: LocalDateTime) throws -> FollowUp {
        try write { db in
            guard var f = try FollowUp.fetchOne(db, sql: """
                SELECT * FROM follow_up WHERE customer_id = ? AND status = 'open' ORDER BY due_on, due_time, id LIMIT 1
                """, arguments: [customerID])
            else { throw RapportError.conflict("customer #\(customerID) has no open follow-up") }
            f.status = .done
            f.doneAt = at
            try Self.markDone(f, db)
            return f
        }
    }

    /// Marks a follow-up done, by the logged contact that fulfilled it if one did.
    private static func markDone(_ f: FollowUp, closedBy interaction: Int64? = nil, _ db: Database) throws {
        try db.execute(sql: "UPDATE follow_up SET status = 'done', done_at = ?, closed_by = ? WHERE id = ?",
                       arguments: [f.doneAt?.text, interaction, f.id])
    }

    // MARK: - Correcting follow-ups

    /// Follow-ups with their customer's name, soonest first: the open ones, or with
    /// `includingDone` every one (the done ones after, newest done first); one customer's or all.
    public func followUpList(customerID: Int64?, includingDone: Bool) throws -> [FollowUpListRow] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.*, c.name AS customer_name FROM follow_up f JOIN customer c ON c.id = f.customer_id
                WHERE (? IS NULL OR f.customer_id = ?) AND (? OR f.status = 'open')
                ORDER BY f.status = 'done', CASE WHEN f.status = 'open' THEN f.due_on || coalesce(f.due_time, '') END,
                  f.done_at DESC, f.id
                """, arguments: [customerID, customerID, includingDone]).map { row in
                FollowUpListRow(followUp: try FollowUp(row: row), customerName: row["customer_name"])
            }
        }
    }

    /// The follow-up `id`, or "no follow-up" naming it.
    private static func existingFollowUp(_ id: Int64, _ db: Database) throws -> FollowUp {
        guard let f = try FollowUp.fetchOne(db, sql: "SELECT * FROM follow_up WHERE id = ?", arguments: [id]) else {
            throw RapportError.notFound(what: "follow-up", reference: String(id))
        }
        return f
    }

    /// Changes an open follow-up's day (and time) or its title; the customer's attention
    /// day follows by trigger. A done one is refused: it is reopened first.
    public func editFollowUp(id: Int64, due: When?, title: String?) throws -> FollowUp {
        try write { db in
            var f = try Self.existingFollowUp(id, db)
            guard f.status == .open else {
                throw RapportError.conflict("follow-up \(id) is already done; `rapport followup reopen \(id)` opens it again")
            }
            if let due {
                f.due = due.day
                f.time = due.time
            }
            if let title { f.title = title }
            try db.execute(sql: "UPDATE follow_up SET due_on = ?, due_time = ?, title = ? WHERE id = ?",
                           arguments: [f.due.iso, f.time?.description, f.title, id])
            return f
        }
    }

    /// Opens a done follow-up again, as it was before it was marked done: due on its day,
    /// its staleness counted from what was logged since it was made.
    public func reopenFollowUp(id: Int64) throws -> FollowUp {
        try write { db in
            var f = try Self.existingFollowUp(id, db)
            guard f.status == .done else { throw RapportError.conflict("follow-up \(id) is open already") }
            f.status = .open
            f.doneAt = nil
            try db.execute(sql: "UPDATE follow_up SET status = 'open', done_at = NULL, closed_by = NULL WHERE id = ?", arguments: [id])
            try Self.refreshFollowUpActivity(customerID: f.customerID, db)
            return f
        }
    }

    /// Deletes a follow-up, open or done, for good; returns what it was.
    public func removeFollowUp(id: Int64) throws -> FollowUp {
        try write { db in
            let f = try Self.existingFollowUp(id, db)
            try db.execute(sql: "DELETE FROM follow_up WHERE id = ?", arguments: [id])
            return f
        }
    }
}
