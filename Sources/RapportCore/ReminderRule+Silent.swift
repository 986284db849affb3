import RapportBase

/// Silent customers — the last attempts (two by default) went unanswered — are not chased
/// as forgotten; a month after the last attempt they get a light-touch reminder instead.
public struct SilentCustomerRule: ReminderRule {
    public var kind: ReminderRuleKind { .silent }
    public var heading: String { Language.say("Silent — try a light touch", "沉默的客户——轻轻跟进") }
    public var tally: String { Language.say("silent", "沉默") }
    public var settings: [Setting] { [Self.attempts, Self.retry, Self.weight] }

    public init() {}

    public func summary(_ settings: ReminderSettings) -> String {
        "silent customers (\(settings.silentAttempts) attempts in a row unanswered) \(settings.silentDays) days after the last: a light touch"
    }

    static let attempts = Setting.count("silent.attempts", "failed attempts in a row that make a customer silent", \.silentAttempts)
    static let retry = Setting.days("silent.days", "days after the last attempt to try a silent customer again", \.silentDays)
    static let weight = Setting.weight("urgency.silent", "urgency of a silent customer's light touch", \.silent)

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        inputs.silent.compactMap { c in
            guard c.isChased, let last = c.silentSince else { return nil }
            let since = last.days(until: context.today)
            guard since >= context.settings.silentDays else { return nil }
            return Reminder(
                customer: c, days: since,
                terms: UrgencyTerms(grade: context.urgency.grade(c.grade) / 2, rule: context.urgency.silent),
                reason: .silent(attempts: context.settings.silentAttempts)
            )
        }
    }

    static func write(days: Int, attempts: Int, to out: inout ByteSink) {
        if Language.current == .zh {
            out.append("沉默：最近\(attempts)次联系都没有回应，最后一次在\(days)天前——轻轻跟进一下")
            return
        }
        out.append("silent: the last ")
        out.appendDecimal(attempts)
        out.append(" attempts went unanswered, the last ")
        out.appendDecimal(days)
        out.append(" days ago — a light touch")
    }
}

extension ScanPlan {
    /// Silent customers whose last attempt is before this day (the store keeps who is silent).
    public var silentCutoff: Day { today.adding(days: -settings.silentDays + 1) }
}
