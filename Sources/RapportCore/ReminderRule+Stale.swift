import RapportBase

/// Follow-ups open for a long time (`stale.days`) with nothing logged on the customer
/// since they were made: offered for closing.
public struct StaleFollowUpRule: ReminderRule {
    public var kind: ReminderRuleKind { .stale }
    public var heading: String { Language.say("Stale follow-ups", "陈旧的跟进") }
    public var tally: String { Language.say("stale", "陈旧") }
    public var settings: [Setting] { [Self.after, Self.weight] }

    public init() {}

    public func summary(_ settings: ReminderSettings) -> String {
        "follow-ups open \(settings.staleDays) days with nothing logged since: close them?"
    }

    static let after = Setting.days("stale.days", "days a follow-up may stay open with nothing logged", \.staleDays)
    static let weight = Setting.weight("urgency.stale", "urgency of a stale follow-up", \.stale)

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

    static func write(days: Int, due: Day, title: String, to out: inout ByteSink) {
        if Language.current == .zh {
            out.append("已开\(days)天（" + RelativeDay.chinese(due, today: due.adding(days: days)) + "到期），此后没有任何记录"
                       + ReminderReason.chineseSuffix(title) + "——关掉吗？")
            return
        }
        out.append("open ")
        out.appendDecimal(days)
        out.append(" days (due ")
        due.appendISO(to: &out)
        out.append(") with nothing logged since")
        ReminderReason.writeSuffix(title, to: &out)
        out.append(" — close it?")
    }

    /// Told on the follow-up's overdue line, which already says its day and title.
    static func brief(days: Int) -> String {
        Language.say("open \(days) days with nothing logged since — close it?", "已开\(days)天，此后没有任何记录——关掉吗？")
    }
}

extension ScanPlan {
    /// Open follow-ups made before this day, with nothing logged since, are stale.
    public var staleCutoff: Day { today.adding(days: -settings.staleDays + 1) }
}
