import Foundation
import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

struct TimelineStoreTests {
    /// A customer with open follow-ups due 11-20, 11-22 and 11-30.
    private func customerWithPromises(_ db: AppDatabase) throws -> (Customer, [FollowUp]) {
        let c = try Fixture.customer(db, "王建国")
        let promises = try ["2026-11-20", "2026-11-22", "2026-11-30"].map {
            try db.addFollowUp(FollowUp(customerID: c.id!, due: When(day: Fixture.day($0)), title: "call back $0",
                                        createdAt: Fixture.at("2026-11-01 09:00")))
        }
        return (c, promises)
    }

    private func openDueDays(_ db: AppDatabase, _ c: Customer) throws -> [String] {
        try db.customerCard(id: c.id!)!.openFollowUps.map(\.due.iso)
    }

    @Test func loggingClosesTheEarliestOpenFollowUpDueByThen() throws {
        let db = try AppDatabase.empty()
        let (c, promises) = try customerWithPromises(db)
        let first = try Fixture.call(db, c, at: "2026-11-23 10:00")
        #expect(first.interaction.id != nil)
        // keepOpen in Fixture.call: nothing closed yet
        #expect(first.closed == nil)
        let logged = try db.logInteraction(Interaction(customerID: c.id!, kind: .call, at: Fixture.at("2026-11-23 11:00")),
                                           next: nil, keepOpen: false, now: Fixture.at("2026-11-23 11:00"))
        #expect(logged.closed?.id == promises[0].id)
        #expect(logged.closed?.doneAt == Fixture.at("2026-11-23 11:00"))
        #expect(try openDueDays(db, c) == ["2026-11-22", "2026-11-30"])
        _ = try db.logInteraction(Interaction(customerID: c.id!, kind: .email, at: Fixture.at("2026-11-23 12:00")),
                                  next: nil, keepOpen: false, now: Fixture.at("2026-11-23 12:00"))
        #expect(try openDueDays(db, c) == ["2026-11-30"])
        // The 11-30 promise is not due by 11-23: a third contact leaves it open.
        let third = try db.logInteraction(Interaction(customerID: c.id!, kind: .call, at: Fixture.at("2026-11-23 13:00")),
                                          next: nil, keepOpen: false, now: Fixture.at("2026-11-23 13:00"))
        #expect(third.closed == nil)
        #expect(try openDueDays(db, c) == ["2026-11-30"])
    }

    @Test func aNoteIsNotAContact() throws {
        let db = try AppDatabase.empty()
        let (c, _) = try customerWithPromises(db)
        let logged = try db.logInteraction(Interaction(customerID: c.id!, kind: .note, at: Fixture.at("2026-11-23 10:00"), note: "x"),
                                           next: nil, keepOpen: false, now: Fixture.at("2026-11-23 10:00"))
        #expect(logged.closed == nil)
        #expect(try db.customer(id: c.id!)?.lastContactAt == nil)
        #expect(try openDueDays(db, c).count == 3)
    }

    @Test func theLastContactNeverMovesBackwards() throws {
        let db = try AppDatabase.empty()
        let c = try Fixture.customer(db, "李明")
        try Fixture.call(db, c, at: "2026-11-20 15:00")
        try Fixture.call(db, c, at: "2026-11-02 09:00")  // logged later, happened earlier
        #expect(try db.customer(id: c.id!)?.lastContactAt == Fixture.at("2026-11-20 15:00"))
    }

    @Test func aNextDateSchedulesAFollowUpTitledByTheNote() throws {
        let db = try AppDatabase.empty()
        let c = try Fixture.customer(db, "李明")
        let logged = try db.logInteraction(
            Interaction(customerID: c.id!, kind: .call, at: Fixture.at("2026-11-23 10:00"), outcome: .reached, note: "谈了报价\n细节见邮件"),
            next: When(day: Fixture.day("2026-11-27"), time: ClockTime(hour: 14, minute: 30)), keepOpen: false,
            now: Fixture.at("2026-11-23 10:05"))
        let created = try #require(logged.created)
        #expect(created.title == "谈了报价")
        #expect(created.due == Fixture.day("2026-11-27"))
        #expect(created.time == ClockTime(hour: 14, minute: 30))
        let link = try db.reader.read { try Int64.fetchOne($0, sql: "SELECT interaction_id FROM follow_up WHERE id = ?", arguments: [created.id]) }
        #expect(link == logged.interaction.id)
    }

    @Test func aFailedLogWritesNothing() throws {
        let db = try AppDatabase.empty()
        let (c, _) = try customerWithPromises(db)
        var bad = Interaction(customerID: c.id!, kind: .call, at: Fixture.at("2026-11-23 10:00"))
        bad.contactID = 12345
        #expect(throws: RapportError.self) {
            try db.logInteraction(bad, next: When(day: Fixture.day("2026-11-30")), keepOpen: false, now: Fixture.at("2026-11-23 10:00"))
        }
        #expect(try db.bookCounts().interactions == 0)
        #expect(try openDueDays(db, c).count == 3)
        #expect(try db.customer(id: c.id!)?.lastContactAt == nil)
    }

    @Test func completingAFollowUpTwiceIsRefused() throws {
        let db = try AppDatabase.empty()
        let (c, promises) = try customerWithPromises(db)
        let done = try db.completeFollowUp(id: promises[1].id!, at: Fixture.at("2026-11-23 09:00"))
        #expect(done.status == .done)
        #expect(throws: RapportError.self) { try db.completeFollowUp(id: promises[1].id!, at: Fixture.at("2026-11-23 09:00")) }
        #expect(try db.completeEarliestFollowUp(customerID: c.id!, at: Fixture.at("2026-11-23 09:00")).id == promises[0].id)
        #expect(throws: RapportError.notFound(what: "follow-up", reference: "999")) {
            try db.completeFollowUp(id: 999, at: Fixture.at("2026-11-23 09:00"))
        }
    }
}
