/// Everything `rapport show` and the TUI's card show about one customer.
public struct CustomerCard: Hashable, Sendable {
    public var customer: Customer
    public var contacts: [ContactPerson]
    /// Open follow-ups, soonest first.
    public var openFollowUps: [FollowUp]
    /// Interactions, newest first.
    public var timeline: [Interaction]

    public init(customer: Customer, contacts: [ContactPerson], openFollowUps: [FollowUp], timeline: [Interaction]) {
        self.customer = customer
        self.contacts = contacts
        self.openFollowUps = openFollowUps
        self.timeline = timeline
    }
}

/// One line of the customer list.
public struct CustomerRow: Hashable, Sendable {
    public var summary: CustomerSummary
    public var city: String?
    public var phone: String?
    public var nextFollowUp: When?

    public init(summary: CustomerSummary, city: String?, phone: String?, nextFollowUp: When?) {
        self.summary = summary
        self.city = city
        self.phone = phone
        self.nextFollowUp = nextFollowUp
    }
}

/// Which customers `rapport list` shows; nil fields do not filter.
public struct CustomerFilter: Hashable, Sendable {
    public enum GradeChoice: Hashable, Sendable {
        case grade(Grade)
        case ungraded
    }

    public var grade: GradeChoice?
    public var tag: String?
    public var city: String?
    public var status: CustomerStatus?

    public init(grade: GradeChoice? = nil, tag: String? = nil, city: String? = nil, status: CustomerStatus? = nil) {
        self.grade = grade
        self.tag = tag
        self.city = city
        self.status = status
    }
}
