import RapportBase

/// The rules, named as `rapport today --json` names them. The order of the cases is the
/// today view's: its groups, and the order of equally urgent reminders.
public enum ReminderRuleKind: String, CaseIterable, Sendable, Codable {
    case overdue, due, payment, forgotten, visit, uncontacted, silent, stuck, closePassed = "close-passed", renewal, birthday
    case stale, regrade, upcoming

    /// The rule of this kind; the one place a rule is registered.
    public var rule: any ReminderRule {
        switch self {
        case .overdue: OverdueFollowUpRule()
        case .due: DueTodayRule()
        case .payment: PaymentDueRule()
        case .forgotten: ForgottenCustomerRule()
        case .visit: VisitRule()
        case .uncontacted: UncontactedRule()
        case .silent: SilentCustomerRule()
        case .stuck: StuckDealRule()
        case .closePassed: ClosePassedRule()
        case .renewal: RenewalRule()
        case .birthday: BirthdayRule()
        case .stale: StaleFollowUpRule()
        case .regrade: RegradeRule()
        case .upcoming: UpcomingFollowUpRule()
        }
    }

    /// The heading of the rule's group in the today view.
    public var heading: String { rule.heading }

    /// The group's heading with its count and its order: `Overdue follow-ups (4) · most urgent first`.
    public func heading(count: String) -> String {
        Language.say(heading + " (" + count + ") · ", heading + "（" + count + "）· ") + rule.order.words
    }

    /// The rule's count in words on the summary line.
    public var tally: String { rule.tally }

    /// What `rapport today --check` fails on.
    public var needsAttention: Bool { rule.needsAttention }
}

/// The rules the scanner runs, in the today view's order.
public enum ReminderRules {
    public static let all: [any ReminderRule] = ReminderRuleKind.allCases.map(\.rule)
}

/// Why a reminder was raised, one case per rule, with what its sentence needs; each rule's
/// file writes its sentence.
public enum ReminderReason: Hashable, Sendable {
    case overdue(due: When, title: String)
    case due(time: ClockTime?, title: String)
    case payment(contract: String, position: Int, due: Day, remaining: Money)
    case forgotten(grade: Grade?, cadence: Int, own: Bool)
    case visit(every: Int, neverVisited: Bool)
    case uncontacted(within: Int)
    case silent(attempts: Int)
    case stuck(title: String, stage: Stage, amount: Money)
    case closePassed(title: String, stage: Stage, expected: Day, amount: Money)
    case renewal(contract: String, ends: Day)
    case birthday(person: String?, on: Day, turns: Int?)
    case stale(due: Day, title: String)
    case regrade(from: Grade?, to: Grade?, why: String)
    case upcoming(due: When, title: String)

    public var rule: ReminderRuleKind {
        switch self {
        case .overdue: .overdue
        case .due: .due
        case .payment: .payment
        case .forgotten: .forgotten
        case .visit: .visit
        case .uncontacted: .uncontacted
        case .silent: .silent
        case .stuck: .stuck
        case .closePassed: .closePassed
        case .renewal: .renewal
        case .birthday: .birthday
        case .stale: .stale
        case .regrade: .regrade
        case .upcoming: .upcoming
        }
    }

    /// The sentence for a reminder with this reason and day count.
    func text(days: Int) -> String {
        var sink = ByteSink(capacity: 96)
        write(days: days, to: &sink)
        return sink.text
    }

    /// Appends the sentence as UTF-8; JSON output writes tens of thousands of these, and
    /// appending bytes is several times cheaper than concatenating strings.
    public func write(days: Int, to out: inout ByteSink) {
        switch self {
        case .overdue(let due, let title): OverdueFollowUpRule.write(days: days, due: due, title: title, to: &out)
        case .due(let time, let title): DueTodayRule.write(time: time, title: title, to: &out)
        case .payment(let contract, let position, let due, let remaining):
            PaymentDueRule.write(days: days, contract: contract, position: position, due: due, remaining: remaining, to: &out)
        case .forgotten(let grade, let cadence, let own): ForgottenCustomerRule.write(days: days, grade: grade, cadence: cadence, own: own, to: &out)
        case .visit(let every, let never): VisitRule.write(days: days, every: every, neverVisited: never, to: &out)
        case .uncontacted(let within): UncontactedRule.write(days: days, within: within, to: &out)
        case .silent(let attempts): SilentCustomerRule.write(days: days, attempts: attempts, to: &out)
        case .stuck(let title, let stage, let amount): StuckDealRule.write(days: days, title: title, stage: stage, amount: amount, to: &out)
        case .closePassed(let title, let stage, let expected, let amount):
            ClosePassedRule.write(days: days, title: title, stage: stage, expected: expected, amount: amount, to: &out)
        case .renewal(let contract, let ends): RenewalRule.write(days: days, contract: contract, ends: ends, to: &out)
        case .birthday(let person, let on, let turns): BirthdayRule.write(days: days, person: person, on: on, turns: turns, to: &out)
        case .stale(let due, let title): StaleFollowUpRule.write(days: days, due: due, title: title, to: &out)
        case .regrade(let from, let to, let why): RegradeRule.write(from: from, suggested: to, why: why, to: &out)
        case .upcoming(let due, let title): UpcomingFollowUpRule.write(days: days, due: due, title: title, to: &out)
        }
    }

    // MARK: - Pieces the sentences share

    static func writeAmount(_ amount: Money, to out: inout ByteSink) {
        if Language.current == .zh {
            out.append("（" + amount.said + "）")
            return
        }
        out.append(" (")
        out.append(amount.formatted)
        out.append(" ")
        out.append(amount.currency.code)
        out.append(")")
    }

    static func writeWhen(_ when: When, to out: inout ByteSink) {
        when.day.appendISO(to: &out)
        if let time = when.time {
            out.append(UInt8(ascii: " "))
            time.appendText(to: &out)
        }
    }

    /// `11月20日 14:30`, with the year when it is not `today`'s.
    static func chinese(_ when: When, today: Day) -> String {
        RelativeDay.chinese(when.day, today: today) + (when.time.map { " " + $0.description } ?? "")
    }

    /// `：报价单`, or nothing for no title.
    static func chineseSuffix(_ title: String) -> String { title.isEmpty ? "" : "：" + title }

    static func writeSuffix(_ title: String, to out: inout ByteSink) {
        guard !title.isEmpty else { return }
        out.append(": ")
        out.append(title)
    }
}
