/// Follow-ups open for a long time (`stale.days`) with nothing logged on the customer
/// since they were made: offered for closing.
public struct StaleFollowUpRule: ReminderRule {
    public var kind: ReminderRuleKind { .stale }

    public init() {}

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        inputs.staleFollowUps.compactMap { f in
            let open = f.createdOn.days(until: context.today)
            guard open >= context.settings.staleDays else { return nil }
            return Reminder(
                customer: f.customer, followUpID: f.id, days: open,
                terms: UrgencyTerms(rule: context.urgency.stale),
                reason: .stale(due: f.due.day, title: f.title)
            )
        }
    }
}
