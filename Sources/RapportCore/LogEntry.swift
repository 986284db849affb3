/// What logging an interaction did, beyond saving it.
public struct LoggedInteraction: Hashable, Sendable {
    public var interaction: Interaction
    /// The customer's earliest open follow-up due by the interaction's day, now done.
    public var closed: FollowUp?
    /// The follow-up the `next` date asked for.
    public var created: FollowUp?

    public init(interaction: Interaction, closed: FollowUp?, created: FollowUp?) {
        self.interaction = interaction
        self.closed = closed
        self.created = created
    }
}

/// The title a follow-up gets when logging an interaction schedules it: the note's first
/// line (so the reminder says what to follow up on), or, with no note, the kind — in
/// Chinese for a customer whose name is written in Chinese (`电话后跟进`).
public enum NextFollowUpTitle {
    public static func from(_ interaction: Interaction, customerName: String) -> String {
        let firstLine = interaction.note.split(whereSeparator: \.isNewline).first.map(String.init)?.trimmingSpaces() ?? ""
        guard firstLine.isEmpty else { return firstLine.count > 100 ? String(firstLine.prefix(99)) + "…" : firstLine }
        guard Pinyin.hasHan(customerName) else { return "follow up after the \(interaction.kind.rawValue)" }
        return switch interaction.kind {
        case .call: "电话后跟进"
        case .email: "邮件后跟进"
        case .visit: "拜访后跟进"
        case .meeting: "会议后跟进"
        case .message: "消息后跟进"
        case .note: "跟进"
        }
    }
}
