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
