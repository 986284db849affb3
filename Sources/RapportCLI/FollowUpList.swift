import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

extension FollowUpCommand {
    /// `rapport followup list [<customer>] [--all] [--json]`
    struct ListFollowUps: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the open follow-ups, soonest first: everyone's, or one customer's.",
            discussion: "Examples: rapport followup list   rapport followup list wjg --all   (the numbers are what edit, reopen, rm and done take)"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Only this customer's: #id, name, prefix, phone or pinyin.") var customer: String?
        @Flag(help: "The done ones too, after the open ones.") var all = false
        @Flag(help: "Print JSON instead of text.") var json = false

        func run() throws {
            let session = try global.session()
            let db = session.database
            let id = try customer.map { reference -> Int64 in
                guard let id = try db.resolveCustomer(reference).id else { throw RapportError.customerNotFound(reference) }
                return id
            }
            let rows = try db.followUpList(customerID: id, includingDone: all)
            if json {
                var w = JSONWriter()
                w.beginArray()
                rows.forEach { w.followUp($0.followUp) }
                w.endArray()
                w.newline()
                Terminal.write(w.bytes)
                return
            }
            guard !rows.isEmpty else {
                Terminal.write(all ? "No follow-ups.\n" : "No open follow-ups.\n")
                return
            }
            var table = TextTable([.init(title: "ID", alignment: .right), .init(title: "Due"), .init(title: "Customer", maxWidth: 24),
                                   .init(title: "Follow-up", maxWidth: 40), .init(title: "")])
            for row in rows {
                let f = row.followUp
                let due = RelativeDay.dated(f.when)
                let state = f.status == .done ? "done " + (f.doneAt?.day.iso ?? "") : RelativeDay.describe(f.due, today: session.today)
                table.append([String(f.id ?? 0), due, row.customerName, f.title, state],
                             style: f.status == .open && f.due < session.today ? .red : nil)
            }
            Terminal.write(table.render())
        }
    }
}
