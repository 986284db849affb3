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
