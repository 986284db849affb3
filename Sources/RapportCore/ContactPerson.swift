import RapportBase

/// A person the seller deals with inside a company customer.
public struct ContactPerson: Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var customerID: Int64
    public var name: String
    public var role: DecisionRole?
    public var phone: String?
    public var email: String?
    public var birthday: Birthday?
    public var notes: String?

    public init(customerID: Int64, name: String) {
        id = nil
        self.customerID = customerID
        self.name = name
        role = nil
        phone = nil
        email = nil
        birthday = nil
        notes = nil
    }
}

/// The part a contact person plays in the buying decision.
public enum DecisionRole: String, CaseIterable, Sendable, Codable {
    case decisionMaker = "decision-maker"
    case influencer
    case user
    case gatekeeper

    /// The role in the interface's words.
    public var said: String {
        Language.say(rawValue, ["决策者", "影响者", "使用者", "把关人"][DecisionRole.allCases.firstIndex(of: self) ?? 0])
    }
}
