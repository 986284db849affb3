/// Customers not contacted within their cadence: their own when set, else their grade's.
/// Never-contacted customers are the uncontacted rule's, silent ones the silent rule's.
public struct ForgottenCustomerRule: ReminderRule {
    public var kind: ReminderRuleKind { .forgotten }

    public init() {}

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        inputs.quietCustomers.compactMap { c in
            guard c.isChased, c.lastContactOn != nil, c.silentSince == nil else { return nil }
            let cadence = context.settings.cadence(for: c)
            let since = c.daysSinceContact(today: context.today)
            guard cadence > 0, since > cadence else { return nil }
            return Reminder(
                customer: c, days: since,
                terms: UrgencyTerms(cadence: context.urgency.cadenceTerm(daysSince: since, cadence: cadence),
                                    grade: context.urgency.grade(c.grade)),
                reason: .forgotten(grade: c.grade, cadence: cadence, own: c.cadenceDays != nil)
            )
        }
    }
}
