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
/// line (so the reminder says what to follow up on), or the kind when there is no note.
public enum NextFollowUpTitle {
    public static func from(_ interaction: Interaction) -> String {
        let firstLine = interaction.note.split(whereSeparator: \.isNewline).first.map(String.init)?.trimmingSpaces() ?? ""
        guard !firstLine.isEmpty else { return "follow up after the \(interaction.kind.rawValue)" }
        return firstLine.count > 100 ? String(firstLine.prefix(99)) + "…" : firstLine
    }
}
