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
        ForgottenCustomerRule(),
    ]
}

/// Today and the settings, as every rule sees them.
public struct ScanContext: Sendable {
    public var today: Day
    public var settings: ReminderSettings

    public init(today: Day, settings: ReminderSettings) {
        self.today = today
        self.settings = settings
    }
}

/// What the store reads for the scanner through indexed queries; never every interaction.
public struct ReminderInputs: Sendable {
    /// Open follow-ups due on or before the plan's horizon.
    public var openFollowUps: [DueFollowUp]
    /// Chased customers last contacted (or, never contacted, added) before their grade's cutoff.
    public var quietCustomers: [CustomerSummary]
    /// When the plan has a limit, how many reminders each rule has in all (the store counts
    /// them by index; the rows above are only the candidates for the top of each group).
    public var totals: [ReminderRuleKind: Int]

    public init(openFollowUps: [DueFollowUp] = [], quietCustomers: [CustomerSummary] = [], totals: [ReminderRuleKind: Int] = [:]) {
        self.openFollowUps = openFollowUps
        self.quietCustomers = quietCustomers
        self.totals = totals
    }
}

/// The questions the scanner asks the store, worked out from today and the settings.
public struct ScanPlan: Hashable, Sendable {
    public var today: Day
    /// Open follow-ups due on or before this day.
    public var followUpsDueBy: Day
    /// Per grade: customers whose last contact is before this day are past their cadence.
    public var contactCutoffs: [GradeCutoff]
    /// Only the most urgent this many of each rule, with totals counted (a screenful for the
    /// TUI's first frame); nil for everything.
    ///
    /// Urgency grows with days overdue and days since contact for a given grade, so the
    /// store can fetch, per grade, the `limit` oldest rows: their union holds each rule's top.
    public var limit: Int?

    public init(today: Day, followUpsDueBy: Day, contactCutoffs: [GradeCutoff], limit: Int? = nil) {
        self.today = today
        self.followUpsDueBy = followUpsDueBy
        self.contactCutoffs = contactCutoffs
        self.limit = limit
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
