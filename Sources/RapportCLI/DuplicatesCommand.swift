import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport duplicates [--json]`
struct DuplicatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: "List customers that are likely one: the same phone, email, or name at the same company.",
        discussion: """
            A phone is read without China's +86 and its punctuation; a name in Han characters and its
            pinyin in letters (王建国, Wang Jianguo) are the same name. Each group lists its oldest
            customer first, the one to keep: rapport merge <keep> <other>. Example: rapport duplicates
            """
    )

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        let session = try global.session()
        let groups = try session.database.duplicateGroups()
        if json {
            Terminal.write(Self.json(groups))
            return
        }
        guard !groups.isEmpty else {
            Terminal.write("No likely duplicates.\n")
            return
        }
        let customers = groups.reduce(0) { $0 + $1.customers.count }
        var out = "\(groups.count.grouped) \(groups.count == 1 ? "group" : "groups") of likely duplicates, \(customers.grouped) customers:\n"
        for (i, group) in groups.enumerated() {
            out += "\n\(i + 1). " + TerminalText.sanitized(group.reasons.joined(separator: "; ")) + "\n"
            var table = TextTable([.init(title: "ID", alignment: .right), .init(title: "Name", maxWidth: 24), .init(title: "Company", maxWidth: 24),
                                   .init(title: "Phones", maxWidth: 32), .init(title: "Emails", maxWidth: 32), .init(title: "Added")])
            for c in group.customers {
                table.append([String(c.id), c.name, c.company ?? "", c.phones.joined(separator: ", "), c.emails.joined(separator: ", "),
                              c.addedOn.iso])
            }
            for line in table.render().split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                out += "   " + line + "\n"
            }
        }
        out += "\n`rapport merge <keep> <other>` merges the other into the one kept; `rapport undo` takes a merge back.\n"
        Terminal.write(out)
    }

    static func json(_ groups: [DuplicateGroup]) -> [UInt8] {
        var w = JSONWriter()
        w.beginArray()
        for group in groups {
            w.beginObject()
            w.key("reasons")
            w.beginArray()
            for reason in group.reasons { w.string(reason) }
            w.endArray()
            w.key("customers")
            w.beginArray()
            for c in group.customers {
                w.beginObject()
                w.field("id", c.id)
                w.field("name", c.name)
                w.field("company", c.company)
                w.key("phones")
                w.beginArray()
                for phone in c.phones { w.string(phone) }
                w.endArray()
                w.key("emails")
                w.beginArray()
                for email in c.emails { w.string(email) }
                w.endArray()
                w.field("added_on", c.addedOn.iso)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.newline()
        return w.bytes
    }
}
