import RapportBase

/// Open follow-ups whose day has passed.
public struct OverdueFollowUpRule: ReminderRule {
    public var kind: ReminderRuleKind { .overdue }
    public var heading: String { Language.say("Overdue follow-ups", "逾期的跟进") }
    public var tally: String { Language.say("overdue", "逾期") }
    public var settings: [Setting] { [Self.weight] }
    public var needsAttention: Bool { true }

    public init() {}

    public func summary(_ settings: ReminderSettings) -> String { "open follow-ups whose day has passed" }

    /// The due-date weight, which every follow-up rule but the stale one reads.
    static let weight = Setting.weight("urgency.due", "weight of a follow-up's due date", \.due)

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

    static func write(days: Int, due: When, title: String, to out: inout ByteSink) {
        if Language.current == .zh {
            out.append("逾期\(days)天（" + ReminderReason.chinese(due, today: due.day.adding(days: days)) + "到期）" + ReminderReason.chineseSuffix(title))
            return
        }
        out.appendDecimal(days)
        out.append(days == 1 ? " day overdue (due " : " days overdue (due ")
        ReminderReason.writeWhen(due, to: &out)
        out.append(")")
        ReminderReason.writeSuffix(title, to: &out)
    }
}

/// Open follow-ups due today, with their time when set.
public struct DueTodayRule: ReminderRule {
    public var kind: ReminderRuleKind { .due }
    public var heading: String { Language.say("Due today", "今天到期") }
    public var tally: String { Language.say("due today", "今天到期") }
    public var settings: [Setting] { [OverdueFollowUpRule.weight] }

    public init() {}

    public func summary(_ settings: ReminderSettings) -> String { "open follow-ups due today, the earliest time first" }

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

    static func write(time: ClockTime?, title: String, to out: inout ByteSink) {
        if Language.current == .zh {
            out.append("今天" + (time.map { $0.description } ?? "") + "到期" + ReminderReason.chineseSuffix(title))
            return
        }
        out.append("due today")
        if let time {
            out.append(" at ")
            time.appendText(to: &out)
        }
        ReminderReason.writeSuffix(title, to: &out)
    }
}

/// Open follow-ups due in the days ahead the view was asked to look at (`--days N`).
public struct UpcomingFollowUpRule: ReminderRule {
    public var kind: ReminderRuleKind { .upcoming }
    public var heading: String { Language.say("Coming up", "即将到期") }
    public var tally: String { Language.say("coming up", "即将到期") }
    public var order: ReminderOrder { .soonest }
    public var settings: [Setting] { [OverdueFollowUpRule.weight] }
    public var looksAhead: Bool { true }

    public init() {}

    public func summary(_ settings: ReminderSettings) -> String { "with --days N, open follow-ups coming due in the next N days" }

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

    static func write(days: Int, due: When, title: String, to out: inout ByteSink) {
        if Language.current == .zh {
            out.append((days == 1 ? "明天" : "\(days)天后") + "到期（" + ReminderReason.chinese(due, today: due.day.adding(days: -days)) + "）"
                       + ReminderReason.chineseSuffix(title))
            return
        }
        out.append(days == 1 ? "due tomorrow (" : "due in ")
        if days != 1 {
            out.appendDecimal(days)
            out.append(" days (")
        }
        ReminderReason.writeWhen(due, to: &out)
        out.append(")")
        ReminderReason.writeSuffix(title, to: &out)
    }
}

extension ScanPlan {
    /// Open follow-ups due on or before this day are read (after today when the view looks ahead).
    public var followUpsDueBy: Day { today.adding(days: daysAhead) }
}
