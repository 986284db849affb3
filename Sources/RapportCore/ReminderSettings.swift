/// The numbers behind the reminders: cadences, windows and urgency weights. Every one is a
/// setting the seller can change (`rapport config set cadence.A 10`), declared by the rule it
/// shapes; the defaults, from the process guides, are the values below.
public struct ReminderSettings: Hashable, Sendable {
    /// Days a customer of each grade may go without contact (`nil` key: ungraded); 0 never chases.
    public var cadence: [Grade?: Int] = [.a: 14, .b: 14, .c: 30, nil: 60]
    /// Grade A customers also need a visit or meeting this often (0: no visit rule).
    public var visitDays = 30
    /// A new customer is to be contacted within this many days of being added.
    public var uncontactedDays = 7
    /// This many failed attempts in a row make a customer silent…
    public var silentAttempts = 2
    /// …who gets a light-touch reminder this many days after the last attempt.
    public var silentDays = 30
    /// Birthdays this many days ahead are shown.
    public var birthdayDays = 7
    /// A follow-up open this long with nothing logged since is offered for closing.
    public var staleDays = 90
    /// The grade review looks back this many days (a quarter)…
    public var reviewWindowDays = 90
    /// …and suggests a better grade for a C with at least this many interactions in it…
    public var reviewInteractions = 3
    /// …and a lower one for an A with no contact for this many days.
    public var reviewQuietDays = 90
    /// The review runs by itself on the first this-many days of each quarter.
    public var reviewFirstDays = 7
    /// An open deal with nothing done on it (no move, edit or contact) for more than this
    /// many days is stuck.
    public var stuckDays = 21
    /// Instalments due within this many days are shown (overdue ones always are).
    public var paymentDays = 7
    /// Contracts ending within this many days are up for renewal (0: no renewal rule).
    public var renewalDays = 30
    public var urgency = UrgencyCoefficients.defaults

    /// The process guides' defaults.
    public static let defaults = ReminderSettings()

    public init() {}

    /// The cadence for a grade, in days; 0 when the grade is never chased.
    public func cadence(for grade: Grade?) -> Int {
        cadence[grade] ?? ReminderSettings.defaults.cadence[grade] ?? 60
    }

    /// A customer's cadence: their own when set, else their grade's; 0 never chases.
    public func cadence(for customer: CustomerSummary) -> Int {
        customer.cadenceDays ?? cadence(for: customer.grade)
    }
}

/// Weights of the urgency score, in the spirit of taskwarrior's urgency coefficients.
public struct UrgencyCoefficients: Hashable, Sendable {
    /// Weight of a follow-up's due date: full when a week overdue, about 0.73 of it on the day.
    public var due = 12.0
    /// Weight of time past a cadence: full at twice the cadence overdue.
    public var pastCadence = 8.0
    /// Added for grades A, B and C.
    public var gradeA = 3.0
    public var gradeB = 2.0
    public var gradeC = 1.0
    /// Weight of a birthday: full on the day, falling to nothing at the window's end.
    public var birthday = 4.0
    /// The light touch for a silent customer, a stale follow-up, a grade review.
    public var silent = 1.0
    public var stale = 2.0
    public var regrade = 1.0
    /// A stuck deal, and an open deal past its expected close date.
    public var stuck = 2.0
    public var closePassed = 3.0
    /// Weight of an instalment's due date, on the follow-ups' curve: money first.
    public var payment = 12.0
    /// Weight of a contract's end: full on the day, falling to nothing at the window's start.
    public var renewal = 4.0

    public static let defaults = UrgencyCoefficients()

    public init() {}

    /// The five weights every rule's score starts from; the rules' own weights keep their
    /// defaults unless given.
    public init(due: Double, pastCadence: Double, gradeA: Double, gradeB: Double, gradeC: Double,
                birthday: Double = defaults.birthday, silent: Double = defaults.silent, stale: Double = defaults.stale,
                regrade: Double = defaults.regrade, stuck: Double = defaults.stuck, closePassed: Double = defaults.closePassed,
                payment: Double = defaults.payment, renewal: Double = defaults.renewal) {
        self.due = due
        self.pastCadence = pastCadence
        self.gradeA = gradeA
        self.gradeB = gradeB
        self.gradeC = gradeC
        self.birthday = birthday
        self.silent = silent
        self.stale = stale
        self.regrade = regrade
        self.stuck = stuck
        self.closePassed = closePassed
        self.payment = payment
        self.renewal = renewal
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
        due * Self.dueCurve(daysUntilDue)
    }

    private static func dueCurve(_ daysUntilDue: Int) -> Double {
        let clamped = Double(min(max(daysUntilDue, -7), 14))
        return 1.0 - (clamped + 7) / 21 * 0.8
    }

    /// The cadence term: how far past the cadence, relative to it, capped at twice the cadence.
    public func cadenceTerm(daysSince: Int, cadence: Int) -> Double {
        guard cadence > 0, daysSince > cadence else { return 0 }
        let ratio = min(Double(daysSince - cadence) / Double(cadence), 1.0)
        return pastCadence * (0.25 + 0.75 * ratio)
    }

    /// The birthday term: full on the day, nothing past the window.
    public func birthdayTerm(daysUntil: Int, window: Int) -> Double {
        Self.nearness(daysUntil: daysUntil, window: window) * birthday
    }

    /// The renewal term: full on the day the contract ends, nothing past the window.
    public func renewalTerm(daysUntil: Int, window: Int) -> Double {
        Self.nearness(daysUntil: daysUntil, window: window) * renewal
    }

    /// The instalment term: the follow-ups' due curve with the payment weight.
    public func paymentTerm(daysUntilDue: Int) -> Double {
        payment * Self.dueCurve(daysUntilDue)
    }

    /// 1 on the day, falling linearly to just above 0 at the window's end, 0 beyond it.
    private static func nearness(daysUntil: Int, window: Int) -> Double {
        guard window > 0, daysUntil <= window else { return 0 }
        return 1 - Double(max(0, daysUntil)) / Double(window + 1)
    }
}
