import Testing
@testable import RapportCore

struct ReminderScannerTests {
    /// A Monday.
    static let today = Day(year: 2026, month: 11, day: 23)!

    static func customer(
        _ id: Int64, grade: Grade?, status: CustomerStatus = .customer,
        lastContactDaysAgo: Int?, addedDaysAgo: Int = 400
    ) -> CustomerSummary {
        CustomerSummary(
            id: id, name: "C\(id)", company: nil, grade: grade, status: status,
            addedOn: today.adding(days: -addedDaysAgo),
            lastContactOn: lastContactDaysAgo.map { today.adding(days: -$0) }
        )
    }

    static func followUp(_ id: Int64, customer: CustomerSummary, dueIn days: Int, time: ClockTime? = nil, title: String = "回访") -> DueFollowUp {
        DueFollowUp(id: id, customer: customer, due: When(day: today.adding(days: days), time: time), title: title)
    }

    // MARK: - Forgotten customers at the cadence boundaries (A/B 14, C 30, ungraded 60)

    @Test(arguments: [
        (Grade?.some(.a), 13, false),
        (.a, 14, false),
        (.a, 15, true),
        (.b, 14, false),
        (.b, 15, true),
        (.c, 29, false),
        (.c, 30, false),
        (.c, 31, true),
        (nil, 59, false),
        (nil, 60, false),
        (nil, 61, true),
        (.a, 0, false),
        (.a, 400, true),
    ])
    func forgottenAtCadenceBoundary(grade: Grade?, daysSince: Int, forgotten: Bool) {
        let c = Self.customer(1, grade: grade, lastContactDaysAgo: daysSince)
        let found = ReminderScanner().scan(ReminderInputs(quietCustomers: [c]), today: Self.today)
        #expect(found.count == (forgotten ? 1 : 0))
        if let r = found.first {
            #expect(r.rule == .forgotten)
            #expect(r.days == daysSince)
            #expect(r.customer.id == 1)
            #expect(r.followUpID == nil)
        }
    }

    @Test(arguments: [(Grade?.some(.a), 15), (.c, 31), (nil, 61), (nil, 400)])
    func neverContactedCustomersAreNotForgottenButUncontacted(grade: Grade?, addedDaysAgo: Int) {
        // A customer never contacted is the uncontacted rule's, whatever their cadence.
        let c = Self.customer(1, grade: grade, lastContactDaysAgo: nil, addedDaysAgo: addedDaysAgo)
        #expect(ReminderScanner().scan(ReminderInputs(quietCustomers: [c]), today: Self.today).isEmpty)
    }

    @Test(arguments: [CustomerStatus.dormant, .lost])
    func dormantAndLostAreNeverForgotten(status: CustomerStatus) {
        let contacted = Self.customer(1, grade: .a, status: status, lastContactDaysAgo: 500)
        let never = Self.customer(2, grade: nil, status: status, lastContactDaysAgo: nil, addedDaysAgo: 900)
        let found = ReminderScanner().scan(ReminderInputs(quietCustomers: [contacted, never]), today: Self.today)
        #expect(found.isEmpty)
    }

    @Test(arguments: [CustomerStatus.lead, .prospect, .customer])
    func chasedStatusesAreForgotten(status: CustomerStatus) {
        let c = Self.customer(1, grade: .a, status: status, lastContactDaysAgo: 20)
        #expect(ReminderScanner().scan(ReminderInputs(quietCustomers: [c]), today: Self.today).count == 1)
    }

    @Test func customCadence() {
        var settings = ReminderSettings.defaults
        settings.cadence[.a] = 7
        let scanner = ReminderScanner(settings: settings)
        #expect(scanner.scan(ReminderInputs(quietCustomers: [Self.customer(1, grade: .a, lastContactDaysAgo: 7)]), today: Self.today).isEmpty)
        #expect(scanner.scan(ReminderInputs(quietCustomers: [Self.customer(1, grade: .a, lastContactDaysAgo: 8)]), today: Self.today).count == 1)
        // A grade left out of the table falls back to the default.
        var sparse = ReminderSettings.defaults
        sparse.cadence = [:]
        #expect(sparse.cadence(for: .c) == 30)
        #expect(sparse.cadence(for: nil) == 60)
    }

    // MARK: - Follow-ups

    @Test(arguments: [
        (-1, 1),
        (-3, 3),
        (-7, 7),
        (-30, 30),
    ])
    func overdueFollowUps(dueIn: Int, daysOverdue: Int) {
        let c = Self.customer(1, grade: .b, lastContactDaysAgo: 1)
        let found = ReminderScanner().scan(ReminderInputs(openFollowUps: [Self.followUp(9, customer: c, dueIn: dueIn)]), today: Self.today)
        #expect(found.count == 1)
        #expect(found.first?.rule == .overdue)
        #expect(found.first?.days == daysOverdue)
        #expect(found.first?.followUpID == 9)
    }

    @Test func dueTodayWithAndWithoutTime() throws {
        let c = Self.customer(1, grade: .b, lastContactDaysAgo: 1)
        let at = try #require(ClockTime(hour: 14, minute: 30))
        let inputs = ReminderInputs(openFollowUps: [
            Self.followUp(1, customer: c, dueIn: 0, time: at, title: "call back"),
            Self.followUp(2, customer: c, dueIn: 0, title: "send the contract"),
            Self.followUp(3, customer: c, dueIn: 1, title: "tomorrow's"),
        ])
        let found = ReminderScanner().scan(inputs, today: Self.today)
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.rule == .due && $0.days == 0 })
        #expect(Set(found.compactMap(\.followUpID)) == [1, 2])
        // A time today adds a little urgency over no time, so the timed one comes first.
        #expect(found.map(\.followUpID) == [1, 2])
    }

    @Test func earlierTimeTodayComesFirst() throws {
        let c = Self.customer(1, grade: .b, lastContactDaysAgo: 1)
        let inputs = ReminderInputs(openFollowUps: [
            Self.followUp(1, customer: c, dueIn: 0, time: ClockTime(hour: 16, minute: 0)),
            Self.followUp(2, customer: c, dueIn: 0, time: ClockTime(hour: 9, minute: 0)),
        ])
        #expect(ReminderScanner().scan(inputs, today: Self.today).map(\.followUpID) == [2, 1])
    }

    // MARK: - Ordering

    @Test func weekOverdueBeatsDayOverdue() {
        let c1 = Self.customer(1, grade: .b, lastContactDaysAgo: 1)
        let c2 = Self.customer(2, grade: .b, lastContactDaysAgo: 1)
        let inputs = ReminderInputs(openFollowUps: [
            Self.followUp(10, customer: c1, dueIn: -1),
            Self.followUp(20, customer: c2, dueIn: -7),
        ])
        #expect(ReminderScanner().scan(inputs, today: Self.today).map(\.followUpID) == [20, 10])
    }

    @Test(arguments: [(14, 30, 6), (14, 30, 1), (14, 30, 20)])
    func gradeABeatsGradeCWithSameDaysPastCadence(cadenceA: Int, cadenceC: Int, past: Int) {
        let c = Self.customer(1, grade: .c, lastContactDaysAgo: cadenceC + past)
        let a = Self.customer(2, grade: .a, lastContactDaysAgo: cadenceA + past)
        let found = ReminderScanner().scan(ReminderInputs(quietCustomers: [c, a]), today: Self.today)
        #expect(found.map(\.customer.id) == [2, 1])
    }

    @Test func moreDaysPastCadenceComesFirst() {
        let inputs = ReminderInputs(quietCustomers: [
            Self.customer(1, grade: .b, lastContactDaysAgo: 16),
            Self.customer(2, grade: .b, lastContactDaysAgo: 25),
            Self.customer(3, grade: .b, lastContactDaysAgo: 20),
        ])
        #expect(ReminderScanner().scan(inputs, today: Self.today).map(\.customer.id) == [2, 3, 1])
    }

    @Test func equalUrgencyGoesByCustomerID() {
        let inputs = ReminderInputs(quietCustomers: [
            Self.customer(7, grade: .c, lastContactDaysAgo: 40),
            Self.customer(3, grade: .c, lastContactDaysAgo: 40),
            Self.customer(5, grade: .c, lastContactDaysAgo: 40),
        ])
        #expect(ReminderScanner().scan(inputs, today: Self.today).map(\.customer.id) == [3, 5, 7])
    }

    @Test func equalUrgencyGoesByRuleThenLongestWaitThenFollowUpThenCustomer() {
        // With every weight zero all urgencies tie, so only the tie-breaks order the list:
        // rule order; within overdue, f31 (3 days) before the 1-day ones, which go by
        // follow-up id (20, 30); forgotten c1 and c2 wait equally and go by customer id.
        var flat = ReminderSettings.defaults
        flat.urgency = UrgencyCoefficients(due: 0, pastCadence: 0, gradeA: 0, gradeB: 0, gradeC: 0)
        let c1 = Self.customer(1, grade: .a, lastContactDaysAgo: 30)
        let c2 = Self.customer(2, grade: .a, lastContactDaysAgo: 30)
        let inputs = ReminderInputs(
            openFollowUps: [
                Self.followUp(40, customer: c2, dueIn: 0),
                Self.followUp(31, customer: c1, dueIn: -3),
                Self.followUp(30, customer: c2, dueIn: -1),
                Self.followUp(20, customer: c1, dueIn: -1),
            ],
            quietCustomers: [c2, c1]
        )
        let found = ReminderScanner(settings: flat).scan(inputs, today: Self.today)
        let order = found.map { "\($0.rule.rawValue) \($0.customer.id) \($0.followUpID ?? 0)" }
        #expect(order == ["overdue 1 31", "overdue 1 20", "overdue 2 30", "due 2 40", "forgotten 1 0", "forgotten 2 0"])
    }

    @Test func scanIsTheSameOnEveryRun() {
        let inputs = ReminderInputs(
            openFollowUps: (1...20).map { Self.followUp(Int64($0), customer: Self.customer(Int64($0 % 5), grade: .b, lastContactDaysAgo: 1), dueIn: -($0 % 4)) },
            quietCustomers: (1...20).map { Self.customer(Int64($0), grade: [Grade.a, .b, .c, nil][$0 % 4], lastContactDaysAgo: 70) }
        )
        let first = ReminderScanner().scan(inputs, today: Self.today)
        #expect(ReminderScanner().scan(inputs, today: Self.today) == first)
        #expect(zip(first, first.dropFirst()).allSatisfy { $0.urgency >= $1.urgency })
    }

    // MARK: - Plan

    @Test func planCutoffs() {
        let plan = ReminderScanner().plan(today: Self.today)
        #expect(plan.followUpsDueBy == Self.today)
        let cutoffs = Dictionary(uniqueKeysWithValues: plan.contactCutoffs.map { ($0.grade, $0.before.iso) })
        #expect(plan.contactCutoffs.count == 4)
        #expect(cutoffs[.a] == "2026-11-09")     // today − 14
        #expect(cutoffs[.b] == "2026-11-09")
        #expect(cutoffs[.c] == "2026-10-24")     // today − 30
        #expect(cutoffs[nil] == "2026-09-24")    // today − 60
    }

    @Test func planFollowsSettings() {
        var settings = ReminderSettings.defaults
        settings.cadence[.c] = 45
        let plan = ReminderScanner(settings: settings).plan(today: Self.today)
        #expect(plan.contactCutoffs.first { $0.grade == .c }?.before.iso == "2026-10-09")   // today − 45
    }

    // MARK: - Sentences

    @Test(arguments: [
        (ReminderReason.forgotten(grade: .a, cadence: 14, own: false), 23, "A · 23 days since last contact (cadence 14)"),
        (.forgotten(grade: .b, cadence: 21, own: true), 40, "B · 40 days since last contact (own cadence 21)"),
        (.forgotten(grade: nil, cadence: 60, own: false), 61, "ungraded · 61 days since last contact (cadence 60)"),
        (.forgotten(grade: .c, cadence: 30, own: false), 100, "C · 100 days since last contact (cadence 30)"),
        (.uncontacted(within: 7), 40, "new, never contacted: added 40 days ago (contact within 7)"),
        (.overdue(due: When(day: Day(year: 2026, month: 11, day: 20)!), title: "回访"), 3, "3 days overdue (due 2026-11-20): 回访"),
        (.overdue(due: When(day: Day(year: 2026, month: 11, day: 22)!), title: "call back"), 1, "1 day overdue (due 2026-11-22): call back"),
        (.overdue(due: When(day: Day(year: 2026, month: 11, day: 13)!, time: ClockTime(hour: 9, minute: 5)), title: "demo"), 10,
         "10 days overdue (due 2026-11-13 09:05): demo"),
        (.overdue(due: When(day: Day(year: 2026, month: 11, day: 22)!), title: ""), 1, "1 day overdue (due 2026-11-22)"),
        (.due(time: ClockTime(hour: 14, minute: 30), title: "回访报价"), 0, "due today at 14:30: 回访报价"),
        (.due(time: nil, title: "send the contract"), 0, "due today: send the contract"),
        (.due(time: ClockTime(hour: 8, minute: 0), title: ""), 0, "due today at 08:00"),
    ])
    func detail(reason: ReminderReason, days: Int, text: String) {
        let customer = Self.customer(1, grade: nil, lastContactDaysAgo: nil)
        let reminder = Reminder(customer: customer, days: days, terms: UrgencyTerms(rule: 0), reason: reason)
        #expect(reminder.detail == text)
    }

    @Test func scannedDetails() throws {
        let a = Self.customer(1, grade: .a, lastContactDaysAgo: 23)
        let never = Self.customer(2, grade: .b, lastContactDaysAgo: nil, addedDaysAgo: 40)
        let f = Self.followUp(3, customer: Self.customer(3, grade: nil, lastContactDaysAgo: 1), dueIn: -3, title: "回访")
        let t = Self.followUp(4, customer: Self.customer(4, grade: nil, lastContactDaysAgo: 1), dueIn: 0,
                              time: ClockTime(hour: 14, minute: 30), title: "报价")
        var inputs = ReminderInputs(openFollowUps: [f, t], quietCustomers: [a])
        inputs.uncontacted = [never]
        let found = ReminderScanner().scan(inputs, today: Self.today)
        let byCustomer = Dictionary(uniqueKeysWithValues: found.map { ($0.customer.id, $0.detail) })
        #expect(byCustomer[1] == "A · 23 days since last contact (cadence 14)")
        #expect(byCustomer[2] == "new, never contacted: added 40 days ago (contact within 7)")
        #expect(byCustomer[3] == "3 days overdue (due 2026-11-20): 回访")
        #expect(byCustomer[4] == "due today at 14:30: 报价")
    }

    // MARK: - Urgency

    @Test(arguments: [
        (-30, 12.0),
        (-8, 12.0),
        (-7, 12.0),                       // full weight from a week overdue
        (-1, 12.0 * (1 - 6.0 / 21 * 0.8)),
        (0, 12.0 * (1 - 7.0 / 21 * 0.8)), // 8.8, about 0.73 of the weight
        (7, 12.0 * (1 - 14.0 / 21 * 0.8)),
        (14, 12.0 * 0.2),                 // 2.4
        (30, 12.0 * 0.2),
    ] as [(Int, Double)])
    func dueTerm(daysUntilDue: Int, expected: Double) {
        let got = UrgencyCoefficients.defaults.dueTerm(daysUntilDue: daysUntilDue)
        #expect(abs(got - expected) < 1e-9, "\(daysUntilDue): \(got)")
    }

    @Test func dueTermOnTheDayIs8Point8() {
        #expect(abs(UrgencyCoefficients.defaults.dueTerm(daysUntilDue: 0) - 8.8) < 1e-9)
        #expect(abs(UrgencyCoefficients.defaults.dueTerm(daysUntilDue: 14) - 2.4) < 1e-9)
    }

    @Test(arguments: [
        (14, 14, 0.0),                       // not past the cadence
        (10, 14, 0.0),
        (15, 14, 8 * (0.25 + 0.75 / 14)),    // one day past
        (21, 14, 8 * (0.25 + 0.75 * 0.5)),   // half a cadence past: 5
        (28, 14, 8.0),                       // twice the cadence: full
        (100, 14, 8.0),                      // capped
        (5, 0, 0.0),                         // a zero cadence has no term
    ] as [(Int, Int, Double)])
    func cadenceTerm(daysSince: Int, cadence: Int, expected: Double) {
        let got = UrgencyCoefficients.defaults.cadenceTerm(daysSince: daysSince, cadence: cadence)
        #expect(abs(got - expected) < 1e-9, "\(daysSince)/\(cadence): \(got)")
    }

    @Test(arguments: [(Grade?.some(.a), 3.0), (.b, 2.0), (.c, 1.0), (nil, 0.0)])
    func gradeTerm(grade: Grade?, expected: Double) {
        #expect(UrgencyCoefficients.defaults.grade(grade) == expected)
    }

    @Test func urgencyOfScannedReminders() throws {
        // Forgotten A, 21 days since with cadence 14: 8 × (0.25 + 0.75 × 7/14) + 3 = 8.
        let a = Self.customer(1, grade: .a, lastContactDaysAgo: 21)
        // Overdue by 3, grade C: 12 × (1 − 4/21 × 0.8) + 1.
        let f = Self.followUp(2, customer: Self.customer(2, grade: .c, lastContactDaysAgo: 1), dueIn: -3)
        // Due today at 12:00, ungraded: see below.
        let t = Self.followUp(3, customer: Self.customer(3, grade: nil, lastContactDaysAgo: 1), dueIn: 0,
                              time: ClockTime(hour: 12, minute: 0))
        let found = ReminderScanner().scan(ReminderInputs(openFollowUps: [f, t], quietCustomers: [a]), today: Self.today)
        let urgency = Dictionary(uniqueKeysWithValues: found.map { ($0.customer.id, $0.urgency) })
        let forgottenA: Double = try #require(urgency[1])
        let overdueC: Double = try #require(urgency[2])
        let dueNoon: Double = try #require(urgency[3])
        let overdueExpected: Double = 12.0 * (1.0 - 4.0 / 21.0 * 0.8) + 1.0
        #expect(abs(forgottenA - 8.0) < 1e-9)
        #expect(abs(overdueC - overdueExpected) < 1e-9)
        // Due at noon: 12 × (1 − 7/21 × 0.8) = 8.8, plus 0.03 × 12 × (1 − 720/1440) = 0.18.
        #expect(abs(dueNoon - 8.98) < 1e-9)
        #expect(found.map(\.customer.id) == [2, 3, 1])
    }

    @Test func ruleHeadings() {
        #expect(ReminderRuleKind.allCases == [.overdue, .due, .payment, .forgotten, .visit, .uncontacted, .silent, .stuck, .closePassed,
                                              .renewal, .birthday, .stale, .regrade, .upcoming])
        #expect(ReminderRuleKind.closePassed.rawValue == "close-passed")
        #expect(ReminderRuleKind.overdue.heading == "Overdue follow-ups")
        #expect(ReminderRuleKind.due.heading == "Due today")
        #expect(ReminderRuleKind.forgotten.heading == "Forgotten customers")
    }
}
