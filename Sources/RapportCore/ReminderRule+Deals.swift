import RapportBase

/// Open deals with nothing done on them — no move, edit, ticked item or contact with the
/// customer — for more than `deal.stuck_days`.
public struct StuckDealRule: ReminderRule {
    public var kind: ReminderRuleKind { .stuck }
    public var heading: String { Language.say("Stuck deals", "停滞的商机") }
    public var tally: String { Language.say("stuck", "停滞") }
    public var settings: [Setting] { [Self.after, Self.weight] }

    public init() {}

    public func summary(_ settings: ReminderSettings) -> String { "open deals with nothing done on them for more than \(settings.stuckDays) days" }

    static let after = Setting.days("deal.stuck_days", "days an open deal may go with nothing done on it", \.stuckDays)
    static let weight = Setting.weight("urgency.stuck", "urgency of a stuck deal", \.stuck)

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

    static func write(days: Int, title: String, stage: Stage, amount: Money, to out: inout ByteSink) {
        if Language.current == .zh {
            out.append("处于" + stage.chinese + "阶段，\(days)天没有进展：" + title)
            ReminderReason.writeAmount(amount, to: &out)
            return
        }
        out.append("in ")
        out.append(stage.rawValue)
        out.append(", nothing done for ")
        out.appendDecimal(days)
        out.append(" days: ")
        out.append(title)
        ReminderReason.writeAmount(amount, to: &out)
    }
}

/// Open deals whose expected close date has passed: close them, or move the date.
public struct ClosePassedRule: ReminderRule {
    public var kind: ReminderRuleKind { .closePassed }
    public var heading: String { Language.say("Deals past their close date", "已过预计成交日的商机") }
    public var tally: String { Language.say("past close", "过了成交日") }
    public var settings: [Setting] { [Self.weight] }

    public init() {}

    public func summary(_ settings: ReminderSettings) -> String { "open deals past their expected close date" }

    static let weight = Setting.weight("urgency.close", "urgency of a deal past its expected close date", \.closePassed)

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

    static func write(days: Int, title: String, stage: Stage, expected: Day, amount: Money, to out: inout ByteSink) {
        if Language.current == .zh {
            out.append("处于" + stage.chinese + "阶段，预计" + RelativeDay.chinese(expected, today: expected.adding(days: days))
                       + "成交，已过\(days)天：" + title)
            ReminderReason.writeAmount(amount, to: &out)
            return
        }
        out.append("in ")
        out.append(stage.rawValue)
        out.append(", expected to close ")
        expected.appendISO(to: &out)
        out.append(", ")
        out.appendDecimal(days)
        out.append(days == 1 ? " day ago: " : " days ago: ")
        out.append(title)
        ReminderReason.writeAmount(amount, to: &out)
    }
}

extension ScanPlan {
    /// Open deals whose last activity is before this day are stuck.
    public var stuckCutoff: Day { today.adding(days: -settings.stuckDays) }
}
