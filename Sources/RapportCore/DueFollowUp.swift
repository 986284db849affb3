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
