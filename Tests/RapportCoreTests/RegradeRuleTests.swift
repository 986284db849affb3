import Testing
@testable import RapportCore

/// Rule 7: the grade review — a busy C with an opportunity, a quiet A.
struct RegradeRuleTests {
    typealias F = RuleFixtures

    @Test(arguments: [
        // (grade, status, interactions, opportunity, days since contact (nil: never), added days ago, sentence or nil)
        (Grade?.some(.c), CustomerStatus.customer, 3, true, Int?.some(5), 400,
         String?.some("C → B suggested: 3 interactions in 90 days and an open opportunity")),
        (.c, .prospect, 7, true, 1, 400, "C → B suggested: 7 interactions in 90 days and an open opportunity"),
        (.c, .customer, 2, true, 5, 400, nil),
        (.c, .customer, 3, false, 5, 400, nil),
        (.c, .customer, 10, false, 5, 400, nil),
        // A quiet for 90 days or more.
        (.a, .customer, 0, false, 120, 400, "A → B suggested: no contact in 120 days"),
        (.a, .customer, 5, true, 90, 400, "A → B suggested: no contact in 90 days"),
        (.a, .customer, 0, false, 89, 400, nil),
        (.a, .lead, 0, false, nil, 120, "A → B suggested: never contacted in 120 days"),
        (.a, .lead, 0, false, nil, 89, nil),
        // B and ungraded never.
        (.b, .customer, 10, true, 200, 400, nil),
        (nil, .customer, 10, true, 200, 400, nil),
        // Lost and dormant never.
        (.c, .lost, 5, true, 5, 400, nil),
        (.c, .dormant, 5, true, 5, 400, nil),
        (.a, .lost, 0, false, 200, 400, nil),
        (.a, .dormant, 0, false, 200, 400, nil),
    ] as [(Grade?, CustomerStatus, Int, Bool, Int?, Int, String?)])
    func regrade(grade: Grade?, status: CustomerStatus, interactions: Int, opportunity: Bool, since: Int?, added: Int, sentence: String?) {
        var inputs = ReminderInputs()
        inputs.regradeCandidates = [RegradeCandidate(
            customer: F.customer(1, grade: grade, status: status, contacted: since, added: added),
            interactions: interactions, hasOpportunity: opportunity)]
        let found = ReminderScanner().scan(inputs, today: F.today)
        #expect(found.map(\.detail) == (sentence.map { [$0] } ?? []))
        #expect(found.allSatisfy { $0.rule == .regrade && $0.customer.id == 1 })
    }

    @Test func reviewSettingsChangeTheThresholdsAndTheSentence() {
        var s = ReminderSettings.defaults
        s.reviewInteractions = 5
        s.reviewWindowDays = 60
        s.reviewQuietDays = 30
        var inputs = ReminderInputs()
        inputs.regradeCandidates = [
            RegradeCandidate(customer: F.customer(1, grade: .c, contacted: 2), interactions: 4, hasOpportunity: true),
            RegradeCandidate(customer: F.customer(2, grade: .c, contacted: 2), interactions: 5, hasOpportunity: true),
            RegradeCandidate(customer: F.customer(3, grade: .a, contacted: 29), interactions: 0, hasOpportunity: false),
            RegradeCandidate(customer: F.customer(4, grade: .a, contacted: 30), interactions: 0, hasOpportunity: false),
        ]
        let found = ReminderScanner(settings: s).scan(inputs, today: F.today)
        let byCustomer = Dictionary(uniqueKeysWithValues: found.map { ($0.customer.id, $0.detail) })
        #expect(byCustomer == [2: "C → B suggested: 5 interactions in 60 days and an open opportunity",
                               4: "A → B suggested: no contact in 30 days"])
    }

    @Test(arguments: [
        ("2026-10-01", true),
        ("2026-10-07", true),
        ("2026-10-08", false),
        ("2027-01-01", true),
        ("2027-01-07", true),
        ("2027-04-03", true),
        ("2027-07-07", true),
        ("2027-07-08", false),
        ("2026-11-01", false),
        ("2026-12-31", false),
        ("2027-02-01", false),
        ("2027-03-05", false),
        ("2026-11-23", false),
    ])
    func isReviewTime(day: String, expected: Bool) {
        #expect(RegradeRule.isReviewTime(F.day(day), firstDays: 7) == expected)
    }

    @Test func isReviewTimeFollowsFirstDays() {
        #expect(RegradeRule.isReviewTime(F.day("2026-10-10"), firstDays: 10))
        #expect(!RegradeRule.isReviewTime(F.day("2026-10-11"), firstDays: 10))
        #expect(RegradeRule.isReviewTime(F.day("2026-10-01"), firstDays: 1))
        #expect(!RegradeRule.isReviewTime(F.day("2026-10-02"), firstDays: 1))
    }
}
