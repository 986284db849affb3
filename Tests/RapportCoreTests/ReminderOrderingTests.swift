import Testing
@testable import RapportCore

/// Rules 10 and 11: how a scan is ordered, and what each reminder's urgency is made of.
struct ReminderOrderingTests {
    typealias F = RuleFixtures

    static func followUp(_ id: Int64, customer: Int64, dueIn: Int = 0, createdDaysAgo: Int? = nil) -> DueFollowUp {
        DueFollowUp(id: id, customer: F.customer(customer, grade: .b, contacted: 1), due: When(day: F.today.adding(days: dueIn)),
                    title: "t\(id)", createdOn: createdDaysAgo.map { F.today.adding(days: -$0) })
    }

    static func label(_ r: Reminder) -> String {
        "\(r.rule.rawValue) c\(r.customer.id)" + (r.followUpID.map { " f\($0)" } ?? "") + (r.contactID.map { " p\($0)" } ?? "")
    }

    /// Every weight 0: every urgency is 0, so only the tie-breaks order the scan.
    static func allRulesInputs() -> ReminderInputs {
        var inputs = ReminderInputs(
            openFollowUps: [
                // overdue: f31 3 days late first; f20 and f30 both 1 day late, by follow-up id
                // (f20 belongs to the higher customer id, so follow-up id is asked before customer id).
                followUp(30, customer: 1, dueIn: -1),
                followUp(20, customer: 2, dueIn: -1),
                followUp(31, customer: 1, dueIn: -3),
                // due today
                followUp(41, customer: 2),
                followUp(40, customer: 3),
                // upcoming (days ahead 5): nearest first
                followUp(60, customer: 1, dueIn: 3),
                followUp(62, customer: 2, dueIn: 1),
                followUp(61, customer: 3, dueIn: 1),
            ],
            quietCustomers: [
                F.customer(4, grade: .a, contacted: 30),
                F.customer(3, grade: .a, contacted: 30),
                F.customer(5, grade: .c, contacted: 40),
            ]
        )
        inputs.unvisited = [F.customer(6, grade: .a, contacted: 1, visited: 50), F.customer(7, grade: .a, contacted: 1, visited: 60)]
        inputs.uncontacted = [F.customer(8, grade: nil, added: 10), F.customer(9, grade: nil, added: 20)]
        inputs.silent = [F.customer(11, grade: .b, contacted: 50, silent: 35), F.customer(10, grade: .b, contacted: 50, silent: 40)]
        inputs.birthdays = [
            BirthdayEntry(customer: F.customer(12, grade: .a, contacted: 1), birthday: Birthday(text: "--11-28")!),   // 5 days
            BirthdayEntry(customer: F.customer(14, grade: .a, contacted: 1), birthday: Birthday(text: "--11-25")!),   // 2 days
            BirthdayEntry(customer: F.customer(13, grade: .a, contacted: 1), contactID: 7, contactName: "Qi", birthday: Birthday(text: "--11-25")!),
            BirthdayEntry(customer: F.customer(13, grade: .a, contacted: 1), contactID: 3, contactName: "Li", birthday: Birthday(text: "--11-25")!),
        ]
        inputs.staleFollowUps = [
            followUp(50, customer: 1, dueIn: -90, createdDaysAgo: 100),
            followUp(52, customer: 1, dueIn: -90, createdDaysAgo: 100),
            followUp(51, customer: 2, dueIn: -90, createdDaysAgo: 120),
        ]
        inputs.regradeCandidates = [
            RegradeCandidate(customer: F.customer(15, grade: .a, contacted: 100), interactions: 0, hasOpportunity: false),
            RegradeCandidate(customer: F.customer(16, grade: .a, contacted: 150), interactions: 0, hasOpportunity: false),
        ]
        return inputs
    }

    @Test func withAllWeightsZeroTheTieBreaksOrderTheScan() {
        let found = ReminderScanner(settings: F.flat).scan(Self.allRulesInputs(), today: F.today, daysAhead: 5)
        #expect(found.allSatisfy { $0.urgency == 0 })
        #expect(found.map(Self.label) == [
            "overdue c1 f31", "overdue c2 f20", "overdue c1 f30",
            "due c3 f40", "due c2 f41",
            "forgotten c5", "forgotten c3", "forgotten c4",            // 40 days, then 30 and 30 by customer id
            "visit c7", "visit c6",                                    // 60 then 50 days
            "uncontacted c9", "uncontacted c8",                        // 20 then 10 days
            "silent c10", "silent c11",                                // 40 then 35 days
            "birthday c13 p3", "birthday c13 p7", "birthday c14",      // in 2 days, by customer then contact id…
            "birthday c12",                                            // …then in 5 days: the nearest first
            "stale c2 f51", "stale c1 f50", "stale c1 f52",            // 120 days open, then 100 and 100 by follow-up id
            "regrade c16", "regrade c15",                              // 150 then 100 days
            "upcoming c3 f61", "upcoming c2 f62", "upcoming c1 f60",   // tomorrow (by follow-up id), then in 3 days
        ])
    }

    @Test func tieBreaksDoNotDependOnInputOrder() {
        var reversed = Self.allRulesInputs()
        reversed.openFollowUps.reverse()
        reversed.quietCustomers.reverse()
        reversed.unvisited.reverse()
        reversed.uncontacted.reverse()
        reversed.silent.reverse()
        reversed.birthdays.reverse()
        reversed.staleFollowUps.reverse()
        reversed.regradeCandidates.reverse()
        let scanner = ReminderScanner(settings: F.flat)
        #expect(scanner.scan(reversed, today: F.today, daysAhead: 5) == scanner.scan(Self.allRulesInputs(), today: F.today, daysAhead: 5))
    }

    @Test func higherUrgencyComesFirstThenTheRulesOrder() {
        // Worked out by hand with the default weights:
        //   forgotten A, 21 days (cadence 14): 8 × (0.25 + 0.75 × 7/14) + 3 = 8
        //   visit A, 45 days (every 30):       8 × (0.25 + 0.75 × 15/30) + 3 = 8
        //   uncontacted, ungraded, 14 days (within 7): 8 × (0.25 + 0.75 × 1) = 8
        //   birthday today, ungraded:           4 × (1 − 0/8) = 4
        //   birthday in 7 days, grade A:        4 × (1 − 7/8) + 3 = 3.5
        //   silent grade A:                     3 / 2 + 1 = 2.5
        //   stale:                              2
        //   forgotten C, 31 days (cadence 30): 8 × (0.25 + 0.75 × 1/30) + 1 = 3.2
        var inputs = ReminderInputs(quietCustomers: [F.customer(1, grade: .a, contacted: 21), F.customer(9, grade: .c, contacted: 31)])
        inputs.unvisited = [F.customer(2, grade: .a, contacted: 1, visited: 45)]
        inputs.uncontacted = [F.customer(3, grade: nil, added: 14)]
        inputs.birthdays = [
            BirthdayEntry(customer: F.customer(4, grade: nil, contacted: 1), birthday: Birthday(text: "--11-23")!),
            BirthdayEntry(customer: F.customer(6, grade: .a, contacted: 1), birthday: Birthday(text: "--11-30")!),
        ]
        inputs.silent = [F.customer(7, grade: .a, contacted: 60, silent: 40)]
        inputs.staleFollowUps = [Self.followUp(80, customer: 8, dueIn: -95, createdDaysAgo: 100)]
        let found = ReminderScanner().scan(inputs, today: F.today)
        #expect(found.map(\.customer.id) == [1, 2, 3, 4, 6, 9, 7, 8])
        let expected: [Int64: Double] = [1: 8, 2: 8, 3: 8, 4: 4, 6: 3.5, 9: 3.2, 7: 2.5, 8: 2]
        for r in found {
            #expect(F.close(r.urgency, expected[r.customer.id] ?? -1), "\(Self.label(r)): \(r.urgency)")
        }
    }

    // MARK: - 11. Terms

    @Test func forgottenTerms() throws {
        let r = try #require(ReminderScanner().scan(ReminderInputs(quietCustomers: [F.customer(1, grade: .a, contacted: 21)]), today: F.today).first)
        #expect(F.close(r.terms.cadence, 5.0))
        #expect(F.close(r.terms.grade, 3.0))
        #expect(r.terms.due == 0 && r.terms.birthday == 0 && r.terms.rule == 0)
        #expect(F.close(r.urgency, 8.0))
    }

    @Test(arguments: [
        // (days since own-cadence contact, own cadence, cadence term): 8 × (0.25 + 0.75 × min(1, past / cadence))
        (22, 21, 8 * (0.25 + 0.75 / 21)),
        (42, 21, 8.0),
        (100, 21, 8.0),
        (31, 21, 8 * (0.25 + 0.75 * 10 / 21)),
    ] as [(Int, Int, Double)])
    func forgottenTermsUseTheOwnCadence(since: Int, own: Int, term: Double) throws {
        let c = F.customer(1, grade: .c, contacted: since, cadence: own)
        let r = try #require(ReminderScanner().scan(ReminderInputs(quietCustomers: [c]), today: F.today).first)
        #expect(F.close(r.terms.cadence, term))
        #expect(F.close(r.urgency, term + 1))
    }

    @Test func visitTerms() throws {
        var inputs = ReminderInputs()
        inputs.unvisited = [F.customer(1, grade: .a, contacted: 1, visited: 45)]
        let r = try #require(ReminderScanner().scan(inputs, today: F.today).first)
        #expect(F.close(r.terms.cadence, 5.0))
        #expect(F.close(r.terms.grade, 3.0))
        #expect(F.close(r.urgency, 8.0))
    }

    @Test(arguments: [
        // (birthday, window, birthday term)
        ("--11-23", 7, 4.0),                   // 4 × (1 − 0/8)
        ("--11-30", 7, 0.5),                   // 4 × (1 − 7/8)
        ("--11-26", 3, 1.0),                   // 4 × (1 − 3/4)
        ("--11-23", 1, 4.0),
        ("--11-24", 1, 2.0),                   // 4 × (1 − 1/2)
    ] as [(String, Int, Double)])
    func birthdayTerms(birthday: String, window: Int, term: Double) throws {
        var s = ReminderSettings.defaults
        s.birthdayDays = window
        var inputs = ReminderInputs()
        inputs.birthdays = [BirthdayEntry(customer: F.customer(1, grade: .b, contacted: 1), birthday: Birthday(text: birthday)!)]
        let r = try #require(ReminderScanner(settings: s).scan(inputs, today: F.today).first)
        #expect(F.close(r.terms.birthday, term))
        #expect(F.close(r.terms.grade, 2.0))
        #expect(F.close(r.urgency, term + 2))
    }

    @Test func changedWeightsChangeTheTerms() throws {
        var s = ReminderSettings.defaults
        s.urgency.pastCadence = 10
        s.urgency.gradeA = 5
        s.urgency.silent = 3
        s.urgency.stale = 0.5
        var inputs = ReminderInputs(quietCustomers: [F.customer(1, grade: .a, contacted: 28)])   // twice the cadence: full 10
        inputs.silent = [F.customer(2, grade: .a, contacted: 60, silent: 40)]                     // 5 / 2 + 3
        inputs.staleFollowUps = [Self.followUp(3, customer: 3, dueIn: -95, createdDaysAgo: 100)]  // 0.5
        let found = ReminderScanner(settings: s).scan(inputs, today: F.today)
        let urgency = Dictionary(uniqueKeysWithValues: found.map { ($0.customer.id, $0.urgency) })
        let forgotten = try #require(urgency[1])
        let silent = try #require(urgency[2])
        let stale = try #require(urgency[3])
        #expect(F.close(forgotten, 15))
        #expect(F.close(silent, 5.5))
        #expect(F.close(stale, 0.5))
        #expect(found.map(\.customer.id) == [1, 2, 3])
    }

    @Test func urgencyIsTheSumOfTheNamedTerms() {
        let t = UrgencyTerms(due: 1.5, cadence: 2, grade: 3, birthday: 0, rule: 0.25)
        #expect(t.total == 6.75)
        #expect(t.named.map(\.0) == ["due", "cadence", "grade", "rule"])
        let r = Reminder(customer: F.customer(1, grade: .a), days: 1, terms: t, reason: .silent(attempts: 2))
        #expect(r.urgency == 6.75)
    }
}
