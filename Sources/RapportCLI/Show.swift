import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport show <customer> [--json]`
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a customer's card, contact persons, open follow-ups and timeline.",
        discussion: "Example: rapport show wjg"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The customer: #id, name, prefix, phone or pinyin.", completion: .custom(Completions.customers))
        var customer: String

    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        let session = try global.session()
        let found = try session.database.resolveCustomer(customer)
        guard let id = found.id, let card = try session.database.customerCard(id: id) else {
            throw RapportError.customerNotFound(customer)
        }
        if json {
            var w = JSONWriter()
            w.beginObject()
            w.key("customer")
            w.customer(card.customer)
            w.key("contacts")
            w.beginArray()
            card.contacts.forEach { w.contact($0) }
            w.endArray()
            w.key("open_follow_ups")
            w.beginArray()
            card.openFollowUps.forEach { w.followUp($0) }
            w.endArray()
            w.key("timeline")
            w.beginArray()
            card.timeline.forEach { w.interaction($0) }
            w.endArray()
            let pipeline = try session.database.settings().pipeline
            w.key("deals")
            w.beginArray()
            card.deals.forEach { w.deal($0, pipeline: pipeline) }
            w.endArray()
            w.key("contracts")
            w.beginArray()
            for c in card.contracts { w.contract(c, payments: card.payments.filter { $0.contractID == c.id }) }
            w.endArray()
            w.endObject()
            w.newline()
            Terminal.write(w.bytes)
            return
        }
        Terminal.write(try CardText.render(card, today: session.today, pipeline: try session.database.settings().pipeline))
    }
}

/// The customer card as text for the terminal; every user value sanitized.
enum CardText {
    static func render(_ card: CustomerCard, today: Day, pipeline: PipelineSettings) throws(RapportError) -> String {
        let c = card.customer
        func clean(_ s: String) -> String { TerminalText.sanitized(s) }
        var out = Style.bold.apply(clean(c.name)) + "  " + CustomerCard.standing(c) + "\n"
        let subtitle = CustomerCard.subtitle(c)
        if !subtitle.isEmpty { out += subtitle + "\n" }
        out += "\n"
        let lines = CustomerCard.fieldLines(c, today: today)
        let width = lines.map(\.label.displayWidth).max() ?? 0
        for (label, value) in lines {
            out += Style.dim.apply(label.padded(toWidth: width)) + "  " + value + "\n"
        }
        if !card.contacts.isEmpty {
            out += "\n" + Style.bold.apply(Language.say("Contact persons", "联系人")) + "\n"
            var table = TextTable([.init(title: "ID", alignment: .right), .init(title: Language.say("Name", "姓名"), maxWidth: 20), .init(title: Language.say("Role", "角色")),
                                   .init(title: Language.say("Phone", "电话")), .init(title: Language.say("Email", "邮箱"), maxWidth: 30), .init(title: Language.say("Notes", "备注"))])
            for p in card.contacts {
                table.append(["#\(p.id ?? 0)", p.name, p.role?.said ?? "", p.phone ?? "", p.email ?? "", p.notes ?? ""])
            }
            out += table.render()
        }
        out += "\n" + Style.bold.apply(Language.say("Open follow-ups (\(card.openFollowUps.count))", "未完成的跟进（\(card.openFollowUps.count)）")) + "\n"
        if card.openFollowUps.isEmpty {
            out += Language.say("  none\n", "  没有\n")
        }
        // Numbers right-aligned, so the days start in one column.
        let followUpNumber = card.openFollowUps.map { String($0.id ?? 0).count }.max() ?? 0
        for f in card.openFollowUps {
            let when = RelativeDay.dated(f.when, today: today)
            let id = String(f.id ?? 0)
            let text = "  " + String(repeating: " ", count: followUpNumber - id.count) + id
                + "  \(when)  \(clean(f.title))  (\(RelativeDay.describe(f.due, today: today)))\n"
            out += f.due < today ? Style.red.apply(text) : text
        }
        if !card.deals.isEmpty {
            out += "\n" + Style.bold.apply(Language.say("Deals (\(card.deals.count))", "商机（\(card.deals.count)）")) + "\n"
            var table = TextTable([.init(title: "ID", alignment: .right), .init(title: Language.say("Deal", "商机"), maxWidth: 30), .init(title: Language.say("Stage", "阶段")),
                                   .init(title: Language.say("Amount", "金额"), alignment: .right), .init(title: Language.say("Close", "成交日"))])
            for d in card.deals {
                let stage = CustomerCard.stage(of: d, pipeline: pipeline)
                let late = d.stage.isOpen && (d.expectedClose.map { $0 < today } ?? false)
                table.append([String(d.id ?? 0), d.title, stage, d.amount.formatted + " " + d.amount.currency.code, d.expectedClose?.iso ?? ""],
                             style: late ? .red : nil)
            }
            out += table.render()
        }
        if !card.contracts.isEmpty {
            let owed = try card.outstanding.map { "\($0.formatted) \($0.currency.code)" }.joined(separator: " + ")
            out += "\n" + Style.bold.apply(Language.say("Contracts (\(card.contracts.count))", "合同（\(card.contracts.count)）")) + (owed.isEmpty ? Language.say(" · paid up", " · 已收齐") : Language.say(" · outstanding ", " · 未收 ") + owed) + "\n"
            var table = TextTable([.init(title: Language.say("Contract", "合同")), .init(title: Language.say("Amount", "金额"), alignment: .right), .init(title: Language.say("Outstanding", "未收"), alignment: .right),
                                   .init(title: Language.say("Next due", "下期")), .init(title: Language.say("Ends", "到期"))])
            for k in card.contracts {
                let next = k.instalments.first { !$0.isPaid }?.dueOn
                table.append([k.number, k.amount.formatted + " " + k.amount.currency.code, k.outstanding.formatted, next?.iso ?? "",
                              k.endsOn?.iso ?? ""], style: (next.map { $0 < today } ?? false) ? .red : nil)
            }
            out += table.render()
        }
        let entries = card.entries
        out += "\n" + Style.bold.apply(Language.say("Timeline (\(entries.count))", "跟进记录（\(entries.count)）")) + "\n"
        if entries.isEmpty { out += Language.say("  nothing logged yet\n", "  还没有记录\n") }
        // Interactions carry their number (what `log edit` and `log rm` take); moves and payments do not.
        let number = entries.map { if case .interaction(let i) = $0 { String(i.id ?? 0).count } else { 0 } }.max() ?? 0
        let blank = String(repeating: " ", count: number)
        for entry in entries {
            switch entry {
            case .interaction(let i):
                let id = String(i.id ?? 0)
                let head = "  " + String(repeating: " ", count: number - id.count) + id
                    + "  \(i.at.text)  \(i.kind.said.padded(toWidth: 7))  \((i.outcome?.said ?? "").padded(toWidth: 9))"
                let note = TerminalText.sanitizedKeepingNewlines(i.note).split(separator: "\n", omittingEmptySubsequences: false)
                let person = card.person(of: i).map { "  · " + clean($0.name) } ?? ""
                out += head + "  " + (note.first.map(String.init) ?? "") + person + "\n"
                for more in note.dropFirst() { out += String(repeating: " ", count: head.displayWidth + 2) + more + "\n" }
            case .stageMove(let m):
                out += "  \(blank)  \(m.enteredAt.text)  " + Language.say("stage", "阶段").padded(toWidth: 7) + "  " + "".padded(toWidth: 9) + "  "
                    + clean(card.describe(move: m)) + "\n"
            case .payment(let p):
                out += "  \(blank)  \(p.paidOn.iso)        " + Language.say("paid", "回款").padded(toWidth: 7) + "  " + "".padded(toWidth: 9) + "  "
                    + clean(card.describe(payment: p)) + "\n"
            }
        }
        return out
    }
}
