/// A birthday coming up: the customer's own, or a contact person's.
public struct BirthdayEntry: Hashable, Sendable {
    public var customer: CustomerSummary
    /// The contact person whose birthday it is, or nil for the customer's.
    public var contactID: Int64?
    public var contactName: String?
    public var birthday: Birthday

    public init(customer: CustomerSummary, contactID: Int64? = nil, contactName: String? = nil, birthday: Birthday) {
        self.customer = customer
        self.contactID = contactID
        self.contactName = contactName
        self.birthday = birthday
    }
}
