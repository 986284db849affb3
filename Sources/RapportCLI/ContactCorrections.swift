import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

// Correcting a contact person: other details, or gone.
extension ContactCommand {
    /// `rapport contact edit <id> [--name --role --phone --email --birthday --notes]`
    struct EditContact: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a contact person's details; an empty value clears a field (--email '').",
            discussion: "Example: rapport contact edit 3 --role influencer --phone 139-0000-2222"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contact person's number (as `contact list` prints it).") var id: Int64
        @Option(help: "A new name.") var name: String?
        @OptionGroup var fields: ContactFields

        func validate() throws {
            guard name != nil || !fields.isEmpty else { throw ValidationError("Give at least one field to change, e.g. --phone") }
        }

        func run() throws {
            let session = try global.session()
            let db = session.database
            guard var person = try db.contactPerson(id: id) else {
                throw RapportError.notFound(what: "contact person", reference: String(id))
            }
            if let name { try ContactPersonField.name.apply(name, to: &person) }
            try fields.apply(to: &person)
            try db.updateContactPerson(person)
            Terminal.write("Updated contact person \(id) \(TerminalText.sanitized(person.name))\n")
        }
    }

    /// `rapport contact rm <id>`
    struct RemoveContact: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Delete a contact person; interactions logged with them stay on the timeline without the person.",
            discussion: "Example: rapport contact rm 3"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contact person's number.") var id: Int64

        func run() throws {
            let session = try global.session()
            let removed = try session.database.removeContactPerson(id: id)
            let n = removed.interactions
            Terminal.write("Removed contact \(id) \(TerminalText.sanitized(removed.person.name)) of "
                           + "\(TerminalText.sanitized(removed.customerName)) (#\(removed.person.customerID))"
                           + (n == 0 ? "" : "; \(n) logged interaction\(n == 1 ? " keeps its" : "s keep their") entry without the contact")
                           + "\n")
        }
    }
}
