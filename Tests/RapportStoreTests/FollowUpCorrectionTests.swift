import Foundation
import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

/// A follow-up can be moved, renamed, reopened and removed, and what depends on it (the
/// customer's attention day, the stale rule's last activity) ends where it would have been
/// had the mistake never been made.
struct FollowUpCorrectionTests {
    /// The stored follow-up rows and every customer's attention day: what a correction must restore.
    static func state(_ db: AppDatabase) throws -> [String] {
        try db.writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT 'f ' || id || ' ' || due_on || ' ' || coalesce(due_time, '-') || ' ' || title || ' ' || status || ' '
                  || coalesce(done_at, '-') || ' ' || coalesce(last_activity_at, '-') FROM follow_up
                UNION ALL SELECT 'c ' || id || ' ' || attention_on FROM customer ORDER BY 1
                """)
        }
    }

    static func book() throws -> (AppDatabase, Customer, FollowUp) {
        let db = try AppDatabase.empty()
        let c = try Fixture.customer(db, "王建国", grade: .a, added: "2026-11-01 09:00")
        try Fixture.call(db, c, at: "2026-11-20 10:00")
        let f = try db.addFollowUp(FollowUp(customerID: c.id!, due: When(day: Fixture.day("2026-11-25")), title: "回访",
                                            createdAt: Fixture.at("2026-11-18 10:00")))
        return (db, c, f)
    }

    @Test func reopeningPutsBackTheFollowUpAndTheAttentionDayAsTheyWere() throws {
        // Given a promise due 11-25, made before the 11-20 call (so not stale)
        let (db, _, f) = try Self.book()
        let before = try Self.state(db)
        #expect(before.contains("c 1 2026-11-25"))
        #expect(before.contains("f 1 2026-11-25 - 回访 open - 2026-11-20 10:00"))
        // When it is marked done by mistake, then reopened
        _ = try db.completeFollowUp(id: f.id!, at: Fixture.at("2026-11-22 09:00"))
        #expect(try Self.state(db).contains("c 1 2026-12-04"))   // last contact + 14: the promise no longer counts
        let reopened = try db.reopenFollowUp(id: f.id!)
        // Then the book is as it was
        #expect(reopened.status == .open && reopened.doneAt == nil)
        #expect(try Self.state(db) == before)
    }

    @Test func removingAFollowUpLeavesTheCustomerAsBeforeItWasMade() throws {
        let db = try AppDatabase.empty()
        let c = try Fixture.customer(db, "王建国", grade: .a, added: "2026-11-01 09:00")
        try Fixture.call(db, c, at: "2026-11-20 10:00")
        let before = try Self.state(db)
        let f = try db.addFollowUp(FollowUp(customerID: c.id!, due: When(day: Fixture.day("2026-11-25")), title: "回访",
                                            createdAt: Fixture.at("2026-11-21 10:00")))
        #expect(try Self.state(db) != before)
        let removed = try db.removeFollowUp(id: f.id!)
        #expect(removed.title == "回访")
        #expect(try Self.state(db) == before)
        #expect(throws: RapportError.notFound(what: "follow-up", reference: "1")) { try db.removeFollowUp(id: f.id!) }
    }

    @Test func editingMovesTheDayAndTheAttentionWithIt() throws {
        let (db, _, f) = try Self.book()
        let moved = try db.editFollowUp(id: f.id!, due: When(day: Fixture.day("2026-11-30"), time: ClockTime(hour: 14, minute: 30)), title: nil)
        #expect(moved.title == "回访")
        #expect(try Self.state(db).contains("f 1 2026-11-30 14:30 回访 open - 2026-11-20 10:00"))
        #expect(try Self.state(db).contains("c 1 2026-11-30"))
        _ = try db.editFollowUp(id: f.id!, due: nil, title: "送合同")
        #expect(try Self.state(db).contains("f 1 2026-11-30 14:30 送合同 open - 2026-11-20 10:00"))
    }

    @Test func whatCannotBeCorrectedIsRefusedAndChangesNothing() throws {
        let (db, _, f) = try Self.book()
        let open = try Self.state(db)
        #expect(throws: RapportError.conflict("follow-up 1 is open already")) { try db.reopenFollowUp(id: f.id!) }
        #expect(throws: RapportError.notFound(what: "follow-up", reference: "9")) { try db.editFollowUp(id: 9, due: nil, title: "x") }
        #expect(try Self.state(db) == open)
        _ = try db.completeFollowUp(id: f.id!, at: Fixture.at("2026-11-22 09:00"))
        let done = try Self.state(db)
        #expect(throws: RapportError.conflict("follow-up 1 is already done; `rapport followup reopen 1` opens it again")) {
            try db.editFollowUp(id: f.id!, due: When(day: Fixture.day("2026-12-01")), title: nil)
        }
        #expect(try Self.state(db) == done)
    }

    @Test func theListIsOpenOnesSoonestFirstThenTheDoneNewestFirst() throws {
        let (db, c, f) = try Self.book()
        let anna = try Fixture.customer(db, "Anna")
        func add(_ customer: Customer, _ day: String, _ title: String) throws -> FollowUp {
            try db.addFollowUp(FollowUp(customerID: customer.id!, due: When(day: Fixture.day(day)), title: title,
                                        createdAt: Fixture.at("2026-11-21 10:00")))
        }
        let early = try add(anna, "2026-11-24", "early")
        let late = try add(c, "2026-12-01", "late")
        let doneFirst = try add(anna, "2026-11-26", "done first")
        _ = try db.completeFollowUp(id: doneFirst.id!, at: Fixture.at("2026-11-21 11:00"))
        _ = try db.completeFollowUp(id: f.id!, at: Fixture.at("2026-11-22 09:00"))
        let ids = { (rows: [FollowUpListRow]) in rows.map { $0.followUp.id! } }
        #expect(ids(try db.followUpList(customerID: nil, includingDone: false)) == [early.id!, late.id!])
        #expect(ids(try db.followUpList(customerID: nil, includingDone: true)) == [early.id!, late.id!, f.id!, doneFirst.id!])
        #expect(ids(try db.followUpList(customerID: c.id!, includingDone: true)) == [late.id!, f.id!])
        #expect(try db.followUpList(customerID: anna.id!, includingDone: false).map(\.customerName) == ["Anna"])
    }
}
