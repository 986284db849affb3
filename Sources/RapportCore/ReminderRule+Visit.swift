/// Grade A customers also need a visit or a meeting at least every month (`visit.A`).
public struct VisitRule: ReminderRule {
    public var kind: ReminderRuleKind { .visit }

    public init() {}

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        let every = context.settings.visitDays
        guard every > 0 else { return [] }
        return inputs.unvisited.compactMap { c in
            guard c.grade == .a, c.isChased else { return nil }
            let since = (c.lastVisitOn ?? c.addedOn).days(until: context.today)
            guard since > every else { return nil }
            return Reminder(
                customer: c, days: since,
                terms: UrgencyTerms(cadence: context.urgency.cadenceTerm(daysSince: since, cadence: every),
                                    grade: context.urgency.grade(c.grade)),
                reason: .visit(every: every, neverVisited: c.lastVisitOn == nil)
            )
        }
    }
}
