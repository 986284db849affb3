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
    /// Other rules' reminders about the same follow-up, told on this one's line (an overdue
    /// follow-up that is also stale); set by `ReminderReport.groups`.
    public var also: [Reminder] = []

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
    public var detail: String { ([reason.text(days: days)] + also.map { $0.reason.brief(days: $0.days) }).joined(separator: " · ") }
}
