import Testing
@testable import RapportCore

/// Rule 9: the questions the scanner asks the store. Today is Monday 2026-11-23; the dates
/// below are counted back on a calendar (November 23 days, October 31, September 30, August 31).
struct ReminderPlanTests {
    typealias F = RuleFixtures

    static func cutoffs(_ plan: ScanPlan) -> [String: String] {
        Dictionary(uniqueKeysWithValues: plan.contactCutoffs.map { ($0.grade?.rawValue ?? "ungraded", $0.before.iso) })
    }

    @Test func defaultPlanForMonday20261123() {
        let plan = ReminderScanner().plan(today: F.today)
        #expect(plan.today == F.today)
        #expect(plan.followUpsDueBy.iso == "2026-11-23")
        #expect(Self.cutoffs(plan) == ["A": "2026-11-09", "B": "2026-11-09", "C": "2026-10-24", "ungraded": "2026-09-24"])
        #expect(plan.contactCutoffs.count == 4)
        #expect(plan.visitCutoff?.iso == "2026-10-24")
        #expect(plan.uncontactedCutoff.iso == "2026-11-16")
        #expect(plan.silentCutoff.iso == "2026-10-25")
        #expect(plan.staleCutoff.iso == "2026-08-26")
        #expect(plan.review == nil)
        #expect(plan.limit == nil)
        #expect(plan.birthdayMonthDays == ["11-23", "11-24", "11-25", "11-26", "11-27", "11-28", "11-29", "11-30"])
        #expect(plan.settings == .defaults)
    }

    @Test func gradeWithCadenceNoneHasNoCutoff() {
        var s = ReminderSettings.defaults
        s.cadence[.b] = 0
        s.cadence[nil] = 0
        let plan = ReminderScanner(settings: s).plan(today: F.today)
        #expect(Self.cutoffs(plan) == ["A": "2026-11-09", "C": "2026-10-24"])
    }

    @Test func visitCutoffIsNilWhenVisitDaysIsZero() {
        var s = ReminderSettings.defaults
        s.visitDays = 0
        #expect(ReminderScanner(settings: s).plan(today: F.today).visitCutoff == nil)
    }

    @Test func cutoffsFollowTheSettings() {
        var s = ReminderSettings.defaults
        s.cadence[.a] = 7           // 2026-11-16
        s.visitDays = 60            // 2026-09-24
        s.uncontactedDays = 3       // 2026-11-20
        s.silentDays = 10           // today − 10 + 1 = 2026-11-14
        s.staleDays = 30            // today − 30 + 1 = 2026-10-25
        let plan = ReminderScanner(settings: s).plan(today: F.today)
        #expect(Self.cutoffs(plan)["A"] == "2026-11-16")
        #expect(plan.visitCutoff?.iso == "2026-09-24")
        #expect(plan.uncontactedCutoff.iso == "2026-11-20")
        #expect(plan.silentCutoff.iso == "2026-11-14")
        #expect(plan.staleCutoff.iso == "2026-10-25")
    }

    @Test(arguments: [(0, "2026-11-23"), (1, "2026-11-24"), (3, "2026-11-26"), (14, "2026-12-07"), (40, "2027-01-02")])
    func followUpsDueBy(daysAhead: Int, expected: String) {
        #expect(ReminderScanner().plan(today: F.today, daysAhead: daysAhead).followUpsDueBy.iso == expected)
    }

    @Test func limitIsPassedOn() {
        #expect(ReminderScanner().plan(today: F.today, limit: 25).limit == 25)
    }

    @Test func reviewOnlyWhenAskedOrAtTheStartOfAQuarter() throws {
        let scanner = ReminderScanner()
        #expect(scanner.plan(today: F.today).review == nil)
        #expect(scanner.plan(today: F.day("2026-10-08")).review == nil)
        #expect(scanner.plan(today: F.day("2026-10-07")).review != nil)

        let asked = try #require(scanner.plan(today: F.today, review: true).review)
        #expect(asked.minInteractions == 3)
        // An A with 90 days or more since contact is a candidate: last contact on 2026-08-25
        // (90 days) or earlier, so before 2026-08-26.
        #expect(asked.quietCutoff.iso == "2026-08-26")

        let quarter = try #require(scanner.plan(today: F.day("2027-01-03")).review)
        #expect(quarter.minInteractions == 3)
        // 90 days before 2027-01-03 is 2026-10-05 (3 in January, 31 in December, 30 in November, 26 in October).
        #expect(quarter.quietCutoff.iso == "2026-10-06")
    }

    @Test(arguments: [
        ("2026-12-28", ["12-28", "12-29", "12-30", "12-31", "01-01", "01-02", "01-03", "01-04"]),
        ("2027-02-25", ["02-25", "02-26", "02-27", "02-28", "02-29", "03-01", "03-02", "03-03", "03-04"]),
        ("2028-02-25", ["02-25", "02-26", "02-27", "02-28", "02-29", "03-01", "03-02", "03-03"]),
    ])
    func birthdayMonthDays(today: String, expected: [String]) {
        #expect(ReminderScanner().plan(today: F.day(today)).birthdayMonthDays == expected)
    }
}
