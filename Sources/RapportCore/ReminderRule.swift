import RapportBase

/// One way a customer falls through the cracks, whole in its own file
/// (`ReminderRule+Forgotten.swift`): its heading, what it looks for, its settings, what it
/// asks of the scan (an extension of `ScanPlan` beside it), its sentence and the reminders it
/// raises. Registered in `ReminderRuleKind.rule`; the store's half is `AppDatabase.queries(for:)`.
public protocol ReminderRule: Sendable {
    var kind: ReminderRuleKind { get }
    /// The heading of the rule's group in the today view.
    var heading: String { get }
    /// The rule's count in words on the today view's one summary line (`4 overdue · 1 stale`).
    var tally: String { get }
    /// How the rule's group is listed (its heading says so).
    var order: ReminderOrder { get }
    /// What the rule looks for, with the numbers `settings` holds (`rapport today --help`).
    func summary(_ settings: ReminderSettings) -> String
    /// The settings that shape the rule, its urgency weight among them (the grade weights,
    /// which nearly every rule adds, aside).
    var settings: [Setting] { get }
    /// Whether `rapport today --check` fails on the rule's reminders.
    var needsAttention: Bool { get }
    /// Whether the rule looks ahead (a birthday, a follow-up coming due, a contract's end):
    /// equally urgent reminders then go nearest day first, else longest wait first.
    var looksAhead: Bool { get }
    /// The reminders this rule raises from what the store handed the scanner.
    func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder]
}

extension ReminderRule {
    public var needsAttention: Bool { false }
    public var looksAhead: Bool { false }
    public var order: ReminderOrder { .urgency }
}

/// How a group of the today view is listed.
public enum ReminderOrder: Sendable {
    /// Who to contact first: grade and wait together (`rapport today --explain`).
    case urgency
    /// The nearest day first: what comes up in the days ahead.
    case soonest

    /// What a group's heading says of its order.
    public var words: String {
        switch self {
        case .urgency: Language.say("most urgent first", "最急的在前")
        case .soonest: Language.say("soonest first", "最近的在前")
        }
    }
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

/// The questions the scanner asks the store: today, the settings and how much to read. Each
/// rule's part of it (a cutoff day, a window) is worked out in the rule's own file.
public struct ScanPlan: Hashable, Sendable {
    public var today: Day
    /// How many days past today the view looks for follow-ups coming due (`--days N`).
    public var daysAhead: Int
    /// The settings the plan was made from.
    public var settings: ReminderSettings
    /// Only the most urgent this many of each rule, with totals counted (a screenful for the
    /// TUI's first frame); nil for everything.
    ///
    /// Urgency grows with days waited for a given grade, so the store can fetch, per grade,
    /// the `limit` longest-waiting rows: their union holds each rule's top.
    public var limit: Int?
    /// Whether the grade review runs (early in a quarter, or asked for).
    public var reviewing: Bool

    public init(today: Day, daysAhead: Int = 0, settings: ReminderSettings = .defaults, limit: Int? = nil, reviewing: Bool = false) {
        self.today = today
        self.daysAhead = max(0, daysAhead)
        self.settings = settings
        self.limit = limit
        self.reviewing = reviewing
    }
}
