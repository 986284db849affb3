import RapportBase

/// Grade A customers also need a visit or a meeting at least every month (`visit.A`).
public struct VisitRule: ReminderRule {
    public var kind: ReminderRuleKind { .visit }
    public var heading: String { Language.say("Due for a visit", "该去拜访") }
    public var tally: String { Language.say("to visit", "待拜访") }
    public var settings: [Setting] { [Self.every, ForgottenCustomerRule.weight] }

    public init() {}

    public func summary(_ settings: ReminderSettings) -> String {
        settings.visitDays > 0 ? "grade A customers not visited or met for more than \(settings.visitDays) days" : "grade A visits (off)"
    }

    static let every = Setting.days("visit.A", "days between visits or meetings for grade A", none: true, \.visitDays)

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

    static func write(days: Int, every: Int, neverVisited never: Bool, to out: inout ByteSink) {
        if Language.current == .zh {
            out.append("A类 · " + (never ? "从未拜访，\(days)天前添加" : "距上次拜访\(days)天") + "（每\(every)天拜访一次）")
            return
        }
        out.append(never ? "A · never visited, added " : "A · ")
        out.appendDecimal(days)
        out.append(never ? " days ago (visit every " : " days since the last visit (visit every ")
        out.appendDecimal(every)
        out.append(")")
    }
}

extension ScanPlan {
    /// Grade A customers last visited before this day; nil when the visit rule is off.
    public var visitCutoff: Day? { settings.visitDays > 0 ? today.adding(days: -settings.visitDays) : nil }
}
