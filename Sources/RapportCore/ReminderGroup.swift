import RapportBase

/// One group of the today view: a rule's reminders in the order its heading names, and
/// how many the rule has in all (more than are listed when the scan was limited).
public struct ReminderGroup: Hashable, Sendable {
    public var rule: ReminderRuleKind
    public var total: Int
    public var reminders: [Reminder]
}

extension ReminderReport {
    /// The today view as the CLI and the TUI list it: the rules' groups in the rules' order,
    /// each in its own order. A follow-up that two rules raise (overdue, and stale too) is one
    /// line in the first group, telling both reasons, and leaves the later group's count.
    public var groups: [ReminderGroup] {
        var groups: [ReminderGroup] = []
        var lineOfFollowUp: [Int64: (group: Int, line: Int)] = [:]
        let indices = Dictionary(uniqueKeysWithValues: Self.ruleIndices(reminders))
        for rule in ReminderRuleKind.allCases where total(rule) > 0 {
            var group = ReminderGroup(rule: rule, total: total(rule), reminders: [])
            for i in rule.rule.order.arranged(indices[rule] ?? [], of: reminders) {
                let r = reminders[i]
                if let id = r.followUpID, let at = lineOfFollowUp[id] {
                    groups[at.group].reminders[at.line].also.append(r)
                    group.total -= 1
                    continue
                }
                if let id = r.followUpID { lineOfFollowUp[id] = (groups.count, group.reminders.count) }
                group.reminders.append(r)
            }
            if group.total > 0 { groups.append(group) }
        }
        return groups
    }

    /// The summary line's words: `4 overdue · 6 to collect · 11 forgotten`.
    public func tallies(count: (Int) -> String) -> [String] {
        groups.map { Language.say(count($0.total) + " " + $0.rule.tally, $0.rule.tally + count($0.total)) }
    }

    /// Each rule with reminders, in the view's order, and where its reminders are (in the
    /// order they come).
    static func ruleIndices(_ reminders: [Reminder]) -> [(rule: ReminderRuleKind, indices: [Int])] {
        var byRule: [ReminderRuleKind: [Int]] = [:]
        for (i, r) in reminders.enumerated() { byRule[r.rule, default: []].append(i) }
        return ReminderRuleKind.allCases.compactMap { rule in byRule[rule].map { (rule, $0) } }
    }
}

extension ReminderOrder {
    /// A rule's reminders (their indices, most urgent first) in this order.
    func arranged(_ indices: [Int], of reminders: [Reminder]) -> [Int] {
        switch self {
        case .urgency: indices
        case .soonest: indices.enumerated().sorted { (reminders[$0.element].days, $0.offset) < (reminders[$1.element].days, $1.offset) }.map(\.element)
        }
    }
}

extension ReminderReason {
    /// The reason as told on another rule's line about the same follow-up: only what that
    /// line has not said.
    func brief(days: Int) -> String {
        if case .stale = self { return StaleFollowUpRule.brief(days: days) }
        return text(days: days)
    }
}
