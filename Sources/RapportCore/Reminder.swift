/// One line of the today view: who to contact, which rule says so, and why.
public struct Reminder: Hashable, Sendable {
    public var customer: CustomerSummary
    public var followUpID: Int64?
    /// The contact person a birthday belongs to, when it is not the customer's own.
    public var contactID: Int64?
    /// The deal, contract and instalment the reminder is about, for the pipeline's rules.
    public var dealID: Int64?
    public var contractID: Int64?
    public var instalmentID: Int64?
    /// The rule's own count of days: overdue by, since last contact, until a birthday …
    public var days: Int
    /// What the urgency is made of (`rapport today --explain`).
    public var terms: UrgencyTerms
    /// Why, as data; `detail` puts it in words when something prints it.
    public var reason: ReminderReason

    public init(customer: CustomerSummary, followUpID: Int64? = nil, contactID: Int64? = nil, dealID: Int64? = nil,
                contractID: Int64? = nil, instalmentID: Int64? = nil, days: Int, terms: UrgencyTerms, reason: ReminderReason) {
        self.customer = customer
        self.followUpID = followUpID
        self.contactID = contactID
        self.dealID = dealID
        self.contractID = contractID
        self.instalmentID = instalmentID
        self.days = days
        self.terms = terms
        self.reason = reason
    }

    /// The rule that raised this reminder.
    public var rule: ReminderRuleKind { reason.rule }

    /// How urgent, all terms added: who to call first.
    public var urgency: Double { terms.total }

    /// The record the reminder is about, for ordering equally urgent reminders of a rule.
    var recordID: Int64 { followUpID ?? dealID ?? instalmentID ?? contractID ?? 0 }

    /// The reason in words (`A · 23 days since last contact (cadence 14)`).
    public var detail: String { reason.text(days: days) }
}

/// The parts of an urgency score, named as `--explain` prints them.
public struct UrgencyTerms: Hashable, Sendable {
    /// From a follow-up's due date.
    public var due = 0.0
    /// From time past a cadence (contact, visit, first contact).
    public var cadence = 0.0
    /// From the customer's grade.
    public var grade = 0.0
    /// From a birthday's nearness.
    public var birthday = 0.0
    /// A rule's fixed weight (silent, stale, grade review, stuck, close passed).
    public var rule = 0.0
    /// From an instalment's due date.
    public var payment = 0.0
    /// From a contract's end coming near.
    public var renewal = 0.0

    public init(due: Double = 0, cadence: Double = 0, grade: Double = 0, birthday: Double = 0, rule: Double = 0,
                payment: Double = 0, renewal: Double = 0) {
        self.due = due
        self.cadence = cadence
        self.grade = grade
        self.birthday = birthday
        self.rule = rule
        self.payment = payment
        self.renewal = renewal
    }

    public var total: Double { due + cadence + grade + birthday + rule + payment + renewal }

    /// The non-zero terms with their names, in a fixed order.
    public var named: [(String, Double)] {
        [("due", due), ("cadence", cadence), ("grade", grade), ("birthday", birthday), ("rule", rule), ("payment", payment),
         ("renewal", renewal)].filter { $0.1 != 0 }
    }
}

/// Why a reminder was raised, one case per rule, with what its sentence needs.
public enum ReminderReason: Hashable, Sendable {
    case overdue(due: When, title: String)
    case due(time: ClockTime?, title: String)
    case forgotten(grade: Grade?, cadence: Int, own: Bool)
    case visit(every: Int, neverVisited: Bool)
    case uncontacted(within: Int)
    case silent(attempts: Int)
    case birthday(person: String?, on: Day, turns: Int?)
    case stale(due: Day, title: String)
    case regrade(from: Grade?, to: Grade?, why: String)
    case upcoming(due: When, title: String)
    case payment(contract: String, position: Int, due: Day, remaining: Money)
    case stuck(title: String, stage: Stage, amount: Money)
    case closePassed(title: String, stage: Stage, expected: Day, amount: Money)
    case renewal(contract: String, ends: Day)

    public var rule: ReminderRuleKind {
        switch self {
        case .overdue: .overdue
        case .due: .due
        case .forgotten: .forgotten
        case .visit: .visit
        case .uncontacted: .uncontacted
        case .silent: .silent
        case .birthday: .birthday
        case .stale: .stale
        case .regrade: .regrade
        case .upcoming: .upcoming
        case .payment: .payment
        case .stuck: .stuck
        case .closePassed: .closePassed
        case .renewal: .renewal
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
        case .overdue(let due, let title):
            out.appendDecimal(days)
            out.append(days == 1 ? " day overdue (due " : " days overdue (due ")
            Self.writeWhen(due, to: &out)
            out.append(")")
            Self.writeSuffix(title, to: &out)
        case .due(let time, let title):
            out.append("due today")
            if let time {
                out.append(" at ")
                time.appendText(to: &out)
            }
            Self.writeSuffix(title, to: &out)
        case .forgotten(let grade, let cadence, let own):
            out.append(grade?.rawValue ?? "ungraded")
            out.append(" · ")
            out.appendDecimal(days)
            out.append(own ? " days since last contact (own cadence " : " days since last contact (cadence ")
            out.appendDecimal(cadence)
            out.append(")")
        case .visit(let every, let never):
            out.append(never ? "A · never visited, added " : "A · ")
            out.appendDecimal(days)
            out.append(never ? " days ago (visit every " : " days since the last visit (visit every ")
            out.appendDecimal(every)
            out.append(")")
        case .uncontacted(let within):
            out.append("new, never contacted: added ")
            out.appendDecimal(days)
            out.append(days == 1 ? " day ago (contact within " : " days ago (contact within ")
            out.appendDecimal(within)
            out.append(")")
        case .silent(let attempts):
            out.append("silent: the last ")
            out.appendDecimal(attempts)
            out.append(" attempts went unanswered, the last ")
            out.appendDecimal(days)
            out.append(" days ago — a light touch")
        case .birthday(let person, let on, let turns):
            if let person {
                out.append(person)
                out.append("'s birthday ")
            } else {
                out.append("birthday ")
            }
            switch days {
            case 0: out.append("today")
            case 1: out.append("tomorrow")
            default:
                out.append("in ")
                out.appendDecimal(days)
                out.append(" days")
            }
            out.append(" (")
            out.append(on.weekday.shortName)
            out.append(" ")
            on.appendISO(to: &out)
            out.append(")")
            if let turns {
                out.append(", turns ")
                out.appendDecimal(turns)
            }
        case .stale(let due, let title):
            out.append("open ")
            out.appendDecimal(days)
            out.append(" days (due ")
            due.appendISO(to: &out)
            out.append(") with nothing logged since")
            Self.writeSuffix(title, to: &out)
            out.append(" — close it?")
        case .regrade(let from, let to, let why):
            out.append(from?.rawValue ?? "ungraded")
            out.append(" → ")
            out.append(to?.rawValue ?? "ungraded")
            out.append(" suggested: ")
            out.append(why)
        case .upcoming(let due, let title):
            out.append(days == 1 ? "due tomorrow (" : "due in ")
            if days != 1 {
                out.appendDecimal(days)
                out.append(" days (")
            }
            Self.writeWhen(due, to: &out)
            out.append(")")
            Self.writeSuffix(title, to: &out)
        case .payment(let contract, let position, let due, let remaining):
            out.append(remaining.formatted)
            out.append(" ")
            out.append(remaining.currency.code)
            out.append(" on ")
            out.append(contract)
            out.append("/")
            out.appendDecimal(position)
            switch days {
            case 1...:
                out.append(" is ")
                out.appendDecimal(days)
                out.append(days == 1 ? " day overdue (due " : " days overdue (due ")
            case 0: out.append(" is due today (")
            default:
                out.append(" is due in ")
                out.appendDecimal(-days)
                out.append(days == -1 ? " day (" : " days (")
            }
            due.appendISO(to: &out)
            out.append(")")
        case .stuck(let title, let stage, let amount):
            out.append("in ")
            out.append(stage.rawValue)
            out.append(", nothing done for ")
            out.appendDecimal(days)
            out.append(" days: ")
            out.append(title)
            Self.writeAmount(amount, to: &out)
        case .closePassed(let title, let stage, let expected, let amount):
            out.append("in ")
            out.append(stage.rawValue)
            out.append(", expected to close ")
            expected.appendISO(to: &out)
            out.append(", ")
            out.appendDecimal(days)
            out.append(days == 1 ? " day ago: " : " days ago: ")
            out.append(title)
            Self.writeAmount(amount, to: &out)
        case .renewal(let contract, let ends):
            out.append("contract ")
            out.append(contract)
            out.append(days == 0 ? " ends today (" : " ends in ")
            if days != 0 {
                out.appendDecimal(days)
                out.append(days == 1 ? " day (" : " days (")
            }
            ends.appendISO(to: &out)
            out.append(") — renew?")
        }
    }

    private static func writeAmount(_ amount: Money, to out: inout ByteSink) {
        out.append(" (")
        out.append(amount.formatted)
        out.append(" ")
        out.append(amount.currency.code)
        out.append(")")
    }

    private static func writeWhen(_ when: When, to out: inout ByteSink) {
        when.day.appendISO(to: &out)
        if let time = when.time {
            out.append(UInt8(ascii: " "))
            time.appendText(to: &out)
        }
    }

    private static func writeSuffix(_ title: String, to out: inout ByteSink) {
        guard !title.isEmpty else { return }
        out.append(": ")
        out.append(title)
    }
}

/// The rules, named as `rapport today --json` names them; the order is the today view's.
public enum ReminderRuleKind: String, CaseIterable, Sendable, Codable {
    case overdue, due, payment, forgotten, visit, uncontacted, silent, stuck, closePassed = "close-passed", renewal, birthday
    case stale, regrade, upcoming

    /// The heading of the rule's group in the today view.
    public var heading: String {
        switch self {
        case .overdue: "Overdue follow-ups"
        case .due: "Due today"
        case .forgotten: "Forgotten customers"
        case .visit: "Due for a visit"
        case .uncontacted: "New, not yet contacted"
        case .silent: "Silent — try a light touch"
        case .birthday: "Birthdays"
        case .stale: "Stale follow-ups"
        case .regrade: "Grade review"
        case .upcoming: "Coming up"
        case .payment: "Payments due (回款)"
        case .stuck: "Stuck deals"
        case .closePassed: "Deals past their close date"
        case .renewal: "Contracts up for renewal"
        }
    }

    /// Overdue follow-ups and forgotten customers: what `rapport today --check` fails on.
    public var needsAttention: Bool { self == .overdue || self == .forgotten }
}

/// What the scanner and the customer list need to know about a customer.
public struct CustomerSummary: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var company: String?
    public var grade: Grade?
    public var status: CustomerStatus
    /// The day the customer was added.
    public var addedOn: Day
    /// The day of the last logged contact; nil when never contacted.
    public var lastContactOn: Day?
    /// The customer's own cadence (0: never chased), or nil for the grade's.
    public var cadenceDays: Int?
    /// The day of the last visit or meeting.
    public var lastVisitOn: Day?
    /// The day of the last failed attempt, when the customer is silent.
    public var silentSince: Day?

    public init(id: Int64, name: String, company: String?, grade: Grade?, status: CustomerStatus,
                addedOn: Day, lastContactOn: Day?, cadenceDays: Int? = nil, lastVisitOn: Day? = nil, silentSince: Day? = nil) {
        self.id = id
        self.name = name
        self.company = company
        self.grade = grade
        self.status = status
        self.addedOn = addedOn
        self.lastContactOn = lastContactOn
        self.cadenceDays = cadenceDays
        self.lastVisitOn = lastVisitOn
        self.silentSince = silentSince
    }

    /// Whole days since the last contact, or since the customer was added when never contacted.
    public func daysSinceContact(today: Day) -> Int {
        (lastContactOn ?? addedOn).days(until: today)
    }

    /// Never chased: lost, dormant, or a cadence of none.
    public var isChased: Bool { status.isChased && cadenceDays != 0 }
}

/// An open follow-up with its customer, as the scanner reads it.
public struct DueFollowUp: Hashable, Sendable {
    public var id: Int64
    public var customer: CustomerSummary
    public var due: When
    public var title: String
    /// The day the promise was made.
    public var createdOn: Day

    public init(id: Int64, customer: CustomerSummary, due: When, title: String, createdOn: Day? = nil) {
        self.id = id
        self.customer = customer
        self.due = due
        self.title = title
        self.createdOn = createdOn ?? due.day
    }
}

/// A birthday coming up: the customer's own, or a contact person's.
public struct BirthdayEntry: Hashable, Sendable {
    public var customer: CustomerSummary
    /// The contact person whose birthday it is, or nil for the customer's.
    public var contactID: Int64?
    public var contactName: String?
    public var birthday: Birthday

    public init(customer: CustomerSummary, contactID: Int64? = nil, contactName: String? = nil, birthday: Birthday) {
        self.customer = customer
        self.contactID = contactID
        self.contactName = contactName
        self.birthday = birthday
    }
}

/// A customer the grade review looks at, with their activity in the review window.
public struct RegradeCandidate: Hashable, Sendable {
    public var customer: CustomerSummary
    /// Interactions logged in the review window.
    public var interactions: Int
    /// An open follow-up (an open deal, once deals exist): an opportunity.
    public var hasOpportunity: Bool

    public init(customer: CustomerSummary, interactions: Int, hasOpportunity: Bool) {
        self.customer = customer
        self.interactions = interactions
        self.hasOpportunity = hasOpportunity
    }
}

/// An open deal as the pipeline's rules read it.
public struct DealSummary: Hashable, Sendable {
    public var id: Int64
    public var customer: CustomerSummary
    public var title: String
    public var stage: Stage
    public var amount: Money
    public var expectedClose: Day?
    /// The day of the last thing done on it (created, moved, edited, ticked, customer contacted).
    public var lastActivityOn: Day

    public init(id: Int64, customer: CustomerSummary, title: String, stage: Stage, amount: Money, expectedClose: Day?,
                lastActivityOn: Day) {
        self.id = id
        self.customer = customer
        self.title = title
        self.stage = stage
        self.amount = amount
        self.expectedClose = expectedClose
        self.lastActivityOn = lastActivityOn
    }
}

/// An instalment with money still to come in.
public struct InstalmentDue: Hashable, Sendable {
    public var id: Int64
    public var contractID: Int64
    public var contractNumber: String
    public var dealID: Int64?
    public var position: Int
    public var dueOn: Day
    public var remaining: Money
    public var customer: CustomerSummary

    public init(id: Int64, contractID: Int64, contractNumber: String, dealID: Int64?, position: Int, dueOn: Day,
                remaining: Money, customer: CustomerSummary) {
        self.id = id
        self.contractID = contractID
        self.contractNumber = contractNumber
        self.dealID = dealID
        self.position = position
        self.dueOn = dueOn
        self.remaining = remaining
        self.customer = customer
    }
}

/// A contract coming to its end.
public struct ContractEnding: Hashable, Sendable {
    public var id: Int64
    public var number: String
    public var dealID: Int64?
    public var endsOn: Day
    public var customer: CustomerSummary

    public init(id: Int64, number: String, dealID: Int64?, endsOn: Day, customer: CustomerSummary) {
        self.id = id
        self.number = number
        self.dealID = dealID
        self.endsOn = endsOn
        self.customer = customer
    }
}
