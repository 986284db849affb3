/// The seller's A/B/C grading of a customer: A the most valuable, contacted most often.
public enum Grade: String, CaseIterable, Sendable, Codable {
    case a = "A", b = "B", c = "C"

    /// Reads `A`, `b`, … (case-insensitive); `none` and the empty string are not grades.
    public init?(text: String) {
        self.init(rawValue: text.uppercased())
    }
}

/// Where a customer stands with the seller.
public enum CustomerStatus: String, CaseIterable, Sendable, Codable {
    case lead, prospect, customer, dormant, lost

    /// Dormant and lost customers are not chased by the reminders.
    public var isChased: Bool { self != .dormant && self != .lost }
}

/// A person or a company (a company has contact persons under it).
public enum CustomerKind: String, CaseIterable, Sendable, Codable {
    case person, company
}

/// The channel a customer prefers to be reached on.
public enum ContactChannel: String, CaseIterable, Sendable, Codable {
    case phone, email, message, wechat, visit
}

/// Where a customer came from.
///
/// Free text in the store, so a seller can name their own channels; these are the ones
/// the process guides name, offered in help and used by the demo book.
public enum SourceChannel {
    public static let known = ["trade-show", "referral", "website", "cold-call", "advertising", "social", "partner", "event"]
}
