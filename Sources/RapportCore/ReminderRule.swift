/// One way a customer falls through the cracks. A rule is one small type in its own
/// file (`ReminderRule+Forgotten.swift`), registered in `ReminderRules.all`.
public protocol ReminderRule: Sendable {
    var kind: ReminderRuleKind { get }
    /// The reminders this rule raises from what the store handed the scanner.
    func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder]
}

/// The rules the scanner runs, in the today view's order.
public enum ReminderRules {
    public static let all: [any ReminderRule] = [
        OverdueFollowUpRule(),
        DueTodayRule(),
        PaymentDueRule(),
        ForgottenCustomerRule(),
        VisitRule(),
        UncontactedRule(),
        SilentCustomerRule(),
        StuckDealRule(),
        ClosePassedRule(),
        RenewalRule(),
        BirthdayRule(),
        StaleFollowUpRule(),
        RegradeRule(),
        UpcomingFollowUpRule(),
    ]
}

/// Today and the settings, as every rule sees them.
public struct ScanContext: Sendable {
    public var today: Day
    public var settings: ReminderSettings
    /// How many days past today the view looks for follow-ups coming due (`--days N`).
    public var daysAhead: Int

    public init(today: Day, settings: ReminderSettings, daysAhead: Int = 0) {
        self.today = today
        self.settings = settings
        self.daysAhead = daysAhead
    }

    var urgency: UrgencyCoefficients { settings.urgency }
}

/// What the store reads for the scanner through indexed queries; never every interaction.
public struct ReminderInputs: Sendable {
    /// Open follow-ups due on or before the plan's horizon (today, or today + the days ahead).
    public var openFollowUps: [DueFollowUp] = []
    /// Chased, contacted, not silent customers whose last contact is past their cadence
    /// (their grade's cutoff, or their own cadence).
    public var quietCustomers: [CustomerSummary] = []
    /// Grade A customers whose last visit (or, never visited, the day added) is before the cutoff.
    public var unvisited: [CustomerSummary] = []
    /// Never-contacted customers added before the cutoff.
    public var uncontacted: [CustomerSummary] = []
    /// Silent customers whose last attempt is before the cutoff.
    public var silent: [CustomerSummary] = []
    /// Birthdays in the window, the customers' and their contact persons'.
    public var birthdays: [BirthdayEntry] = []
    /// Open follow-ups made before the cutoff with nothing logged on the customer since.
    public var staleFollowUps: [DueFollowUp] = []
    /// Customers the grade review looks at (only when the plan asks for a review).
    public var regradeCandidates: [RegradeCandidate] = []
    /// Instalments with money owed, due on or before the plan's payment horizon.
    public var instalmentsDue: [InstalmentDue] = []
    /// Open deals with nothing done on them since before the stuck cutoff.
    public var stuckDeals: [DealSummary] = []
    /// Open deals whose expected close date is before today.
    public var closePassedDeals: [DealSummary] = []
    /// Contracts ending in the renewal window whose customer has no deal begun since it opened.
    public var endingContracts: [ContractEnding] = []
    /// When the plan has a limit, how many reminders each rule has in all (the store counts
    /// them by index; the rows above are only the candidates for the top of each group).
    public var totals: [ReminderRuleKind: Int] = [:]

    public init(openFollowUps: [DueFollowUp] = [], quietCustomers: [CustomerSummary] = [], totals: [ReminderRuleKind: Int] = [:]) {
        self.openFollowUps = openFollowUps
        self.quietCustomers = quietCustomers
        self.totals = totals
    }
}

/// The questions the scanner asks the store, worked out from today and the settings.
public struct ScanPlan: Hashable, Sendable {
    public var today: Day
    /// Open follow-ups due on or before this day (after today when the view looks ahead).
    public var followUpsDueBy: Day
    /// Per grade: customers whose last contact is before this day are past their cadence;
    /// absent for a grade that is never chased.
    public var contactCutoffs: [GradeCutoff]
    /// Grade A customers last visited before this day; nil when the visit rule is off.
    public var visitCutoff: Day?
    /// Never-contacted customers added before this day.
    public var uncontactedCutoff: Day
    /// Silent customers whose last attempt is before this day.
    public var silentCutoff: Day
    /// How many failed attempts in a row make a customer silent (the store keeps the mark).
    public var silentAttempts: Int
    /// Birthdays on these month-days (`MM-DD`), 29 February included in years without it
    /// when 28 February is in the window.
    public var birthdayMonthDays: [String]
    /// Open follow-ups made before this day, with nothing logged since, are stale.
    public var staleCutoff: Day
    /// The grade review's questions, when it runs.
    public var review: ReviewPlan?
    /// Instalments with money owed due on or before this day (overdue ones included).
    public var paymentsDueBy: Day
    /// Open deals whose last activity is before this day are stuck.
    public var stuckCutoff: Day
    /// Contracts ending from today to this day are up for renewal; nil when the rule is off.
    public var renewalBy: Day?
    /// The settings the plan was made from: rules the store reads whole (customers on their
    /// own cadence, birthdays) are counted with them.
    public var settings: ReminderSettings
    /// Only the most urgent this many of each rule, with totals counted (a screenful for the
    /// TUI's first frame); nil for everything.
    ///
    /// Urgency grows with days waited for a given grade, so the store can fetch, per grade,
    /// the `limit` longest-waiting rows: their union holds each rule's top.
    public var limit: Int?

    public init(today: Day, followUpsDueBy: Day, contactCutoffs: [GradeCutoff], settings: ReminderSettings = .defaults, limit: Int? = nil,
                visitCutoff: Day? = nil, uncontactedCutoff: Day? = nil, silentCutoff: Day? = nil, silentAttempts: Int = 2,
                birthdayMonthDays: [String] = [], staleCutoff: Day? = nil, review: ReviewPlan? = nil,
                paymentsDueBy: Day? = nil, stuckCutoff: Day? = nil, renewalBy: Day? = nil) {
        self.today = today
        self.followUpsDueBy = followUpsDueBy
        self.contactCutoffs = contactCutoffs
        self.settings = settings
        self.limit = limit
        self.visitCutoff = visitCutoff
        // The defaults are what `ReminderScanner.plan` works out from the default settings.
        self.uncontactedCutoff = uncontactedCutoff ?? today.adding(days: -7)
        self.silentCutoff = silentCutoff ?? today.adding(days: -29)
        self.silentAttempts = silentAttempts
        self.birthdayMonthDays = birthdayMonthDays
        self.staleCutoff = staleCutoff ?? today.adding(days: -89)
        self.review = review
        self.paymentsDueBy = paymentsDueBy ?? today.adding(days: 7)
        self.stuckCutoff = stuckCutoff ?? today.adding(days: -21)
        self.renewalBy = renewalBy
    }
}

/// Customers of `grade` last contacted before `before` are past their cadence.
public struct GradeCutoff: Hashable, Sendable {
    public var grade: Grade?
    public var before: Day

    public init(grade: Grade?, before: Day) {
        self.grade = grade
        self.before = before
    }
}

/// What the grade review asks the store.
public struct ReviewPlan: Hashable, Sendable {
    /// Interactions on or after this day count (the review window).
    public var windowStart: Day
    /// Grade C customers with at least this many interactions in the window are candidates.
    public var minInteractions: Int
    /// Grade A customers last contacted before this day are candidates.
    public var quietCutoff: Day
}
