/// Where a customer stands with the seller.
public enum CustomerStatus: String, CaseIterable, Sendable, Codable {
    case lead, prospect, customer, dormant, lost

    /// Dormant and lost customers are not chased by the reminders.
    public var isChased: Bool { self != .dormant && self != .lost }
}
