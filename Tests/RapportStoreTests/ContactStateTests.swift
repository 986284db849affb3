import Foundation
import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

struct ContactStateTests {
    private func log(_ db: AppDatabase, _ c: Customer, _ kind: InteractionKind, _ outcome: Outcome?, at: String) throws {
        _ = try db.logInteraction(Interaction(customerID: c.id!, kind: kind, at: Fixture.at(at), outcome: outcome),
                                  next: nil, keepOpen: true, now: Fixture.at("2026-11-23 12:00"))
    }

    @Test func twoFailedAttemptsMakeACustomerSilentAndAnAnswerEndsIt() throws {
        let db = try AppDatabase.empty()
        let c = try Fixture.customer(db, "王建国", grade: .a)
        try log(db, c, .call, .noAnswer, at: "2026-10-01 10:00")
        #expect(try db.customer(id: c.id!)?.silentSince == nil)                  // one failure is not silence
        try log(db, c, .email, .noReply, at: "2026-10-05 10:00")
        #expect(try db.customer(id: c.id!)?.silentSince == Fixture.at("2026-10-05 10:00"))
        try log(db, c, .note, nil, at: "2026-10-06 10:00")                      // a note is not an attempt
        #expect(try db.customer(id: c.id!)?.silentSince == Fixture.at("2026-10-05 10:00"))
        try log(db, c, .call, .reached, at: "2026-10-07 10:00")
        #expect(try db.customer(id: c.id!)?.silentSince == nil)
    }

    @Test func aCallLoggedAfterTheFactLandsWhereItHappened() throws {
        let db = try AppDatabase.empty()
        let c = try Fixture.customer(db, "Zoë Müller", grade: .b)
        try log(db, c, .call, .noAnswer, at: "2026-11-10 10:00")
        try log(db, c, .call, .noAnswer, at: "2026-11-12 10:00")
        // Logged now, happened before both failures: the last two attempts still failed.
        try log(db, c, .visit, .reached, at: "2026-11-01 10:00")
        let after = try #require(try db.customer(id: c.id!))
        #expect(after.silentSince == Fixture.at("2026-11-12 10:00"))
        #expect(after.lastContactAt == Fixture.at("2026-11-12 10:00"))
        #expect(after.lastVisitAt == Fixture.at("2026-11-01 10:00"))
    }

    @Test func changingHowManyAttemptsMakeSilenceReMarksEveryone() throws {
        let db = try AppDatabase.empty()
        let c = try Fixture.customer(db, "李明")
        try log(db, c, .call, .reached, at: "2026-11-01 10:00")
        try log(db, c, .call, .noAnswer, at: "2026-11-02 10:00")
        #expect(try db.customer(id: c.id!)?.silentSince == nil)
        try db.setSetting("silent.attempts", to: "1")
        #expect(try db.customer(id: c.id!)?.silentSince == Fixture.at("2026-11-02 10:00"))
        try db.setSetting("silent.attempts", to: "2")
        #expect(try db.customer(id: c.id!)?.silentSince == nil)
    }

    @Test func aCadenceChangeReDatesAttention() throws {
        let db = try AppDatabase.empty()
        let c = try Fixture.customer(db, "Anna", grade: .c)
        try log(db, c, .call, .reached, at: "2026-11-01 10:00")
        func attention() throws -> String? {
            try db.reader.read { try String.fetchOne($0, sql: "SELECT attention_on FROM customer WHERE id = ?", arguments: [c.id]) }
        }
        #expect(try attention() == "2026-12-01")        // 11-01 + 30
        try db.setSetting("cadence.C", to: "10")
        #expect(try attention() == "2026-11-11")
        try db.setSetting("cadence.C", to: "none")
        #expect(try attention() == "9999-12-31")
        var own = try #require(try db.customer(id: c.id!))
        own.cadenceDays = 21
        try db.updateCustomer(own)
        #expect(try attention() == "2026-11-22")        // own cadence wins over the grade's none
    }
}

struct RuleQueryTests {
    private func scan(_ db: AppDatabase, today: Day = Fixture.today, review: Bool = false) throws -> [Reminder] {
        let scanner = ReminderScanner(settings: try db.reminderSettings())
        return scanner.scan(try db.reminderInputs(for: scanner.plan(today: today, review: review)), today: today)
    }

    @Test func ownCadenceDecidesForgottenAndNoneNeverChases() throws {
        let db = try AppDatabase.empty()
        var own = try Fixture.customer(db, "Own 21", grade: .a)
        var never = try Fixture.customer(db, "Never", grade: .a)
        for c in [own, never] {
            _ = try db.logInteraction(Interaction(customerID: c.id!, kind: .call, at: Fixture.at("2026-11-01 10:00"), outcome: .reached),
                                      next: nil, keepOpen: true, now: Fixture.at("2026-11-01 10:00"))
        }
        own = try #require(try db.customer(id: own.id!))
        own.cadenceDays = 21
        try db.updateCustomer(own)
        never = try #require(try db.customer(id: never.id!))
        never.cadenceDays = 0
        try db.updateCustomer(never)
        // 22 days since 11-01: past 21, and past the grade's 14 for a customer without their own.
        let found = try scan(db).filter { $0.rule == .forgotten }
        #expect(found.map(\.customer.name) == ["Own 21"])
        #expect(found.first?.detail == "A · 22 days since last contact (own cadence 21)")
        #expect(try scan(db, today: Fixture.day("2026-11-22")).filter { $0.rule == .forgotten }.isEmpty)
        #expect(try scan(db).contains { $0.customer.name == "Never" } == false)
    }

    @Test func birthdaysOfCustomersAndContactPersonsIncluding29FebruaryInAYearWithout() throws {
        let db = try AppDatabase.empty()
        var leap = Customer(name: "Leap", createdAt: Fixture.at("2026-01-01 09:00"))
        leap.birthday = Birthday(month: 2, day: 29)
        leap.kind = .company
        let saved = try db.addCustomer(leap.validated())
        var person = ContactPerson(customerID: saved.id!, name: "李明")
        person.birthday = Birthday(month: 3, day: 2, year: 1980)
        _ = try db.addContactPerson(person)
        // 2027 has no 29 February: the birthday is kept on the 28th, 3 days after the 25th.
        let found = try scan(db, today: Fixture.day("2027-02-25")).filter { $0.rule == .birthday }
        #expect(found.map(\.detail).sorted() == [
            "birthday in 3 days (Sun 2027-02-28)",
            "李明's birthday in 5 days (Tue 2027-03-02), turns 47",
        ])
        #expect(try scan(db, today: Fixture.day("2027-02-20")).filter { $0.rule == .birthday }.isEmpty)
    }

    @Test func aPromiseWithNothingLoggedSinceGoesStale() throws {
        let db = try AppDatabase.empty()
        let quiet = try Fixture.customer(db, "Quiet")
        let busy = try Fixture.customer(db, "Busy")
        for c in [quiet, busy] {
            _ = try db.addFollowUp(FollowUp(customerID: c.id!, due: When(day: Fixture.day("2026-09-01")), title: "回访",
                                            createdAt: Fixture.at("2026-08-25 09:00")))
        }
        _ = try db.logInteraction(Interaction(customerID: busy.id!, kind: .note, at: Fixture.at("2026-10-01 10:00"), note: "x"),
                                  next: nil, keepOpen: true, now: Fixture.at("2026-10-01 10:00"))
        // 2026-08-25 to 2026-11-23 is 90 days: stale for the customer with nothing logged since.
        let stale = try scan(db).filter { $0.rule == .stale }
        #expect(stale.map(\.customer.name) == ["Quiet"])
        #expect(stale.first?.detail == "open 90 days (due 2026-09-01) with nothing logged since: 回访 — close it?")
        #expect(try scan(db, today: Fixture.day("2026-11-22")).filter { $0.rule == .stale }.isEmpty)
    }

    @Test func theGradeReviewSuggestsForBusyCsAndQuietAs() throws {
        let db = try AppDatabase.empty()
        let busyC = try Fixture.customer(db, "Busy C", grade: .c)
        let quietA = try Fixture.customer(db, "Quiet A", grade: .a, added: "2026-01-01 09:00")
        for day in ["2026-10-01", "2026-10-15", "2026-11-01"] {
            _ = try db.logInteraction(Interaction(customerID: busyC.id!, kind: .call, at: Fixture.at(day + " 10:00"), outcome: .reached),
                                      next: nil, keepOpen: true, now: Fixture.at(day + " 10:00"))
        }
        _ = try db.addFollowUp(FollowUp(customerID: busyC.id!, due: When(day: Fixture.day("2026-12-01")), title: "报价",
                                        createdAt: Fixture.at("2026-11-01 10:00")))
        _ = try db.logInteraction(Interaction(customerID: quietA.id!, kind: .call, at: Fixture.at("2026-08-01 10:00")),
                                  next: nil, keepOpen: true, now: Fixture.at("2026-08-01 10:00"))
        #expect(try scan(db).filter { $0.rule == .regrade }.isEmpty)      // not a quarter's start
        let review = try scan(db, review: true).filter { $0.rule == .regrade }.map(\.detail).sorted()
        #expect(review == [
            "A → B suggested: no contact in 114 days",                       // 08-01 to 11-23
            "C → B suggested: 3 interactions in 90 days and an open opportunity",
        ])
    }
}

struct PlaybookStoreTests {
    @Test func onboardingIsThereAndPlansAllOrNothing() throws {
        let db = try AppDatabase.empty()
        let onboarding = try #require(try db.playbook(named: "onboarding"))
        #expect(onboarding.steps.map(\.offsetDays) == [1, 3, 30])
        let c = try Fixture.customer(db, "王建国")
        let planned = try db.planFollowUps(customerID: c.id!, playbook: "onboarding", from: Fixture.day("2026-11-28"),
                                           now: Fixture.at("2026-11-23 10:00"))
        // From Saturday the 28th: +1d is Sunday, planned for Monday the 30th (followups.workdays);
        // +3d is Tuesday 1 December, +30d Monday the 28th.
        #expect(planned.map(\.due.iso) == ["2026-11-30", "2026-12-01", "2026-12-28"])
        #expect(throws: RapportError.notFound(what: "playbook", reference: "nosuch")) {
            try db.planFollowUps(customerID: c.id!, playbook: "nosuch", from: Fixture.today, now: Fixture.at("2026-11-23 10:00"))
        }
        #expect(try db.customerCard(id: c.id!)?.openFollowUps.count == 3)
        try db.setSetting("followups.workdays", to: "false")
        let asCounted = try db.planFollowUps(customerID: c.id!, playbook: "onboarding", from: Fixture.day("2026-11-28"),
                                             now: Fixture.at("2026-11-23 10:00"))
        #expect(asCounted.map(\.due.iso) == ["2026-11-29", "2026-12-01", "2026-12-28"])
    }

    @Test func savingReplacesTheSteps() throws {
        let db = try AppDatabase.empty()
        try db.savePlaybook(Playbook(name: "renewal", steps: [PlaybookStep(offsetDays: 0, title: "a"), PlaybookStep(offsetDays: 14, title: "b")]))
        try db.savePlaybook(Playbook(name: "renewal", steps: [PlaybookStep(offsetDays: 7, title: "c")]))
        #expect(try db.playbook(named: "renewal")?.steps == [PlaybookStep(offsetDays: 7, title: "c")])
        #expect(try db.playbooks().map(\.name) == ["onboarding", "renewal"])
    }
}
