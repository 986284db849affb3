/// One line of the today view: who to contact, which rule says so, and why.
public struct Reminder: Hashable, Sendable {
    public var customer: CustomerSummary
    public var followUpID: Int64?
    /// The rule's own count of days: overdue by, or since last contact.
    public var days: Int
    public var urgency: Double
    /// Why, as data; `detail` puts it in words when something prints it.
    public var reason: ReminderReason

    public init(customer: CustomerSummary, followUpID: Int64? = nil, days: Int, urgency: Double, reason: ReminderReason) {
        self.customer = customer
        self.followUpID = followUpID
        self.days = days
        self.urgency = urgency
        self.reason = reason
    }

    /// The rule that raised this reminder.
    public var rule: ReminderRuleKind { reason.rule }

    /// The reason in words (`A · 23 days since last contact (cadence 14)`).
    public var detail: String { reason.text(days: days) }
}

/// Why a reminder was raised, one case per rule, with what its sentence needs.
public enum ReminderReason: Hashable, Sendable {
    case overdue(due: When, title: String)
    case due(time: ClockTime?, title: String)
    case forgotten(grade: Grade?, cadence: Int, neverContacted: Bool)

    public var rule: ReminderRuleKind {
        switch self {
        case .overdue: .overdue
        case .due: .due
        case .forgotten: .forgotten
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
            due.day.appendISO(to: &out)
            if let time = due.time {
                out.append(UInt8(ascii: " "))
                time.appendText(to: &out)
            }
            out.append(")")
            Self.writeSuffix(title, to: &out)
        case .due(let time, let title):
            out.append("due today")
            if let time {
                out.append(" at ")
                time.appendText(to: &out)
            }
            Self.writeSuffix(title, to: &out)
        case .forgotten(let grade, let cadence, let never):
            out.append(grade?.rawValue ?? "ungraded")
            out.append(never ? " · never contacted, added " : " · ")
            out.appendDecimal(days)
            out.append(never ? " days ago (cadence " : " days since last contact (cadence ")
            out.appendDecimal(cadence)
            out.append(")")
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
    case overdue, due, forgotten

    /// The heading of the rule's group in the today view.
    public var heading: String {
        switch self {
        case .overdue: "Overdue follow-ups"
        case .due: "Due today"
        case .forgotten: "Forgotten customers"
        }
    }
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

    public init(id: Int64, name: String, company: String?, grade: Grade?, status: CustomerStatus,
                addedOn: Day, lastContactOn: Day?) {
        self.id = id
        self.name = name
        self.company = company
        self.grade = grade
        self.status = status
        self.addedOn = addedOn
        self.lastContactOn = lastContactOn
    }

    /// Whole days since the last contact, or since the customer was added when never contacted.
    public func daysSinceContact(today: Day) -> Int {
        (lastContactOn ?? addedOn).days(until: today)
    }
}

/// An open follow-up with its customer, as the scanner reads it.
public struct DueFollowUp: Hashable, Sendable {
    public var id: Int64
    public var customer: CustomerSummary
    public var due: When
    public var title: String

    public init(id: Int64, customer: CustomerSummary, due: When, title: String) {
        self.id = id
        self.customer = customer
        self.due = due
        self.title = title
    }
}
