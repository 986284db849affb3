import Foundation
import GRDB
import RapportDemo
import Testing
@testable import RapportCore
@testable import RapportStore

struct ReminderQueryTests {
    /// today 2026-11-23; cutoffs: A and B before 11-09, C before 10-24, ungraded before 09-24.
    private func book() throws -> (AppDatabase, [String: Customer], [String: FollowUp]) {
        let db = try AppDatabase.empty()
        var c: [String: Customer] = [:]
        c["a14"] = try Fixture.customer(db, "A fourteen", grade: .a)
        try Fixture.call(db, c["a14"]!, at: "2026-11-09 10:00")        // 14 days: within cadence
        c["a15"] = try Fixture.customer(db, "A fifteen", grade: .a)
        try Fixture.call(db, c["a15"]!, at: "2026-11-08 18:00")        // 15 days: forgotten
        c["c30"] = try Fixture.customer(db, "C thirty", grade: .c)
        try Fixture.call(db, c["c30"]!, at: "2026-10-24 09:00")
        c["c31"] = try Fixture.customer(db, "C thirty-one", grade: .c)
        try Fixture.call(db, c["c31"]!, at: "2026-10-23 09:00")
        c["new61"] = try Fixture.customer(db, "Never 61", added: "2026-09-23 12:00")
        c["new60"] = try Fixture.customer(db, "Never 60", added: "2026-09-24 12:00")
        c["lost"] = try Fixture.customer(db, "Lost", grade: .a, status: .lost)
        try Fixture.call(db, c["lost"]!, at: "2020-01-01 09:00")
        c["dormant"] = try Fixture.customer(db, "Dormant", grade: .b, status: .dormant)
        c["noted"] = try Fixture.customer(db, "Only a note", grade: .a)
        try Fixture.call(db, c["noted"]!, at: "2026-11-20 09:00", kind: .note)
        var f: [String: FollowUp] = [:]
        for (key, day) in [("overdue", "2026-11-20"), ("due", "2026-11-23"), ("future", "2026-11-24")] {
            f[key] = try db.addFollowUp(FollowUp(customerID: c["a14"]!.id!, due: When(day: Fixture.day(day)), title: key,
                                                 createdAt: Fixture.at("2026-11-01 09:00")))
        }
        let done = try db.addFollowUp(FollowUp(customerID: c["c30"]!.id!, due: When(day: Fixture.day("2026-11-01")), title: "done",
                                               createdAt: Fixture.at("2026-10-01 09:00")))
        _ = try db.completeFollowUp(id: done.id!, at: Fixture.at("2026-11-01 10:00"))
        return (db, c, f)
    }

    @Test func theStoreAnswersThePlanWithExactlyTheHandComputedRows() throws {
        let (db, c, f) = try book()
        let scanner = ReminderScanner()
        let inputs = try db.reminderInputs(for: scanner.plan(today: Fixture.today))
        #expect(Set(inputs.openFollowUps.map(\.id)) == [f["overdue"]!.id!, f["due"]!.id!])
        // Only contacted customers are forgotten candidates; the never-contacted are uncontacted.
        #expect(Set(inputs.quietCustomers.map(\.id)) == Set(["a15", "c31"].map { c[$0]!.id! }))
        #expect(Set(inputs.uncontacted.map(\.id)) == Set(["new61", "new60", "noted"].map { c[$0]!.id! }))
        // Grade A, chased, never visited since 2026-01-01: all three are past the month.
        #expect(Set(inputs.unvisited.map(\.id)) == Set(["a14", "a15", "noted"].map { c[$0]!.id! }))
    }

    @Test func theScanNamesEachReminderWithItsReason() throws {
        let (db, c, f) = try book()
        let scanner = ReminderScanner()
        let reminders = scanner.scan(try db.reminderInputs(for: scanner.plan(today: Fixture.today)), today: Fixture.today)
        let byCustomerAndRule = Dictionary(uniqueKeysWithValues: reminders.map { ("\($0.customer.name)|\($0.rule)", $0) })
        // overdue 1 + due 1 + forgotten 2 (a15, c31) + visit 3 (a14, a15, noted)
        // + uncontacted 3 (new61, new60, noted: each added more than 7 days ago).
        #expect(reminders.count == 10)
        #expect(byCustomerAndRule["A fourteen|overdue"]?.followUpID == f["overdue"]!.id)
        #expect(byCustomerAndRule["A fourteen|overdue"]?.detail == "3 days overdue (due 2026-11-20): overdue")
        #expect(byCustomerAndRule["A fourteen|due"]?.detail == "due today: due")
        #expect(byCustomerAndRule["A fifteen|forgotten"]?.detail == "A · 15 days since last contact (cadence 14)")
        #expect(byCustomerAndRule["C thirty-one|forgotten"]?.detail == "C · 31 days since last contact (cadence 30)")
        #expect(byCustomerAndRule["Never 61|uncontacted"]?.detail == "new, never contacted: added 61 days ago (contact within 7)")
        #expect(byCustomerAndRule["Never 60|uncontacted"]?.detail == "new, never contacted: added 60 days ago (contact within 7)")
        #expect(byCustomerAndRule["A fourteen|visit"]?.detail == "A · never visited, added 326 days ago (visit every 30)")
        // Jan 1 to Nov 23 2026: 304 days to Nov 1, then 22 more.
        #expect(byCustomerAndRule["Only a note|uncontacted"]?.detail == "new, never contacted: added 326 days ago (contact within 7)")
        // Lost and dormant customers are left out of every rule.
        #expect(!reminders.contains { $0.customer.id == c["lost"]!.id || $0.customer.id == c["dormant"]!.id })
    }
}

struct DemoBookStoreTests {
    @Test func theDemoBookIsConsistentAndItsRemindersMatchPlainSQL() throws {
        let db = try AppDatabase.empty()
        try db.loadDemoBook(DemoBook(customers: 800, seed: 3, today: Fixture.today))
        let counts = try db.bookCounts()
        #expect(counts.customers == 800)
        // Every customer's last contact is its newest non-note interaction.
        let inconsistent = try db.reader.read {
            try Int.fetchOne($0, sql: """
                SELECT count(*) FROM customer c WHERE c.last_contact_at IS NOT
                  (SELECT max(occurred_at) FROM interaction i WHERE i.customer_id = c.id AND i.kind != 'note')
                """)
        }
        #expect(inconsistent == 0)
        let scanner = ReminderScanner()
        let reminders = scanner.scan(try db.reminderInputs(for: scanner.plan(today: Fixture.today, review: true)), today: Fixture.today)
        // Each rule asked directly of the interactions (not the columns the store keeps),
        // with today 2026-11-23 and the default settings.
        let days = "julianday('2026-11-23') - julianday(substr(%@, 1, 10))"
        func since(_ x: String) -> String { days.replacingOccurrences(of: "%@", with: x) }
        let lastContact = "(SELECT max(occurred_at) FROM interaction i WHERE i.customer_id = c.id AND i.kind != 'note')"
        let lastVisit = "(SELECT max(occurred_at) FROM interaction i WHERE i.customer_id = c.id AND i.kind IN ('visit', 'meeting'))"
        let silent = """
            (SELECT count(*) = 2 AND min(coalesce(outcome IN ('no-answer', 'no-reply'), 0)) = 1 FROM
              (SELECT outcome FROM interaction i WHERE i.customer_id = c.id AND i.kind != 'note' ORDER BY occurred_at DESC, id DESC LIMIT 2))
            """
        let chased = "c.status NOT IN ('lost', 'dormant') AND coalesce(c.cadence_days, 1) > 0"
        let cadence = "coalesce(c.cadence_days, CASE c.grade WHEN 'A' THEN 14 WHEN 'B' THEN 14 WHEN 'C' THEN 30 ELSE 60 END)"
        let week = "('11-23', '11-24', '11-25', '11-26', '11-27', '11-28', '11-29', '11-30')"
        let sql: [ReminderRuleKind: String] = [
            .overdue: "SELECT count(*) FROM follow_up WHERE status = 'open' AND due_on < '2026-11-23'",
            .due: "SELECT count(*) FROM follow_up WHERE status = 'open' AND due_on = '2026-11-23'",
            .forgotten: "SELECT count(*) FROM customer c WHERE \(chased) AND \(lastContact) IS NOT NULL AND NOT \(silent) AND \(since(lastContact)) > \(cadence)",
            .visit: "SELECT count(*) FROM customer c WHERE c.grade = 'A' AND \(chased) AND \(since("coalesce(\(lastVisit), c.created_at)")) > 30",
            .uncontacted: "SELECT count(*) FROM customer c WHERE \(chased) AND \(lastContact) IS NULL AND \(since("c.created_at")) > 7",
            .silent: "SELECT count(*) FROM customer c WHERE \(chased) AND \(silent) AND \(since(lastContact)) >= 30",
            .birthday: """
                SELECT (SELECT count(*) FROM customer c WHERE c.status NOT IN ('lost', 'dormant') AND substr(c.birthday, -5) IN \(week))
                     + (SELECT count(*) FROM contact_person p JOIN customer c ON c.id = p.customer_id
                        WHERE c.status NOT IN ('lost', 'dormant') AND substr(p.birthday, -5) IN \(week))
                """,
            .stale: """
                SELECT count(*) FROM follow_up f WHERE f.status = 'open' AND \(since("f.created_at")) >= 90
                  AND NOT EXISTS (SELECT 1 FROM interaction i WHERE i.customer_id = f.customer_id AND i.occurred_at > f.created_at)
                """,
            .regrade: """
                SELECT (SELECT count(*) FROM customer c WHERE c.grade = 'C' AND c.status NOT IN ('lost', 'dormant')
                          AND EXISTS (SELECT 1 FROM follow_up f WHERE f.customer_id = c.id AND f.status = 'open')
                          AND (SELECT count(*) FROM interaction i WHERE i.customer_id = c.id AND i.occurred_at >= '2026-08-25') >= 3)
                     + (SELECT count(*) FROM customer c WHERE c.grade = 'A' AND c.status NOT IN ('lost', 'dormant')
                          AND \(since("coalesce(\(lastContact), c.created_at)")) >= 90)
                """,
        ]
        for (rule, query) in sql {
            let expected = try db.reader.read { try Int.fetchOne($0, sql: query) }
            #expect(reminders.filter { $0.rule == rule }.count == expected, "\(rule)")
            #expect((expected ?? 0) > 0, "the demo book should exercise \(rule)")
        }
    }

    @Test func theDemoGoesOnlyIntoAnEmptyBook() throws {
        let db = try AppDatabase.empty()
        try Fixture.customer(db, "Anna")
        #expect(throws: RapportError.self) { try db.loadDemoBook(DemoBook(customers: 5, seed: 1, today: Fixture.today)) }
        #expect(try db.bookCounts().customers == 1)
    }
}
