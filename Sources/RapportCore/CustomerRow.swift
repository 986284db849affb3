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
