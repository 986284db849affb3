import Foundation
import GRDB
import RapportDemo
import Testing
@testable import RapportCore
@testable import RapportStore

struct PagedScanTests {
    /// The first frame's limited scan shows exactly the top of the full scan, with true totals.
    @Test(arguments: [1, 5, 40])
    func aLimitedScanIsTheTopOfTheFullScan(limit: Int) throws {
        let db = try AppDatabase.empty()
        try db.loadDemoBook(DemoBook(customers: 800, seed: 11, today: Fixture.today))
        let scanner = ReminderScanner()
        let full = scanner.report(try db.reminderInputs(for: scanner.plan(today: Fixture.today)), today: Fixture.today)
        let paged = scanner.report(try db.reminderInputs(for: scanner.plan(today: Fixture.today, limit: limit)),
                                   today: Fixture.today, limit: limit)
        for rule in ReminderRuleKind.allCases {
            let top = full.reminders.filter { $0.rule == rule }.prefix(limit)
            #expect(paged.reminders.filter { $0.rule == rule } == Array(top), "\(rule)")
            #expect(paged.total(rule) == full.total(rule), "\(rule)")
        }
        #expect(full.total(.overdue) > 40 && full.total(.forgotten) > 40, "the book should be big enough to page")
    }
}

struct AttentionTests {
    private func attention(_ db: AppDatabase, _ c: Customer) throws -> String {
        try db.reader.read { try String.fetchOne($0, sql: "SELECT attention_on FROM customer WHERE id = ?", arguments: [c.id])! }
    }

    @Test func attentionFollowsContactsFollowUpsGradeAndStatus() throws {
        let db = try AppDatabase.empty()
        var c = try Fixture.customer(db, "王建国", grade: .a, added: "2026-11-01 09:00")
        #expect(try attention(db, c) == "2026-11-15")   // added + 14 (grade A)
        try Fixture.call(db, c, at: "2026-11-20 10:00")
        #expect(try attention(db, c) == "2026-12-04")   // last contact + 14
        let f = try db.addFollowUp(FollowUp(customerID: c.id!, due: When(day: Fixture.day("2026-11-25")), title: "回访",
                                            createdAt: Fixture.at("2026-11-20 10:00")))
        #expect(try attention(db, c) == "2026-11-25")   // the promise comes first
        _ = try db.rescheduleFollowUp(id: f.id!, to: When(day: Fixture.day("2026-11-28")))
        #expect(try attention(db, c) == "2026-11-28")
        _ = try db.completeFollowUp(id: f.id!, at: Fixture.at("2026-11-21 09:00"))
        #expect(try attention(db, c) == "2026-12-04")
        // `c` still says "never contacted": an edit must not put the last contact back.
        c.grade = .c
        try db.updateCustomer(c)
        #expect(try db.customer(id: c.id!)?.lastContactAt == Fixture.at("2026-11-20 10:00"))
        #expect(try attention(db, c) == "2026-12-20")   // last contact + 30
        c.status = .lost
        try db.updateCustomer(c)
        #expect(try attention(db, c) == "9999-12-31")   // not chased
    }

    @Test func theListPagesByAttentionNameAndLastContact() throws {
        let db = try AppDatabase.empty()
        let late = try Fixture.customer(db, "Zed", grade: .a, added: "2026-10-01 09:00")       // attention 10-15
        let soon = try Fixture.customer(db, "Anna", grade: .c, added: "2026-11-01 09:00")      // attention 12-01
        let never = try Fixture.customer(db, "李明", status: .lost, added: "2026-01-01 09:00") // never chased
        try Fixture.call(db, late, at: "2026-10-01 10:00")
        try Fixture.call(db, soon, at: "2026-11-01 10:00")
        func names(_ order: CustomerOrder, offset: Int = 0, limit: Int = 10) throws -> [String] {
            try db.customerPage(order: order, offset: offset, limit: limit).map(\.summary.name)
        }
        #expect(try names(.attention) == ["Zed", "Anna", "李明"])
        #expect(try names(.name) == ["Anna", "李明", "Zed"])          // a, li, zed
        #expect(try names(.lastContact) == ["李明", "Zed", "Anna"])   // never contacted first
        #expect(try names(.attention, offset: 1, limit: 1) == ["Anna"])
        #expect(try db.customerCount() == 3)
        #expect(try db.customerRows(ids: [never.id!, late.id!]).map(\.summary.name) == ["李明", "Zed"])
    }

    @Test func snoozingADoneFollowUpIsRefused() throws {
        let db = try AppDatabase.empty()
        let c = try Fixture.customer(db, "Anna")
        let f = try db.addFollowUp(FollowUp(customerID: c.id!, due: When(day: Fixture.day("2026-11-25")), title: "",
                                            createdAt: Fixture.at("2026-11-20 10:00")))
        _ = try db.completeFollowUp(id: f.id!, at: Fixture.at("2026-11-21 09:00"))
        #expect(throws: RapportError.self) { try db.rescheduleFollowUp(id: f.id!, to: When(day: Fixture.day("2026-12-01"))) }
    }

    @Test func theSearchCorpusHoldsTheWholeBookInNameOrder() throws {
        let db = try AppDatabase.empty()
        let z = try Fixture.customer(db, "Zoë Müller", company: "Nordwind GmbH")
        let w = try Fixture.customer(db, "王建国", phones: ["138-0013-8000"])
        let a = try Fixture.customer(db, "Anna")
        let corpus = try db.searchCorpus()
        #expect(corpus.ids == [a.id!, w.id!, z.id!])
        #expect(corpus.matches("wjg").map { corpus.ids[$0] } == [w.id!])
        #expect(corpus.matches("0013").map { corpus.ids[$0] } == [w.id!])
        #expect(corpus.matches("nord").map { corpus.ids[$0] } == [z.id!])
    }

    @Test func theCorpusReadIsCoveredByAnIndex() throws {
        let db = try AppDatabase.empty()
        let plan = try db.reader.read {
            try Row.fetchAll($0, sql: "EXPLAIN QUERY PLAN SELECT id, search_text FROM customer ORDER BY sort_key, id")
        }.map { $0["detail"] as String }.joined(separator: "\n")
        #expect(plan.contains("COVERING INDEX customer_search_by_name"), "\(plan)")
    }
}
