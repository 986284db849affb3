/// A dated promise to contact the customer again.
public struct FollowUp: Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var customerID: Int64
    public var due: Day
    public var time: ClockTime?
    public var title: String
    public var status: FollowUpStatus
    public var doneAt: LocalDateTime?
    public var createdAt: LocalDateTime

    public init(customerID: Int64, due: When, title: String, createdAt: LocalDateTime) {
        id = nil
        self.customerID = customerID
        self.due = due.day
        time = due.time
        self.title = title
        status = .open
        doneAt = nil
        self.createdAt = createdAt
    }

    /// Due day and time as one value.
    public var when: When { When(day: due, time: time) }
}

/// A follow-up with the name of its customer, as `rapport followup list` shows it.
public struct FollowUpListRow: Hashable, Sendable {
    public var followUp: FollowUp
    public var customerName: String

    public init(followUp: FollowUp, customerName: String) {
        self.followUp = followUp
        self.customerName = customerName
    }
}

/// Whether a follow-up is still to be done.
public enum FollowUpStatus: String, Sendable, Codable, CaseIterable {
    case open, done
}
