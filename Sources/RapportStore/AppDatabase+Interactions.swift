import GRDB
import RapportCore

/// What removing a logged interaction put back: the follow-up it had closed, open again, and
/// the next follow-up it had scheduled (while still open), gone.
public struct RemovedInteraction: Hashable, Sendable {
    public var interaction: Interaction
    public var reopened: [FollowUp]
    public var unscheduled: [FollowUp]
}

extension AppDatabase {
    /// The interaction `id`, or "no interaction" naming it.
    private static func existingInteraction(_ id: Int64, _ db: Database) throws -> Interaction {
        guard let i = try Interaction.fetchOne(db, sql: "SELECT * FROM interaction WHERE id = ?", arguments: [id]) else {
            throw RapportError.notFound(what: "interaction", reference: String(id))
        }
        return i
    }

    /// An interaction by id.
    public func interaction(id: Int64) throws -> Interaction? {
        try read { db in try Interaction.fetchOne(db, sql: "SELECT * FROM interaction WHERE id = ?", arguments: [id]) }
    }

    /// Saves a corrected interaction (kind, time, outcome, note, contact person) and recomputes
    /// what the timeline says about the customer — last contact, last visit, silence, the
    /// attention day — in the same transaction.
    public func editInteraction(_ corrected: Interaction, now: LocalDateTime) throws -> Interaction {
        try write { db in
            guard let id = corrected.id else { throw RapportError.notFound(what: "interaction", reference: "(new)") }
            let saved = try Self.existingInteraction(id, db)
            guard saved.customerID == corrected.customerID else {
                throw RapportError.conflict("interaction \(id) belongs to customer #\(saved.customerID)")
            }
            if let contactID = corrected.contactID {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM contact_person WHERE id = ? AND customer_id = ?",
                                        arguments: [contactID, corrected.customerID]) == true
                else { throw RapportError.notFound(what: "contact person of this customer", reference: "#\(contactID)") }
            }
            try db.execute(sql: "UPDATE interaction SET kind = ?, occurred_at = ?, outcome = ?, note = ?, contact_id = ? WHERE id = ?",
                           arguments: [corrected.kind.rawValue, corrected.at.text, corrected.outcome?.rawValue, corrected.note,
                                       corrected.contactID, id])
            try Self.refreshContactState(customerID: corrected.customerID, now: now, db)
            return corrected
        }
    }

    /// Deletes a logged interaction and puts the customer back where they were: the follow-up
    /// it closed is open again, the next one it scheduled is removed while still open (a done
    /// one stays, as work that happened), and the contact clock, silence and attention day are
    /// recomputed from the interactions left.
    public func removeInteraction(id: Int64, now: LocalDateTime) throws -> RemovedInteraction {
        try write { db in
            let interaction = try Self.existingInteraction(id, db)
            let reopened = try FollowUp.fetchAll(db, sql: "SELECT * FROM follow_up WHERE closed_by = ? ORDER BY id", arguments: [id])
            try db.execute(sql: "UPDATE follow_up SET status = 'open', done_at = NULL, closed_by = NULL WHERE closed_by = ?", arguments: [id])
            let unscheduled = try FollowUp.fetchAll(db, sql: "SELECT * FROM follow_up WHERE interaction_id = ? AND status = 'open' ORDER BY id",
                                                    arguments: [id])
            try db.execute(sql: "DELETE FROM follow_up WHERE interaction_id = ? AND status = 'open'", arguments: [id])
            try db.execute(sql: "DELETE FROM interaction WHERE id = ?", arguments: [id])
            try Self.refreshContactState(customerID: interaction.customerID, now: now, db)
            return RemovedInteraction(interaction: interaction, reopened: reopened.map { f in
                var open = f
                open.status = .open
                open.doneAt = nil
                return open
            }, unscheduled: unscheduled)
        }
    }
}
