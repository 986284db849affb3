/// The numbers behind the reminders: how often each grade is to be contacted.
public struct ReminderSettings: Hashable, Sendable {
    /// Days a customer of each grade may go without contact; `nil` key is the ungraded.
    public var cadence: [Grade?: Int]
    public var urgency: UrgencyCoefficients

    /// The process guides' defaults: A and B every 14 days, C every 30, ungraded every 60.
    public static let defaults = ReminderSettings(
        cadence: [.a: 14, .b: 14, .c: 30, nil: 60],
        urgency: .defaults
    )

    public init(cadence: [Grade?: Int], urgency: UrgencyCoefficients) {
        self.cadence = cadence
        self.urgency = urgency
    }

    /// The cadence for a grade.
    public func cadence(for grade: Grade?) -> Int {
        cadence[grade] ?? ReminderSettings.defaults.cadence[grade] ?? 60
    }
}

/// Weights of the urgency score, in the spirit of taskwarrior's urgency coefficients.
public struct UrgencyCoefficients: Hashable, Sendable {
    /// Weight of a follow-up's due date: full when a week overdue, about 0.73 of it on the day.
    public var due: Double
    /// Weight of time past the cadence: full at twice the cadence overdue.
    public var pastCadence: Double
    /// Added for grades A, B and C.
    public var gradeA: Double
    public var gradeB: Double
    public var gradeC: Double

    public static let defaults = UrgencyCoefficients(due: 12, pastCadence: 8, gradeA: 3, gradeB: 2, gradeC: 1)

    public init(due: Double, pastCadence: Double, gradeA: Double, gradeB: Double, gradeC: Double) {
        self.due = due
        self.pastCadence = pastCadence
        self.gradeA = gradeA
        self.gradeB = gradeB
        self.gradeC = gradeC
    }

    /// The grade's term.
    public func grade(_ grade: Grade?) -> Double {
        switch grade {
        case .a: gradeA
        case .b: gradeB
        case .c: gradeC
        case nil: 0
        }
    }

    /// The due-date term for a follow-up due `daysUntilDue` from today (negative when overdue):
    /// 1.0 from a week overdue, falling linearly to 0.2 at two weeks ahead, as taskwarrior's.
    public func dueTerm(daysUntilDue: Int) -> Double {
        let clamped = Double(min(max(daysUntilDue, -7), 14))
        return due * (1.0 - (clamped + 7) / 21 * 0.8)
    }

    /// The cadence term: how far past the cadence, relative to it, capped at twice the cadence.
    public func cadenceTerm(daysSince: Int, cadence: Int) -> Double {
        guard cadence > 0, daysSince > cadence else { return 0 }
        let ratio = min(Double(daysSince - cadence) / Double(cadence), 1.0)
        return pastCadence * (0.25 + 0.75 * ratio)
    }
}
