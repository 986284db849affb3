import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport history [<customer>] [--json] [--limit N]`
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the changes made to the book, newest first: when, which command, what it did.",
        discussion: """
            Each change can be taken back: `rapport undo` the newest, `rapport undo --change ID`
            one alone. Changes are kept for `history.days` days (90; `rapport config`).
            Examples: rapport history   rapport history wjg   rapport history --json
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Only the changes touching this customer.") var customer: String?
    @Option(help: "At most this many changes.") var limit: Int = 50
    @Flag(help: "Print JSON instead of text.") var json = false

    func validate() throws {
        guard limit >= 1, limit <= 100_000 else { throw ValidationError("The limit must be from 1 to 100000, not \(limit)") }
    }

    func run() throws {
        let session = try global.session()
        let customerID = try customer.map { reference -> Int64 in
            guard let id = try session.database.resolveCustomer(reference).id else { throw RapportError.customerNotFound(reference) }
            return id
        }
        let entries = try session.database.history(customer: customerID, limit: limit)
        if json {
            var w = JSONWriter()
            w.beginArray()
            for e in entries {
                w.beginObject()
                w.field("id", e.id)
                w.field("made_at", e.madeAt.text)
                w.field("command", e.command)
                w.field("summary", e.summary)
                w.field("state", e.state.rawValue)
                w.key("customers")
                w.beginArray()
                for c in e.customers { w.int(c) }
                w.endArray()
                w.endObject()
            }
            w.endArray()
            w.newline()
            Terminal.write(w.bytes)
            return
        }
        guard !entries.isEmpty else {
            Terminal.write(customer == nil ? "No changes yet.\n" : "No changes touch this customer.\n")
            return
        }
        var table = TextTable([.init(title: "ID", alignment: .right), .init(title: "When"), .init(title: "Change", maxWidth: 70),
                               .init(title: "Command", maxWidth: 60)])
        for e in entries {
            table.append([String(e.id), e.madeAt.text, (e.state == .undone ? "(undone) " : "") + e.summary, e.command],
                         style: e.state == .undone ? .dim : nil)
        }
        Terminal.write(table.render())
    }

    /// A change in one line: `#12 logged call with 王建国 (#1) at 2026-11-23 14:02`.
    static func told(_ entry: HistoryEntry) -> String {
        "#\(entry.id) " + TerminalText.sanitized(entry.summary)
    }
}
