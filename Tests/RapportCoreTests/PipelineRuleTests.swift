import Testing
@testable import RapportCore

/// The pipeline's reminder rules at their boundaries: stuck deals, deals past their close
/// date, instalments due (回款) and contracts up for renewal. Today is Monday 2026-11-23.
/// Urgency terms are worked out by hand: the payment curve is 1 − (clamp(days until due,
/// −7, 14) + 7) / 21 × 0.8, the renewal nearness 1 − days / (window + 1).
struct PipelineRuleTests {
    typealias F = RuleFixtures

    static func yuan(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .yuan) }

    static func deal(_ id: Int64, customer: Int64 = 1, grade: Grade? = .b, stage: Stage = .needs, idle: Int = 1,
                     closeIn: Int? = nil, amount: Money = yuan(12_000_000)) -> DealSummary {
        DealSummary(id: id, customer: F.customer(customer, grade: grade, contacted: 1), title: "ERP rollout", stage: stage,
                    amount: amount, expectedClose: closeIn.map { F.today.adding(days: $0) }, lastActivityOn: F.today.adding(days: -idle))
    }

    static func instalment(_ id: Int64, dueIn: Int, remaining: Int64 = 1_000_000, deal: Int64? = 5, contract: Int64 = 7,
                           grade: Grade? = .b) -> InstalmentDue {
        InstalmentDue(id: id, contractID: contract, contractNumber: "2026-001", dealID: deal, position: 2,
                      dueOn: F.today.adding(days: dueIn), remaining: yuan(remaining), customer: F.customer(1, grade: grade, contacted: 1))
    }

    static func ending(_ id: Int64, endsIn: Int, deal: Int64? = 5, grade: Grade? = .b) -> ContractEnding {
        ContractEnding(id: id, number: "HT-0451", dealID: deal, endsOn: F.today.adding(days: endsIn),
                       customer: F.customer(1, grade: grade, contacted: 1))
    }

    static func scan(_ fill: (inout ReminderInputs) -> Void, settings: ReminderSettings = .defaults) -> [Reminder] {
        var inputs = ReminderInputs()
        fill(&inputs)
        return ReminderScanner(settings: settings).scan(inputs, today: F.today)
    }

    // MARK: - Stuck deals (more than 21 days with nothing done)

    @Test(arguments: [
        // (stage, days idle, grade, sentence or nil, grade term)
        (Stage.needs, 21, Grade?.some(.b), String?.none, 0.0),
        (.needs, 22, .b, "in needs, nothing done for 22 days: ERP rollout (120,000.00 CNY)", 2),
        (.lead, 100, .a, "in lead, nothing done for 100 days: ERP rollout (120,000.00 CNY)", 3),
        (.qualified, 30, .c, "in qualified, nothing done for 30 days: ERP rollout (120,000.00 CNY)", 1),
        (.proposal, 22, nil, "in proposal, nothing done for 22 days: ERP rollout (120,000.00 CNY)", 0),
        (.closing, 23, .b, "in closing, nothing done for 23 days: ERP rollout (120,000.00 CNY)", 2),
        (.needs, 0, .b, nil, 0),
        // Closed deals are never stuck.
        (.won, 100, .b, nil, 0),
        (.paid, 100, .b, nil, 0),
        (.lost, 100, .b, nil, 0),
    ] as [(Stage, Int, Grade?, String?, Double)])
    func stuck(stage: Stage, idle: Int, grade: Grade?, sentence: String?, gradeTerm: Double) {
        let found = Self.scan { $0.stuckDeals = [Self.deal(12, grade: grade, stage: stage, idle: idle)] }
        #expect(found.map(\.detail) == (sentence.map { [$0] } ?? []))
        if let r = found.first {
            #expect(r.rule == .stuck)
            #expect(r.days == idle)
            #expect(r.dealID == 12 && r.contractID == nil && r.instalmentID == nil && r.followUpID == nil)
            #expect(r.customer.id == 1)
            #expect(r.terms == UrgencyTerms(grade: gradeTerm, rule: 2))
            #expect(r.urgency == gradeTerm + 2)
        }
    }

    @Test func stuckFollowsTheSettings() {
        var s = ReminderSettings.defaults
        s.stuckDays = 5
        s.urgency.stuck = 7.5
        let found = Self.scan({ $0.stuckDeals = [Self.deal(1, idle: 5), Self.deal(2, idle: 6)] }, settings: s)
        #expect(found.map(\.dealID) == [2])
        #expect(found.first?.detail == "in needs, nothing done for 6 days: ERP rollout (120,000.00 CNY)")
        #expect(found.first?.urgency == 9.5)    // 2 for grade B + 7.5
    }

    // MARK: - Past the expected close date

    @Test(arguments: [
        // (stage, expected close from today, sentence or nil)
        (Stage.proposal, Int?.some(0), String?.none),
        (.proposal, 5, nil),
        (.proposal, nil, nil),
        (.proposal, -1, "in proposal, expected to close 2026-11-22, 1 day ago: ERP rollout (120,000.00 CNY)"),
        (.closing, -10, "in closing, expected to close 2026-11-13, 10 days ago: ERP rollout (120,000.00 CNY)"),
        (.lead, -31, "in lead, expected to close 2026-10-23, 31 days ago: ERP rollout (120,000.00 CNY)"),
        (.won, -5, nil),
        (.paid, -5, nil),
        (.lost, -5, nil),
    ] as [(Stage, Int?, String?)])
    func closePassed(stage: Stage, closeIn: Int?, sentence: String?) {
        let found = Self.scan { $0.closePassedDeals = [Self.deal(12, grade: .a, stage: stage, closeIn: closeIn)] }
        #expect(found.map(\.detail) == (sentence.map { [$0] } ?? []))
        if let r = found.first, let closeIn {
            #expect(r.rule == .closePassed)
            #expect(r.days == -closeIn)
            #expect(r.dealID == 12 && r.contractID == nil && r.instalmentID == nil)
            #expect(r.terms == UrgencyTerms(grade: 3, rule: 3))    // grade A, urgency.close
        }
    }

    @Test func closePassedNamesTheDealsCurrency() {
        let found = Self.scan {
            $0.closePassedDeals = [Self.deal(3, stage: .closing, closeIn: -2, amount: Money(minorUnits: 150_000, currency: Currency(code: "USD")))]
        }
        #expect(found.map(\.detail) == ["in closing, expected to close 2026-11-21, 2 days ago: ERP rollout (1,500.00 USD)"])
    }

    // MARK: - Instalments due (within 7 days, or overdue)

    @Test(arguments: [
        // (days until due, remaining, sentence or nil, payment term)
        (-30, Int64(1_000_000), String?.some("10,000.00 CNY on 2026-001/2 is 30 days overdue (due 2026-10-24)"), 12.0),  // clamped at −7: 1.0
        (-7, 1_000_000, "10,000.00 CNY on 2026-001/2 is 7 days overdue (due 2026-11-16)", 12),
        (-3, 1_000_000, "10,000.00 CNY on 2026-001/2 is 3 days overdue (due 2026-11-20)", 12.0 * 17.8 / 21),    // 1 − 4/21 × 0.8
        (-1, 1, "0.01 CNY on 2026-001/2 is 1 day overdue (due 2026-11-22)", 12.0 * 16.2 / 21),                  // 1 − 6/21 × 0.8
        (0, 1_000_000, "10,000.00 CNY on 2026-001/2 is due today (2026-11-23)", 8.8),                         // 12 × 15.4/21
        (1, 1_000_000, "10,000.00 CNY on 2026-001/2 is due in 1 day (2026-11-24)", 12.0 * 14.6 / 21),         // 1 − 8/21 × 0.8
        (7, 1_000_000, "10,000.00 CNY on 2026-001/2 is due in 7 days (2026-11-30)", 5.6),                     // 12 × 9.8/21
        (8, 1_000_000, nil, 0),
        (30, 1_000_000, nil, 0),
        // Fully paid: never.
        (-3, 0, nil, 0),
        (0, 0, nil, 0),
    ] as [(Int, Int64, String?, Double)])
    func payment(dueIn: Int, remaining: Int64, sentence: String?, term: Double) {
        let found = Self.scan { $0.instalmentsDue = [Self.instalment(31, dueIn: dueIn, remaining: remaining, grade: .c)] }
        #expect(found.map(\.detail) == (sentence.map { [$0] } ?? []))
        if let r = found.first {
            #expect(r.rule == .payment)
            #expect(r.days == -dueIn)
            #expect(r.dealID == 5 && r.contractID == 7 && r.instalmentID == 31 && r.followUpID == nil)
            #expect(r.terms.grade == 1)
            #expect(F.close(r.terms.payment, term), "\(r.terms.payment) ≠ \(term)")
            #expect(F.close(r.urgency, 1 + term))
            #expect(r.terms.rule == 0 && r.terms.due == 0)
        }
    }

    @Test func paymentOfAContractWithoutADeal() {
        let found = Self.scan { $0.instalmentsDue = [Self.instalment(31, dueIn: -2, deal: nil, contract: 9)] }
        #expect(found.count == 1)
        #expect(found.first?.dealID == nil)
        #expect(found.first?.contractID == 9)
        #expect(found.first?.instalmentID == 31)
    }

    @Test func paymentFollowsTheSettings() {
        var s = ReminderSettings.defaults
        s.paymentDays = 14
        s.urgency.payment = 10
        let found = Self.scan({ $0.instalmentsDue = [Self.instalment(1, dueIn: 14, grade: nil), Self.instalment(2, dueIn: 15, grade: nil)] },
                              settings: s)
        #expect(found.map(\.detail) == ["10,000.00 CNY on 2026-001/2 is due in 14 days (2026-12-07)"])
        #expect(F.close(found.first?.urgency ?? 0, 2))    // 10 × 0.2: the curve's floor two weeks ahead
    }

    // MARK: - Renewals (within 30 days of the end)

    @Test(arguments: [
        // (days until the end, sentence or nil, renewal term)
        (0, String?.some("contract HT-0451 ends today (2026-11-23) — renew?"), 4.0),
        (1, "contract HT-0451 ends in 1 day (2026-11-24) — renew?", 4.0 * 30 / 31),          // 1 − 1/31
        (15, "contract HT-0451 ends in 15 days (2026-12-08) — renew?", 4.0 * 16 / 31),       // 1 − 15/31
        (30, "contract HT-0451 ends in 30 days (2026-12-23) — renew?", 4.0 / 31),            // 1 − 30/31
        (31, nil, 0),
        (-1, nil, 0),                                                                         // already ended
        (-40, nil, 0),
    ] as [(Int, String?, Double)])
    func renewal(endsIn: Int, sentence: String?, term: Double) {
        let found = Self.scan { $0.endingContracts = [Self.ending(7, endsIn: endsIn, grade: .a)] }
        #expect(found.map(\.detail) == (sentence.map { [$0] } ?? []))
        if let r = found.first {
            #expect(r.rule == .renewal)
            #expect(r.days == endsIn)
            #expect(r.dealID == 5 && r.contractID == 7 && r.instalmentID == nil)
            #expect(r.terms.grade == 3)
            #expect(F.close(r.terms.renewal, term), "\(r.terms.renewal) ≠ \(term)")
            #expect(F.close(r.urgency, 3 + term))
        }
    }

    @Test func renewalFollowsTheSettingAndNoneTurnsItOff() {
        var s = ReminderSettings.defaults
        s.renewalDays = 10
        let contracts = [Self.ending(1, endsIn: 10), Self.ending(2, endsIn: 11), Self.ending(3, endsIn: 0)]
        let found = Self.scan({ $0.endingContracts = contracts }, settings: s)
        #expect(found.map(\.contractID) == [3, 1])
        #expect(F.close(found.last?.terms.renewal ?? 0, 4.0 / 11))    // 1 − 10/11
        s.renewalDays = 0
        #expect(Self.scan({ $0.endingContracts = contracts }, settings: s).isEmpty)
        #expect(Settings(stored: ["renewal.days": "none"]).reminders.renewalDays == 0)
    }

    // MARK: - Ordering ties

    @Test func stuckTiesGoByTheLongestWaitThenTheDeal() {
        let found = Self.scan {
            $0.stuckDeals = [Self.deal(4, idle: 25), Self.deal(5, idle: 30), Self.deal(3, idle: 25), Self.deal(9, customer: 2, grade: .a, idle: 22)]
        }
        // Deal 9 is grade A (urgency 5); the others are B (4): 30 days first, then 25 and 25 by deal id.
        #expect(found.map(\.dealID) == [9, 5, 3, 4])
    }

    @Test func closePassedTiesGoByTheLongestWaitThenTheDeal() {
        let found = Self.scan {
            $0.closePassedDeals = [Self.deal(8, closeIn: -3), Self.deal(7, closeIn: -10), Self.deal(6, closeIn: -10)]
        }
        #expect(found.map(\.dealID) == [6, 7, 8])
    }

    @Test func paymentTiesGoByTheLongestOverdueThenTheRecord() {
        // A week or more overdue, every instalment has the full term: 12 + 2 for grade B.
        let found = Self.scan {
            $0.instalmentsDue = [
                Self.instalment(11, dueIn: -10, deal: 8),
                Self.instalment(14, dueIn: -10, deal: nil),     // no deal: the instalment's id, 14
                Self.instalment(12, dueIn: -10, deal: 2),
                Self.instalment(13, dueIn: -20, deal: nil),
            ]
        }
        #expect(found.allSatisfy { $0.urgency == 14 })
        // 20 days first; then 10, 10, 10 by the record: deal 2, deal 8, instalment 14.
        #expect(found.map(\.instalmentID) == [13, 12, 11, 14])
    }

    @Test func renewalTiesGoByTheNearestEndThenTheRecord() {
        let found = Self.scan {
            $0.endingContracts = [Self.ending(3, endsIn: 10, deal: nil), Self.ending(2, endsIn: 10, deal: 9), Self.ending(1, endsIn: 5, deal: nil)]
        }
        // Ending in 5 is more urgent; the two in 10 days by the record: contract 3, then deal 9.
        #expect(found.map(\.contractID) == [1, 3, 2])
    }

    @Test func withAllWeightsZeroTheRulesOrderThenTheDays() {
        var s = ReminderSettings.defaults
        s.urgency = UrgencyCoefficients(due: 0, pastCadence: 0, gradeA: 0, gradeB: 0, gradeC: 0, birthday: 0, silent: 0, stale: 0,
                                        regrade: 0, stuck: 0, closePassed: 0, payment: 0, renewal: 0)
        let found = Self.scan({
            $0.endingContracts = [Self.ending(21, endsIn: 20), Self.ending(22, endsIn: 3, deal: nil)]
            $0.closePassedDeals = [Self.deal(31, closeIn: -2)]
            $0.stuckDeals = [Self.deal(41, idle: 30), Self.deal(42, idle: 50)]
            $0.instalmentsDue = [Self.instalment(51, dueIn: 5), Self.instalment(52, dueIn: -3), Self.instalment(53, dueIn: 1)]
        }, settings: s)
        #expect(found.allSatisfy { $0.urgency == 0 })
        #expect(found.map { "\($0.rule.rawValue) \($0.days)" } == [
            "payment 3", "payment -1", "payment -5",      // overdue first, then the nearest due
            "stuck 50", "stuck 30",                        // the longest idle first
            "close-passed 2",
            "renewal 3", "renewal 20",                     // the nearest end first
        ])
    }

    // MARK: - What the scanner asks the store

    @Test func planAsksForThePipelinesCutoffs() {
        let plan = ReminderScanner().plan(today: F.today)
        #expect(plan.paymentsDueBy == F.day("2026-11-30"))
        #expect(plan.stuckCutoff == F.day("2026-11-02"))
        #expect(plan.renewalBy == F.day("2026-12-23"))
        var s = ReminderSettings.defaults
        s.renewalDays = 0
        s.paymentDays = 1
        s.stuckDays = 60
        let changed = ReminderScanner(settings: s).plan(today: F.today)
        #expect(changed.renewalBy == nil)
        #expect(changed.paymentsDueBy == F.day("2026-11-24"))
        #expect(changed.stuckCutoff == F.day("2026-09-24"))   // 23 back to Oct 31, 31 to Sep 30, 6 more
    }

    @Test func defaultSettings() {
        let s = ReminderSettings.defaults
        #expect(s.stuckDays == 21 && s.paymentDays == 7 && s.renewalDays == 30)
        #expect(s.urgency.stuck == 2 && s.urgency.closePassed == 3 && s.urgency.payment == 12 && s.urgency.renewal == 4)
    }
}
