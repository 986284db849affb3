import RapportBase

/// Every setting: the reminders' numbers and the pipeline's data.
public struct Settings: Hashable, Sendable {
    public var reminders: ReminderSettings
    public var pipeline: PipelineSettings
    /// How long the history keeps a change that can be undone.
    public var historyDays = 90
    /// The interface's language, or nil to follow the environment.
    public var language: Language?

    public static let defaults = Settings(reminders: .defaults, pipeline: .defaults)

    public init(reminders: ReminderSettings, pipeline: PipelineSettings) {
        self.reminders = reminders
        self.pipeline = pipeline
    }
}
