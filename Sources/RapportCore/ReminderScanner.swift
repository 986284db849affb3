/// Runs every reminder rule over what the store read, and orders the result by urgency.
///
/// Pure: the day is passed in, and the store answers the `plan` through indexed queries.
public struct ReminderScanner: Sendable {
    public var settings: ReminderSettings
    public var rules: [any ReminderRule]

    public init(settings: ReminderSettings = .defaults, rules: [any ReminderRule] = ReminderRules.all) {
        self.settings = settings
        self.rules = rules
    }

    /// What to read from the store for a scan on `today`: with a limit, only each rule's
    /// most urgent `limit` reminders and their totals; `daysAhead` adds the follow-ups
    /// coming due; `review` forces the grade review (it runs by itself early in a quarter).
    public func plan(today: Day, limit: Int? = nil, daysAhead: Int = 0, review: Bool = false) -> ScanPlan {
        ScanPlan(today: today, daysAhead: daysAhead, settings: settings, limit: limit,
                 reviewing: review || RegradeRule.isReviewTime(today, firstDays: settings.reviewFirstDays))
    }

    /// The scan as the today view shows it: each rule's most urgent reminders (all of them,
    /// or `limit`) and how many each rule has in all.
    public func report(_ inputs: ReminderInputs, today: Day, limit: Int? = nil, daysAhead: Int = 0) -> ReminderReport {
        let all = scan(inputs, today: today, daysAhead: daysAhead)
        var counts: [ReminderRuleKind: Int] = [:]
        for r in all { counts[r.rule, default: 0] += 1 }
        guard let limit else { return ReminderReport(reminders: all, totals: counts) }
        // Each rule's first `limit` in its group's order, kept in the order of urgency.
        var kept = [Bool](repeating: false, count: all.count)
        for group in ReminderReport.ruleIndices(all) {
            for i in group.rule.rule.order.arranged(group.indices, of: all).prefix(limit) { kept[i] = true }
        }
        return ReminderReport(reminders: all.indices.filter { kept[$0] }.map { all[$0] },
                              totals: counts.merging(inputs.totals) { _, stored in stored })
    }

    /// Every reminder for `today`, most urgent first. Urgency stops growing (a week overdue,
    /// twice the cadence), so ties are common: they go by the rules' order, then the longest
    /// wait, then the record's id (follow-up, deal, instalment, contract) and the customer's.
    /// The store reads a limited scan's rows in that same order, which makes its per-grade
    /// top rows hold each rule's top.
    public func scan(_ inputs: ReminderInputs, today: Day, daysAhead: Int = 0) -> [Reminder] {
        let context = ScanContext(today: today, settings: settings, daysAhead: daysAhead)
        let order = Dictionary(uniqueKeysWithValues: ReminderRuleKind.allCases.enumerated().map {
            ($1, (position: $0, ahead: $1.rule.looksAhead))
        })
        let found = rules.flatMap { $0.reminders(from: inputs, context: context) }
        // Sort small keys, not the reminders: moving tens of thousands of large values is the slow part.
        let keys = found.indices.map { i in
            let rule = order[found[i].rule] ?? (position: 0, ahead: false)
            return (urgency: -found[i].urgency, rule: rule.position, wait: rule.ahead ? found[i].days : -found[i].days,
                    record: found[i].recordID, customer: found[i].customer.id, contact: found[i].contactID ?? 0, index: i)
        }
        return keys.sorted {
            ($0.urgency, $0.rule, $0.wait, $0.record, $0.customer, $0.contact)
                < ($1.urgency, $1.rule, $1.wait, $1.record, $1.customer, $1.contact)
        }.map { found[$0.index] }
    }
}

/// The today view's content: the reminders shown, most urgent first, and each rule's total.
public struct ReminderReport: Sendable {
    public var reminders: [Reminder]
    public var totals: [ReminderRuleKind: Int]

    public init(reminders: [Reminder], totals: [ReminderRuleKind: Int]) {
        self.reminders = reminders
        self.totals = totals
    }

    /// How many reminders the rule has in all (more than are listed when the scan was limited).
    public func total(_ rule: ReminderRuleKind) -> Int { totals[rule] ?? 0 }

    /// Nothing overdue, due or forgotten.
    public var isEmpty: Bool { totals.values.allSatisfy { $0 == 0 } }
}
