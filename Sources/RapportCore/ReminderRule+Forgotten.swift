/// Customers not contacted within their grade's cadence.
public struct ForgottenCustomerRule: ReminderRule {
    public var kind: ReminderRuleKind { .forgotten }

    public init() {}

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        inputs.quietCustomers.compactMap { c in
            guard c.status.isChased else { return nil }
            let cadence = context.settings.cadence(for: c.grade)
            let since = c.daysSinceContact(today: context.today)
            guard since > cadence else { return nil }
            let u = context.settings.urgency
            return Reminder(
                customer: c, days: since,
                urgency: u.cadenceTerm(daysSince: since, cadence: cadence) + u.grade(c.grade),
                reason: .forgotten(grade: c.grade, cadence: cadence, neverContacted: c.lastContactOn == nil)
            )
        }
    }
}
