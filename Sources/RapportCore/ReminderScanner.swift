/// Runs every reminder rule over what the store read, and orders the result by urgency.
///
/// Pure: the day is passed in, and the store answers the `plan` through indexed queries.
public struct ReminderScanner: Sendable {
    public var settings: ReminderSettings
    public var rules: [any ReminderRule]

    public init(settings: ReminderSettings = .defaults, rules: [any ReminderRule] = ReminderRules.all) {
        self.settings = settings
        self.rules = rules
    }

    /// What to read from the store for a scan on `today`.
    public func plan(today: Day) -> ScanPlan {
        let grades: [Grade?] = Grade.allCases.map { $0 } + [nil]
        return ScanPlan(
            followUpsDueBy: today,
            contactCutoffs: grades.map { GradeCutoff(grade: $0, before: today.adding(days: -settings.cadence(for: $0))) }
        )
    }

    /// Every reminder for `today`, most urgent first; ties go by the rules' order, then by
    /// customer and follow-up id, so the output is the same on every run.
    public func scan(_ inputs: ReminderInputs, today: Day) -> [Reminder] {
        let context = ScanContext(today: today, settings: settings)
        let order = Dictionary(uniqueKeysWithValues: ReminderRuleKind.allCases.enumerated().map { ($1, $0) })
        let found = rules.flatMap { $0.reminders(from: inputs, context: context) }
        // Sort small keys, not the reminders: moving tens of thousands of large values is the slow part.
        let keys = found.indices.map { i in
            (urgency: -found[i].urgency, rule: order[found[i].rule, default: 0], customer: found[i].customer.id,
             followUp: found[i].followUpID ?? 0, index: i)
        }
        return keys.sorted { ($0.urgency, $0.rule, $0.customer, $0.followUp) < ($1.urgency, $1.rule, $1.customer, $1.followUp) }
            .map { found[$0.index] }
    }
}
