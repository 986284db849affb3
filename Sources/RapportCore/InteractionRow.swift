/// One row of an imported call history, read but not yet matched to a customer.
public struct InteractionRow: Hashable, Sendable {
    /// How the row names its customer: a name, a phone number, or `#id`; the importer
    /// resolves it as the command line resolves a customer reference.
    public var reference: String
    public var kind: InteractionKind
    public var at: LocalDateTime
    public var outcome: Outcome?
    public var note: String
    /// The line of the file the row starts on, for messages about it.
    public var line: Int

    /// A row read from `line` of the file.
    public init(reference: String, kind: InteractionKind, at: LocalDateTime, outcome: Outcome?, note: String, line: Int) {
        self.reference = reference
        self.kind = kind
        self.at = at
        self.outcome = outcome
        self.note = note
        self.line = line
    }
}
