import Testing
@testable import RapportCore

/// Rules 1–4: forgotten, visit, uncontacted and silent customers. Today is Monday 2026-11-23.
struct CustomerRuleTests {
    typealias F = RuleFixtures

    // MARK: - 1. Forgotten

    @Test(arguments: [
        // (grade, own cadence, days since contact (nil: never), silent since (days ago), status, sentence or nil)
        (Grade?.some(.a), Int?.none, Int?.some(13), Int?.none, CustomerStatus.customer, String?.none),
        (.a, nil, 14, nil, .customer, nil),
        (.a, nil, 15, nil, .customer, "A · 15 days since last contact (cadence 14)"),
        (.a, nil, 21, nil, .lead, "A · 21 days since last contact (cadence 14)"),
        (.b, nil, 15, nil, .prospect, "B · 15 days since last contact (cadence 14)"),
        (.c, nil, 30, nil, .customer, nil),
        (.c, nil, 31, nil, .customer, "C · 31 days since last contact (cadence 30)"),
        (nil, nil, 60, nil, .customer, nil),
        (nil, nil, 61, nil, .customer, "ungraded · 61 days since last contact (cadence 60)"),
        // Own cadence 21 instead of the grade's 14.
        (.b, 21, 21, nil, .customer, nil),
        (.b, 21, 22, nil, .customer, "B · 22 days since last contact (own cadence 21)"),
        (.b, 21, 40, nil, .customer, "B · 40 days since last contact (own cadence 21)"),
        // Own cadence longer than the grade's: 20 days is past A's 14 but not past own 30.
        (.a, 30, 20, nil, .customer, nil),
        // Own cadence shorter than the grade's.
        (.c, 7, 8, nil, .customer, "C · 8 days since last contact (own cadence 7)"),
        (nil, 21, 22, nil, .customer, "ungraded · 22 days since last contact (own cadence 21)"),
        // Own cadence 0: never chased.
        (.a, 0, 400, nil, .customer, nil),
        (nil, 0, 15, nil, .customer, nil),
        // Silent: the silent rule's, never forgotten.
        (.a, nil, 100, 40, .customer, nil),
        (.a, nil, 100, 1, .customer, nil),
        // Never contacted: the uncontacted rule's.
        (.a, nil, nil, nil, .customer, nil),
        (.a, 21, nil, nil, .customer, nil),
        // Lost and dormant are not chased.
        (.a, nil, 100, nil, .lost, nil),
        (.a, nil, 100, nil, .dormant, nil),
        (.b, 21, 100, nil, .dormant, nil),
    ] as [(Grade?, Int?, Int?, Int?, CustomerStatus, String?)])
    func forgotten(grade: Grade?, own: Int?, since: Int?, silent: Int?, status: CustomerStatus, sentence: String?) {
        let c = F.customer(1, grade: grade, status: status, contacted: since, added: 400, cadence: own, silent: silent)
        let found = ReminderScanner().scan(ReminderInputs(quietCustomers: [c]), today: F.today)
        #expect(found.map(\.detail) == (sentence.map { [$0] } ?? []))
        if let r = found.first {
            #expect(r.rule == .forgotten)
            #expect(r.days == since)
            #expect(r.customer.id == 1)
            #expect(r.followUpID == nil && r.contactID == nil)
        }
    }

    @Test func gradeWithCadenceNoneIsNeverForgottenButOwnCadenceStillCounts() {
        var s = ReminderSettings.defaults
        s.cadence[.b] = 0
        let scanner = ReminderScanner(settings: s)
        let byGrade = F.customer(1, grade: .b, contacted: 400)
        let own = F.customer(2, grade: .b, contacted: 22, cadence: 21)
        let found = scanner.scan(ReminderInputs(quietCustomers: [byGrade, own]), today: F.today)
        #expect(found.map(\.customer.id) == [2])
        #expect(found.first?.detail == "B · 22 days since last contact (own cadence 21)")
    }

    @Test func changedGradeCadenceMovesTheBoundary() {
        var s = ReminderSettings.defaults
        s.cadence[.c] = 45
        let scanner = ReminderScanner(settings: s)
        #expect(scanner.scan(ReminderInputs(quietCustomers: [F.customer(1, grade: .c, contacted: 45)]), today: F.today).isEmpty)
        #expect(scanner.scan(ReminderInputs(quietCustomers: [F.customer(1, grade: .c, contacted: 46)]), today: F.today).map(\.detail)
            == ["C · 46 days since last contact (cadence 45)"])
    }

    // MARK: - 2. Visit (grade A, every 30 days)

    @Test(arguments: [
        // (grade, days since last visit (nil: never), added days ago, status, own cadence, sentence or nil)
        (Grade?.some(.a), Int?.some(29), 400, CustomerStatus.customer, Int?.none, String?.none),
        (.a, 30, 400, .customer, nil, nil),
        (.a, 31, 400, .customer, nil, "A · 31 days since the last visit (visit every 30)"),
        (.a, 45, 400, .customer, nil, "A · 45 days since the last visit (visit every 30)"),
        (.a, 45, 400, .lead, 60, "A · 45 days since the last visit (visit every 30)"),
        (.a, nil, 30, .customer, nil, nil),
        (.a, nil, 31, .customer, nil, "A · never visited, added 31 days ago (visit every 30)"),
        (.a, nil, 40, .customer, nil, "A · never visited, added 40 days ago (visit every 30)"),
        // Only grade A.
        (.b, 100, 400, .customer, nil, nil),
        (.c, nil, 400, .customer, nil, nil),
        (nil, 100, 400, .customer, nil, nil),
        // Only chased customers.
        (.a, 100, 400, .lost, nil, nil),
        (.a, 100, 400, .dormant, nil, nil),
        (.a, 100, 400, .customer, 0, nil),
    ] as [(Grade?, Int?, Int, CustomerStatus, Int?, String?)])
    func visit(grade: Grade?, visited: Int?, added: Int, status: CustomerStatus, own: Int?, sentence: String?) {
        let c = F.customer(1, grade: grade, status: status, contacted: 1, added: added, cadence: own, visited: visited)
        var inputs = ReminderInputs()
        inputs.unvisited = [c]
        let found = ReminderScanner().scan(inputs, today: F.today)
        #expect(found.map(\.detail) == (sentence.map { [$0] } ?? []))
        if let r = found.first {
            #expect(r.rule == .visit)
            #expect(r.days == (visited ?? added))
        }
    }

    @Test func visitRuleIsOffWhenVisitDaysIsZero() {
        var s = ReminderSettings.defaults
        s.visitDays = 0
        var inputs = ReminderInputs()
        inputs.unvisited = [F.customer(1, grade: .a, contacted: 1, visited: 400), F.customer(2, grade: .a, contacted: 1, added: 400)]
        #expect(ReminderScanner(settings: s).scan(inputs, today: F.today).isEmpty)
        // The same input raises both with the default of 30.
        #expect(ReminderScanner().scan(inputs, today: F.today).count == 2)
    }

    // MARK: - 3. Uncontacted (within 7 days)

    @Test(arguments: [
        // (added days ago, days since contact (nil: never), status, own cadence, sentence or nil)
        (0, Int?.none, CustomerStatus.lead, Int?.none, String?.none),
        (7, nil, .lead, nil, nil),
        (8, nil, .lead, nil, "new, never contacted: added 8 days ago (contact within 7)"),
        (40, nil, .customer, nil, "new, never contacted: added 40 days ago (contact within 7)"),
        (40, nil, .prospect, 21, "new, never contacted: added 40 days ago (contact within 7)"),
        // Contacted once: not uncontacted however long ago.
        (40, 35, .lead, nil, nil),
        // Not chased.
        (40, nil, .lost, nil, nil),
        (40, nil, .dormant, nil, nil),
        (40, nil, .lead, 0, nil),
    ] as [(Int, Int?, CustomerStatus, Int?, String?)])
    func uncontacted(added: Int, contacted: Int?, status: CustomerStatus, own: Int?, sentence: String?) {
        let c = F.customer(1, grade: .b, status: status, contacted: contacted, added: added, cadence: own)
        var inputs = ReminderInputs()
        inputs.uncontacted = [c]
        let found = ReminderScanner().scan(inputs, today: F.today)
        #expect(found.map(\.detail) == (sentence.map { [$0] } ?? []))
        if let r = found.first {
            #expect(r.rule == .uncontacted)
            #expect(r.days == added)
        }
    }

    @Test func uncontactedFollowsTheSetting() {
        var s = ReminderSettings.defaults
        s.uncontactedDays = 3
        var inputs = ReminderInputs()
        inputs.uncontacted = [F.customer(1, grade: nil, added: 3), F.customer(2, grade: nil, added: 4)]
        let found = ReminderScanner(settings: s).scan(inputs, today: F.today)
        #expect(found.map(\.detail) == ["new, never contacted: added 4 days ago (contact within 3)"])
    }

    @Test(arguments: [
        (1, "new, never contacted: added 1 day ago (contact within 7)"),
        (2, "new, never contacted: added 2 days ago (contact within 7)"),
    ])
    func uncontactedSentenceSingular(days: Int, text: String) {
        let r = Reminder(customer: F.customer(1, grade: nil), days: days, terms: UrgencyTerms(), reason: .uncontacted(within: 7))
        #expect(r.detail == text)
    }

    // MARK: - 4. Silent (30 days after the last attempt)

    @Test(arguments: [
        // (grade, silent since days ago (nil: not silent), status, sentence or nil)
        (Grade?.some(.a), Int?.some(0), CustomerStatus.customer, String?.none),
        (.a, 29, .customer, nil),
        (.a, 30, .customer, "silent: the last 2 attempts went unanswered, the last 30 days ago — a light touch"),
        (nil, 75, .lead, "silent: the last 2 attempts went unanswered, the last 75 days ago — a light touch"),
        (.b, nil, .customer, nil),
        (.a, 40, .lost, nil),
        (.a, 40, .dormant, nil),
    ] as [(Grade?, Int?, CustomerStatus, String?)])
    func silent(grade: Grade?, silent: Int?, status: CustomerStatus, sentence: String?) {
        let c = F.customer(1, grade: grade, status: status, contacted: 90, silent: silent)
        var inputs = ReminderInputs()
        inputs.silent = [c]
        let found = ReminderScanner().scan(inputs, today: F.today)
        #expect(found.map(\.detail) == (sentence.map { [$0] } ?? []))
        if let r = found.first {
            #expect(r.rule == .silent)
            #expect(r.days == silent)
        }
    }

    @Test func silentOwnCadenceNoneIsNotChased() {
        var inputs = ReminderInputs()
        inputs.silent = [F.customer(1, grade: .a, contacted: 90, cadence: 0, silent: 60)]
        #expect(ReminderScanner().scan(inputs, today: F.today).isEmpty)
    }

    @Test func silentSentenceNamesTheAttemptsSetting() {
        var s = ReminderSettings.defaults
        s.silentAttempts = 3
        s.silentDays = 10
        var inputs = ReminderInputs()
        inputs.silent = [F.customer(1, grade: .c, contacted: 20, silent: 9), F.customer(2, grade: .c, contacted: 20, silent: 10)]
        let found = ReminderScanner(settings: s).scan(inputs, today: F.today)
        #expect(found.map(\.customer.id) == [2])
        #expect(found.first?.detail == "silent: the last 3 attempts went unanswered, the last 10 days ago — a light touch")
    }

    @Test(arguments: [
        // grade term halved, plus the silent weight 1
        (Grade?.some(.a), 1.5, 2.5),
        (.b, 1.0, 2.0),
        (.c, 0.5, 1.5),
        (nil, 0.0, 1.0),
    ] as [(Grade?, Double, Double)])
    func silentUrgency(grade: Grade?, gradeTerm: Double, total: Double) throws {
        var inputs = ReminderInputs()
        inputs.silent = [F.customer(1, grade: grade, contacted: 90, silent: 45)]
        let r = try #require(ReminderScanner().scan(inputs, today: F.today).first)
        #expect(F.close(r.terms.grade, gradeTerm))
        #expect(F.close(r.terms.rule, 1.0))
        #expect(r.terms.cadence == 0 && r.terms.due == 0 && r.terms.birthday == 0)
        #expect(F.close(r.urgency, total))
    }
}
