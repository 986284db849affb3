@testable import RapportCore

/// Small builders for the reminder-rule tests. Days are given as "so many days before today",
/// and expected dates in the tests are written out by hand from a calendar.
enum RuleFixtures {
    /// Monday 2026-11-23.
    static let today = Day(year: 2026, month: 11, day: 23)!

    static func day(_ iso: String) -> Day {
        guard let d = Day(iso: iso) else { preconditionFailure("bad test day \(iso)") }
        return d
    }

    /// A customer summary; `contacted`, `visited`, `silent` and `added` are days before `today`.
    static func customer(
        _ id: Int64, grade: Grade?, status: CustomerStatus = .customer,
        contacted: Int? = nil, added: Int = 400, cadence: Int? = nil,
        visited: Int? = nil, silent: Int? = nil, today: Day = RuleFixtures.today
    ) -> CustomerSummary {
        CustomerSummary(
            id: id, name: "C\(id)", company: nil, grade: grade, status: status,
            addedOn: today.adding(days: -added),
            lastContactOn: contacted.map { today.adding(days: -$0) },
            cadenceDays: cadence,
            lastVisitOn: visited.map { today.adding(days: -$0) },
            silentSince: silent.map { today.adding(days: -$0) }
        )
    }

    /// Settings with every urgency weight at zero, so only the tie-breaks order a scan.
    static var flat: ReminderSettings {
        var s = ReminderSettings.defaults
        s.urgency = UrgencyCoefficients(due: 0, pastCadence: 0, gradeA: 0, gradeB: 0, gradeC: 0,
                                        birthday: 0, silent: 0, stale: 0, regrade: 0)
        return s
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }
}
