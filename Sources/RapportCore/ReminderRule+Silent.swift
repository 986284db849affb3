/// Silent customers — the last attempts (two by default) went unanswered — are not chased
/// as forgotten; a month after the last attempt they get a light-touch reminder instead.
public struct SilentCustomerRule: ReminderRule {
    public var kind: ReminderRuleKind { .silent }

    public init() {}

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        inputs.silent.compactMap { c in
            guard c.isChased, let last = c.silentSince else { return nil }
            let since = last.days(until: context.today)
            guard since >= context.settings.silentDays else { return nil }
            return Reminder(
                customer: c, days: since,
                terms: UrgencyTerms(grade: context.urgency.grade(c.grade) / 2, rule: context.urgency.silent),
                reason: .silent(attempts: context.settings.silentAttempts)
            )
        }
    }
}
