import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

// Correcting a follow-up: another day or title, open again, or gone.
extension FollowUpCommand {
    /// `Fri 2026-11-27 14:30 (in 4 days)`.
    static func due(_ f: FollowUp, today: Day) -> String {
        RelativeDay.dated(f.when, today: today) + Language.say(" (\(RelativeDay.describe(f.due, today: today)))",
                                                               "（\(RelativeDay.describe(f.due, today: today))）")
    }

    /// The day a follow-up is promised for, which cannot be in the past.
    static func due(_ expression: String, today: Day) throws -> When {
        let due = try When(expression: expression, today: today)
        guard due.day >= today else {
            throw RapportError.invalid(field: "follow-up day", value: expression, expected: "it cannot be in the past")
        }
        return due
    }

    /// ` · 回访报价`, or nothing for an untitled follow-up.
    static func titled(_ f: FollowUp) -> String {
        f.title.isEmpty ? "" : " · " + TerminalText.sanitized(f.title)
    }

    /// `rapport followup edit <id> [WHEN] [--title TITLE]`
    struct EditFollowUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Move an open follow-up to another day, or change its title.",
            discussion: HelpText.fitted("Examples: rapport followup edit 17 下周一 14:30   rapport followup edit 17 --title 回访报价")
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The follow-up's number (as `followup list`, `today` and `show` print it).") var id: Int64
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The new day — 周五, tomorrow 14:00, +2w, 2026-12-01, …", valueName: "when"))
        var when: [String] = []
        @Option(help: "The new title.") var title: String?

        func validate() throws {
            guard !(try FreeText.words(when)).isEmpty || title != nil else {
                throw ValidationError("Give a new day, a new --title, or both")
            }
        }

        func run() throws {
            let session = try global.session()
            let words = try FreeText.words(when)
            let due = try words.isEmpty ? nil : FollowUpCommand.due(words.joined(separator: " "), today: session.today)
            let text = try title.map { try FieldLimits.within($0.trimmingSpaces(), field: "title", limit: FieldLimits.shortText) }
            let f = try session.database.editFollowUp(id: id, due: due, title: text)
            Terminal.write("Follow-up \(id): " + FollowUpCommand.due(f, today: session.today) + FollowUpCommand.titled(f) + "\n")
        }
    }

    /// `rapport followup reopen <id>`
    struct ReopenFollowUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reopen",
            abstract: "Open a follow-up marked done by mistake again, due on its day.",
            discussion: "Example: rapport followup reopen 17"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The follow-up's number (`followup list --all` shows the done ones).") var id: Int64

        func run() throws {
            let session = try global.session()
            let f = try session.database.reopenFollowUp(id: id)
            Terminal.write("Reopened follow-up \(id): due " + FollowUpCommand.due(f, today: session.today) + FollowUpCommand.titled(f) + "\n")
        }
    }

    /// `rapport followup rm <id>`
    struct RemoveFollowUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Delete a follow-up made by mistake (one kept and done belongs in `followup done`).",
            discussion: "Example: rapport followup rm 17"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The follow-up's number.") var id: Int64

        func run() throws {
            let session = try global.session()
            let f = try session.database.removeFollowUp(id: id)
            Terminal.write("Removed follow-up \(id) (\(f.status == .done ? "done" : "due") \(f.due.iso)"
                           + (f.title.isEmpty ? "" : ": " + TerminalText.sanitized(f.title)) + ")\n")
        }
    }
}
