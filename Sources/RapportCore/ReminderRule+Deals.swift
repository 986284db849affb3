/// Open deals with nothing done on them — no move, edit, ticked item or contact with the
/// customer — for more than `deal.stuck_days`.
public struct StuckDealRule: ReminderRule {
    public var kind: ReminderRuleKind { .stuck }

    public init() {}

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        inputs.stuckDeals.compactMap { d in
            let idle = d.lastActivityOn.days(until: context.today)
            guard d.stage.isOpen, idle > context.settings.stuckDays else { return nil }
            return Reminder(
                customer: d.customer, dealID: d.id, days: idle,
                terms: UrgencyTerms(grade: context.urgency.grade(d.customer.grade), rule: context.urgency.stuck),
                reason: .stuck(title: d.title, stage: d.stage, amount: d.amount)
            )
        }
    }
}

/// Open deals whose expected close date has passed: close them, or move the date.
public struct ClosePassedRule: ReminderRule {
    public var kind: ReminderRuleKind { .closePassed }

    public init() {}

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        inputs.closePassedDeals.compactMap { d in
            guard d.stage.isOpen, let expected = d.expectedClose, expected < context.today else { return nil }
            return Reminder(
                customer: d.customer, dealID: d.id, days: expected.days(until: context.today),
                terms: UrgencyTerms(grade: context.urgency.grade(d.customer.grade), rule: context.urgency.closePassed),
                reason: .closePassed(title: d.title, stage: d.stage, expected: expected, amount: d.amount)
            )
        }
    }
}
