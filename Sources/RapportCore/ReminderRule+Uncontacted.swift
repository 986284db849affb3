/// New customers not contacted within a week of being added (`uncontacted.days`).
public struct UncontactedRule: ReminderRule {
    public var kind: ReminderRuleKind { .uncontacted }

    public init() {}

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        let within = context.settings.uncontactedDays
        return inputs.uncontacted.compactMap { c in
            guard c.isChased, c.lastContactOn == nil else { return nil }
            let since = c.addedOn.days(until: context.today)
            guard since > within else { return nil }
            return Reminder(
                customer: c, days: since,
                terms: UrgencyTerms(cadence: context.urgency.cadenceTerm(daysSince: since, cadence: within),
                                    grade: context.urgency.grade(c.grade)),
                reason: .uncontacted(within: within)
            )
        }
    }
}
