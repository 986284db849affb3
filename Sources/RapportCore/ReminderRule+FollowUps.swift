/// Open follow-ups whose day has passed.
public struct OverdueFollowUpRule: ReminderRule {
    public var kind: ReminderRuleKind { .overdue }

    public init() {}

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        inputs.openFollowUps.filter { $0.due.day < context.today }.map { f in
            let late = f.due.day.days(until: context.today)
            let u = context.settings.urgency
            return Reminder(
                customer: f.customer, followUpID: f.id, days: late,
                urgency: u.dueTerm(daysUntilDue: -late) + u.grade(f.customer.grade),
                reason: .overdue(due: f.due, title: f.title)
            )
        }
    }
}

/// Open follow-ups due today, with their time when set.
public struct DueTodayRule: ReminderRule {
    public var kind: ReminderRuleKind { .due }

    public init() {}

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        inputs.openFollowUps.filter { $0.due.day == context.today }.map { f in
            let u = context.settings.urgency
            // An earlier time today comes first: a minute of the day is worth a little urgency.
            let timeTerm = f.due.time.map { 0.5 * (1 - Double($0.minutes) / 1440) } ?? 0
            return Reminder(
                customer: f.customer, followUpID: f.id, days: 0,
                urgency: u.dueTerm(daysUntilDue: 0) + u.grade(f.customer.grade) + timeTerm,
                reason: .due(time: f.due.time, title: f.title)
            )
        }
    }
}
