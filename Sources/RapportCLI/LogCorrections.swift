import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

// Correcting a logged interaction: another kind, time, outcome, note or person, or gone.
extension Log {
    /// `rapport log edit <id> [--kind --at --outcome --note --contact]`
    struct EditInteraction: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct a logged interaction; the contact clock follows.",
            discussion: """
                The number is in `rapport show`. --contact none takes the person off, --outcome none
                the outcome. Examples: rapport log edit 12 --at "昨天 15:00"   rapport log edit 12 --kind visit --note 现场演示
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The interaction's number, as `rapport show` prints it.") var id: Int64
        @Option(help: "call, email, visit, meeting, message or note.") var kind: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("When it happened, e.g. --at yesterday or --at \"2026-11-20 15:30\".", valueName: "when"))
        var at: String?
        @Option(help: "reached, no-answer, replied, no-reply, or none.") var outcome: String?
        @Option(parsing: .unconditional, help: "What was said, in place of the note.") var note: String?
        @Option(help: ArgumentHelp("The contact person spoken to: #id or name, or none.", valueName: "person")) var contact: String?

        func validate() throws {
            guard kind != nil || at != nil || outcome != nil || note != nil || contact != nil else {
                throw ValidationError("Give what to correct: --kind, --at, --outcome, --note or --contact")
            }
        }

        func run() throws {
            let session = try global.session()
            let db = session.database
            guard var i = try db.interaction(id: id) else { throw RapportError.notFound(what: "interaction", reference: String(id)) }
            if let kind { i.kind = try Log.kind(kind) }
            // A new day alone keeps the entry's time of day.
            if let at { i.at = try Log.moment(at, session, defaultTime: i.at.time).at }
            if let outcome { i.outcome = try Log.outcome(outcome) }
            if let note { i.note = try Log.note(note.trimmingSpaces()) }
            if let contact {
                i.contactID = contact.lowercased() == "none" ? nil : try ContactCommand.resolvePerson(contact, of: i.customerID, in: db)
            }
            let saved = try db.editInteraction(i, now: session.now)
            Terminal.write("Interaction \(id): \(saved.at.text) \(saved.kind.rawValue)" + (saved.outcome.map { ", \($0.rawValue)" } ?? "")
                + (saved.note.isEmpty ? "" : " · " + TerminalText.sanitized(saved.note)) + "\n")
        }
    }

    /// `rapport log rm <id>`
    struct RemoveInteraction: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Remove a logged interaction, putting the customer back where they were.",
            discussion: """
                The follow-up it closed opens again, the next one it scheduled goes (while still open),
                and the contact clock counts from the entries left. Example: rapport log rm 12
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The interaction's number, as `rapport show` prints it.") var id: Int64

        func run() throws {
            let session = try global.session()
            let removed = try session.database.removeInteraction(id: id, now: session.now)
            let i = removed.interaction
            var out = "Removed \(i.kind.rawValue) \(id) of \(i.at.text)\n"
            for f in removed.reopened { out += "Reopened follow-up \(f.id ?? 0): " + FollowUpCommand.due(f, today: session.today) + FollowUpCommand.titled(f) + "\n" }
            for f in removed.unscheduled { out += "Removed follow-up \(f.id ?? 0) it had scheduled" + FollowUpCommand.titled(f) + "\n" }
            Terminal.write(out + "`rapport undo` takes this back.\n")
        }
    }
}
