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
