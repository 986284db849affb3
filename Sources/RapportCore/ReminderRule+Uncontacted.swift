import RapportBase

/// New customers not contacted within a week of being added (`uncontacted.days`).
public struct UncontactedRule: ReminderRule {
    public var kind: ReminderRuleKind { .uncontacted }
    public var heading: String { Language.say("New, not yet contacted", "新客户，尚未联系") }
    public var tally: String { Language.say("not contacted", "未联系") }
    public var settings: [Setting] { [Self.within, ForgottenCustomerRule.weight] }

    public init() {}

    public func summary(_ settings: ReminderSettings) -> String {
        "new customers not contacted within \(settings.uncontactedDays) days of being added"
    }

    static let within = Setting.days("uncontacted.days", "days a new customer may wait for a first contact", \.uncontactedDays)

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

    static func write(days: Int, within: Int, to out: inout ByteSink) {
        if Language.current == .zh {
            out.append("新客户，从未联系：\(days)天前添加（应在\(within)天内联系）")
            return
        }
        out.append("new, never contacted: added ")
        out.appendDecimal(days)
        out.append(days == 1 ? " day ago (contact within " : " days ago (contact within ")
        out.appendDecimal(within)
        out.append(")")
    }
}

extension ScanPlan {
    /// Never-contacted customers added before this day.
    public var uncontactedCutoff: Day { today.adding(days: -settings.uncontactedDays) }
}
