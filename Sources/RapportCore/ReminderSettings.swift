/// The numbers behind the reminders: cadences, windows and urgency weights. Every one is a
/// setting the seller can change (`rapport config set cadence.A 10`); the defaults come
/// from the process guides.
public struct ReminderSettings: Hashable, Sendable {
    /// Days a customer of each grade may go without contact (`nil` key: ungraded); 0 never chases.
    public var cadence: [Grade?: Int]
    /// Grade A customers also need a visit or meeting this often (0: no visit rule).
    public var visitDays: Int
    /// A new customer is to be contacted within this many days of being added.
    public var uncontactedDays: Int
    /// This many failed attempts in a row make a customer silent…
    public var silentAttempts: Int
    /// …who gets a light-touch reminder this many days after the last attempt.
    public var silentDays: Int
    /// Birthdays this many days ahead are shown.
    public var birthdayDays: Int
    /// A follow-up open this long with nothing logged since is offered for closing.
    public var staleDays: Int
    /// The grade review looks back this many days…
    public var reviewWindowDays: Int
    /// …and suggests a better grade for a C with at least this many interactions in it…
    public var reviewInteractions: Int
    /// …and a lower one for an A with no contact for this many days.
    public var reviewQuietDays: Int
    /// The review runs by itself on the first this-many days of each quarter.
    public var reviewFirstDays: Int
    /// An open deal with nothing done on it (no move, edit or contact) for more than this
    /// many days is stuck.
    public var stuckDays: Int
    /// Instalments due within this many days are shown (overdue ones always are).
    public var paymentDays: Int
    /// Contracts ending within this many days are up for renewal (0: no renewal rule).
    public var renewalDays: Int
    public var urgency: UrgencyCoefficients

    /// The process guides' defaults: A and B every 14 days, C every 30, ungraded every 60;
    /// A visited monthly; new customers contacted within a week; two failed attempts make a
    /// customer silent, re-tried after 30 days; birthdays a week ahead; follow-ups stale
    /// after 90 days; the grade review over the last quarter; deals stuck after three weeks;
    /// instalments a week ahead; renewals a month ahead.
    public static let defaults = ReminderSettings(
        cadence: [.a: 14, .b: 14, .c: 30, nil: 60], visitDays: 30, uncontactedDays: 7, silentAttempts: 2,
        silentDays: 30, birthdayDays: 7, staleDays: 90, reviewWindowDays: 90, reviewInteractions: 3,
        reviewQuietDays: 90, reviewFirstDays: 7, urgency: .defaults
    )

    public init(cadence: [Grade?: Int], visitDays: Int, uncontactedDays: Int, silentAttempts: Int, silentDays: Int,
                birthdayDays: Int, staleDays: Int, reviewWindowDays: Int, reviewInteractions: Int, reviewQuietDays: Int,
                reviewFirstDays: Int, stuckDays: Int = 21, paymentDays: Int = 7, renewalDays: Int = 30,
                urgency: UrgencyCoefficients) {
        self.cadence = cadence
        self.visitDays = visitDays
        self.uncontactedDays = uncontactedDays
        self.silentAttempts = silentAttempts
        self.silentDays = silentDays
        self.birthdayDays = birthdayDays
        self.staleDays = staleDays
        self.reviewWindowDays = reviewWindowDays
        self.reviewInteractions = reviewInteractions
        self.reviewQuietDays = reviewQuietDays
        self.reviewFirstDays = reviewFirstDays
        self.stuckDays = stuckDays
        self.paymentDays = paymentDays
        self.renewalDays = renewalDays
        self.urgency = urgency
    }

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
    public var due: Double
    /// Weight of time past a cadence: full at twice the cadence overdue.
    public var pastCadence: Double
    /// Added for grades A, B and C.
    public var gradeA: Double
    public var gradeB: Double
    public var gradeC: Double
    /// Weight of a birthday: full on the day, falling to nothing at the window's end.
    public var birthday: Double
    /// The light touch for a silent customer, a stale follow-up, a grade review.
    public var silent: Double
    public var stale: Double
    public var regrade: Double
    /// A stuck deal, and an open deal past its expected close date.
    public var stuck: Double
    public var closePassed: Double
    /// Weight of an instalment's due date, on the follow-ups' curve: money first.
    public var payment: Double
    /// Weight of a contract's end: full on the day, falling to nothing at the window's start.
    public var renewal: Double

    public static let defaults = UrgencyCoefficients(due: 12, pastCadence: 8, gradeA: 3, gradeB: 2, gradeC: 1,
                                                     birthday: 4, silent: 1, stale: 2, regrade: 1)

    public init(due: Double, pastCadence: Double, gradeA: Double, gradeB: Double, gradeC: Double,
                birthday: Double = 4, silent: Double = 1, stale: Double = 2, regrade: Double = 1,
                stuck: Double = 2, closePassed: Double = 3, payment: Double = 12, renewal: Double = 4) {
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
