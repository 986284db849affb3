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
