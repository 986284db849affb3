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
