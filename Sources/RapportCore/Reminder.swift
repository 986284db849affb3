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
