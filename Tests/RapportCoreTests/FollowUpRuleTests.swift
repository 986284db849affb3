import Testing
@testable import RapportCore

/// Rules 6 and 8: stale follow-ups (open 90 days or more) and upcoming ones (`--days N`).
struct FollowUpRuleTests {
    typealias F = RuleFixtures

    static func followUp(_ id: Int64, grade: Grade? = .b, due: String, time: ClockTime? = nil, title: String = "回访",
                         created: String? = nil) -> DueFollowUp {
        DueFollowUp(id: id, customer: F.customer(id, grade: grade, contacted: 1), due: When(day: F.day(due), time: time),
                    title: title, createdOn: created.map(F.day))
    }

    // MARK: - 6. Stale

    @Test(arguments: [
        // (created on, due, days open, sentence or nil) — 2026-08-25 is 90 days before 2026-11-23
        // (6 days left in August, 30 in September, 31 in October, 23 in November).
        ("2026-08-26", "2026-08-30", 89, String?.none),
        ("2026-08-25", "2026-08-30", 90, "open 90 days (due 2026-08-30) with nothing logged since: 回访 — close it?"),
        ("2026-08-24", "2026-09-15", 91, "open 91 days (due 2026-09-15) with nothing logged since: 回访 — close it?"),
        ("2025-11-23", "2025-12-01", 365, "open 365 days (due 2025-12-01) with nothing logged since: 回访 — close it?"),
        ("2026-11-23", "2026-11-23", 0, nil),
    ] as [(String, String, Int, String?)])
    func stale(created: String, due: String, days: Int, sentence: String?) {
        var inputs = ReminderInputs()
        inputs.staleFollowUps = [Self.followUp(7, due: due, created: created)]
        let found = ReminderScanner().scan(inputs, today: F.today)
        #expect(found.map(\.detail) == (sentence.map { [$0] } ?? []))
        if let r = found.first {
            #expect(r.rule == .stale)
            #expect(r.days == days)
            #expect(r.followUpID == 7)
        }
    }

    @Test func staleFollowsTheSetting() {
        var s = ReminderSettings.defaults
        s.staleDays = 30
        var inputs = ReminderInputs()
        // 2026-10-24 is 30 days before today, 2026-10-25 is 29.
        inputs.staleFollowUps = [Self.followUp(1, due: "2026-10-30", created: "2026-10-25"),
                                 Self.followUp(2, due: "2026-10-30", created: "2026-10-24")]
        #expect(ReminderScanner(settings: s).scan(inputs, today: F.today).map(\.followUpID) == [2])
    }

    @Test(arguments: [Grade?.some(.a), .b, .c, nil])
    func staleUrgencyIsOnlyTheStaleWeight(grade: Grade?) throws {
        var inputs = ReminderInputs()
        inputs.staleFollowUps = [Self.followUp(1, grade: grade, due: "2026-08-01", created: "2026-07-01")]
        let r = try #require(ReminderScanner().scan(inputs, today: F.today).first)
        #expect(r.terms == UrgencyTerms(rule: 2))
        #expect(r.urgency == 2)
    }

    // MARK: - 8. Upcoming

    @Test(arguments: [
        // (due, time, days ahead, sentence or nil)
        ("2026-11-24", ClockTime?.none, 0, String?.none),
        ("2026-11-24", nil, 1, "due tomorrow (2026-11-24): 回访"),
        ("2026-11-25", nil, 1, nil),
        ("2026-11-26", ClockTime(hour: 12, minute: 30), 3, "due in 3 days (2026-11-26 12:30): 回访"),
        ("2026-11-26", nil, 2, nil),
        ("2026-11-27", nil, 3, nil),
        ("2026-11-30", nil, 7, "due in 7 days (2026-11-30): 回访"),
        ("2026-12-01", nil, 7, nil),
        ("2026-12-23", ClockTime(hour: 9, minute: 5), 30, "due in 30 days (2026-12-23 09:05): 回访"),
    ] as [(String, ClockTime?, Int, String?)])
    func upcoming(due: String, time: ClockTime?, daysAhead: Int, sentence: String?) {
        let inputs = ReminderInputs(openFollowUps: [Self.followUp(3, due: due, time: time)])
        let found = ReminderScanner().scan(inputs, today: F.today, daysAhead: daysAhead)
        #expect(found.map(\.detail) == (sentence.map { [$0] } ?? []))
        if let r = found.first {
            #expect(r.rule == .upcoming)
            #expect(r.followUpID == 3)
        }
    }

    @Test func lookingAheadLeavesOverdueAndDueTodayToTheirRules() {
        let inputs = ReminderInputs(openFollowUps: [
            Self.followUp(1, due: "2026-11-22"),
            Self.followUp(2, due: "2026-11-23"),
            Self.followUp(3, due: "2026-11-25"),
            Self.followUp(4, due: "2026-11-27"),
        ])
        let found = ReminderScanner().scan(inputs, today: F.today, daysAhead: 3)
        let rules = Dictionary(uniqueKeysWithValues: found.map { ($0.followUpID ?? 0, $0.rule) })
        #expect(rules == [1: .overdue, 2: .due, 3: .upcoming])
        #expect(found.first { $0.followUpID == 3 }?.days == 2)
    }
}
