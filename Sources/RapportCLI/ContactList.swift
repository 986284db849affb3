import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

extension ContactCommand {
    /// `rapport contact list <customer> [--json]`
    struct ListContacts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List a company customer's contact persons.",
            discussion: "Example: rapport contact list 华信   (the numbers are what edit and rm take)"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company customer: #id, name, prefix, phone or pinyin.") var customer: String
        @Flag(help: "Print JSON instead of text.") var json = false

        func run() throws {
            let session = try global.session()
            let company = try session.database.resolveCustomer(customer)
            guard let id = company.id else { throw RapportError.customerNotFound(customer) }
            let people = try session.database.contactPersons(customerID: id)
            if json {
                var w = JSONWriter()
                w.beginArray()
                people.forEach { w.contact($0) }
                w.endArray()
                w.newline()
                Terminal.write(w.bytes)
                return
            }
            guard !people.isEmpty else {
                Terminal.write("No contact persons for \(TerminalText.sanitized(company.name)) (#\(id)).\n")
                return
            }
            var table = TextTable([.init(title: "ID", alignment: .right), .init(title: "Name", maxWidth: 24), .init(title: "Role"),
                                   .init(title: "Phone"), .init(title: "Email"), .init(title: "Birthday"), .init(title: "Notes")])
            for p in people {
                table.append([String(p.id ?? 0), p.name, p.role?.rawValue ?? "", p.phone ?? "", p.email ?? "",
                              p.birthday?.shown ?? "", p.notes ?? ""])
            }
            Terminal.write(table.render())
        }
    }
}
