/// Open follow-ups whose day has passed.
public struct OverdueFollowUpRule: ReminderRule {
    public var kind: ReminderRuleKind { .overdue }

    public init() {}

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        inputs.openFollowUps.filter { $0.due.day < context.today }.map { f in
            let late = f.due.day.days(until: context.today)
            return Reminder(
                customer: f.customer, followUpID: f.id, days: late,
                terms: UrgencyTerms(due: context.urgency.dueTerm(daysUntilDue: -late), grade: context.urgency.grade(f.customer.grade)),
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
            // An earlier time today comes first: a little of the due weight, less than a day
            // overdue is worth (0.03 of it against about 0.038), so it never outranks one.
            let timeTerm = f.due.time.map { 0.03 * context.urgency.due * (1 - Double($0.minutes) / 1440) } ?? 0
            return Reminder(
                customer: f.customer, followUpID: f.id, days: 0,
                terms: UrgencyTerms(due: context.urgency.dueTerm(daysUntilDue: 0) + timeTerm,
                                    grade: context.urgency.grade(f.customer.grade)),
                reason: .due(time: f.due.time, title: f.title)
            )
        }
    }
}

/// Open follow-ups due in the days ahead the view was asked to look at (`--days N`).
public struct UpcomingFollowUpRule: ReminderRule {
    public var kind: ReminderRuleKind { .upcoming }

    public init() {}

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        let horizon = context.today.adding(days: context.daysAhead)
        return inputs.openFollowUps.filter { $0.due.day > context.today && $0.due.day <= horizon }.map { f in
            let ahead = context.today.days(until: f.due.day)
            return Reminder(
                customer: f.customer, followUpID: f.id, days: ahead,
                terms: UrgencyTerms(due: context.urgency.dueTerm(daysUntilDue: ahead), grade: context.urgency.grade(f.customer.grade)),
                reason: .upcoming(due: f.due, title: f.title)
            )
        }
    }
}
