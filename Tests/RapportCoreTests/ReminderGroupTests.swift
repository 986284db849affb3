import Testing
@testable import RapportCore

/// The today view's groups: each in the order its heading names, and a follow-up two rules
/// raise told once.
struct ReminderGroupTests {
    typealias F = RuleFixtures

    static func followUp(_ id: Int64, customer: CustomerSummary, dueIn: Int, createdDaysAgo: Int? = nil) -> DueFollowUp {
        DueFollowUp(id: id, customer: customer, due: When(day: F.today.adding(days: dueIn)), title: "t\(id)",
                    createdOn: createdDaysAgo.map { F.today.adding(days: -$0) })
    }

    /// An A customer's follow-up in 5 days and a C customer's tomorrow: A is more urgent.
    static let comingUp = ReminderInputs(openFollowUps: [
        followUp(1, customer: F.customer(1, grade: .a, contacted: 1), dueIn: 5),
        followUp(2, customer: F.customer(2, grade: .c, contacted: 1), dueIn: 1),
    ])

    static func label(_ r: Reminder) -> String { "\(r.rule.rawValue) f\(r.followUpID ?? 0)" }

    @Test func comingUpIsListedSoonestFirstThoughUrgencyPutsTheACustomerFirst() throws {
        let report = ReminderScanner().report(Self.comingUp, today: F.today, daysAhead: 7)
        #expect(report.reminders.map(Self.label) == ["upcoming f1", "upcoming f2"])
        let group = try #require(report.groups.first)
        #expect(report.groups.count == 1)
        #expect(group.reminders.map(Self.label) == ["upcoming f2", "upcoming f1"])
        #expect(group.rule.heading(count: "2") == "Coming up (2) · soonest first")
    }

    @Test func aLimitedReportKeepsTheSoonestOfAGroupListedSoonestFirst() {
        let report = ReminderScanner().report(Self.comingUp, today: F.today, limit: 1, daysAhead: 7)
        #expect(report.reminders.map(Self.label) == ["upcoming f2"])
        #expect(report.total(.upcoming) == 2)
    }

    @Test func groupsListedByUrgencySayIt() {
        #expect(ReminderRuleKind.overdue.heading(count: "4") == "Overdue follow-ups (4) · most urgent first")
    }

    /// f7 is 400 days overdue and open 420 days with nothing logged: overdue and stale.
    static let lateAndStale: ReminderInputs = {
        let c = F.customer(1, grade: .b, contacted: 430)
        var inputs = ReminderInputs(openFollowUps: [followUp(7, customer: c, dueIn: -400, createdDaysAgo: 420),
                                                    followUp(8, customer: c, dueIn: -2)])
        inputs.staleFollowUps = [followUp(7, customer: c, dueIn: -400, createdDaysAgo: 420)]
        return inputs
    }()

    @Test func aFollowUpOverdueAndStaleIsOneLineWithBothReasons() throws {
        let report = ReminderScanner().report(Self.lateAndStale, today: F.today)
        #expect(report.total(.stale) == 1)
        let groups = report.groups
        #expect(groups.map(\.rule) == [.overdue])
        let line = try #require(groups.first?.reminders.first { $0.followUpID == 7 })
        #expect(line.rule == .overdue)
        #expect(line.also.map(\.rule) == [.stale])
        #expect(line.detail == "400 days overdue (due 2025-10-19): t7 · open 420 days with nothing logged since — close it?")
        #expect(groups.first?.reminders.count == 2)
        #expect(report.tallies { String($0) } == ["2 overdue"])
    }

    @Test func aStaleFollowUpWhoseOverdueLineIsNotLoadedKeepsItsOwnGroup() {
        var inputs = Self.lateAndStale
        inputs.openFollowUps.removeFirst()
        let report = ReminderScanner().report(inputs, today: F.today)
        #expect(report.groups.map(\.rule) == [.overdue, .stale])
        #expect(report.tallies { String($0) } == ["1 overdue", "1 stale"])
    }
}
