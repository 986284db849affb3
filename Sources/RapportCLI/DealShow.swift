import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

extension DealCommand {
    /// `rapport deal show <deal> [--json]`
    struct ShowDeal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a deal: amount, stage and checklist, line items, stage history, contract and payments.",
            discussion: "Example: rapport deal show 12"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The deal: its number, or a customer with one deal.") var deal: String
        @Flag(help: "Print JSON instead of text.") var json = false

        func run() throws {
            let session = try global.session()
            let db = session.database
            let found = try PipelineInput.deal(deal, in: db, openOnly: false)
            guard let id = found.id, let detail = try db.dealDetail(id: id) else { throw RapportError.notFound(what: "deal", reference: deal) }
            let pipeline = try db.settings().pipeline
            if json {
                var w = JSONWriter()
                w.dealDetail(detail, pipeline: pipeline)
                w.newline()
                Terminal.write(w.bytes)
            } else {
                Terminal.write(DealText.render(detail, pipeline: pipeline, today: session.today))
            }
        }
    }

    /// `rapport deal list [--stage S] [--customer C] [--all] [--json]`
    struct ListDeals: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List deals: open ones by expected close, or one stage's, or one customer's.",
            discussion: "Example: rapport deal list --stage proposal   rapport deal list --customer wjg --all"
        )

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only this stage.", valueName: "stage")) var stage: String?
        @Option(help: ArgumentHelp("Only this customer's deals.", valueName: "customer")) var customer: String?
        @Flag(help: "Won, paid and lost deals too.") var all = false
        @Option(help: ArgumentHelp("At most this many (default 500).", valueName: "N")) var limit = 500
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() throws {
            let session = try global.session()
            let db = session.database
            var filter = DealFilter(stage: try stage.map { try Stage(parsing: $0) }, openOnly: !all)
            if let customer {
                filter.customerID = try db.resolveCustomer(customer).id
            }
            let rows = try db.dealList(filter, limit: max(1, limit))
            let pipeline = try db.settings().pipeline
            if json {
                var w = JSONWriter(capacity: rows.count * 240)
                w.beginArray()
                for r in rows {
                    w.beginObject()
                    w.field("id", r.id)
                    w.field("customer_id", r.customerID)
                    w.field("customer", r.customerName)
                    w.field("title", r.title)
                    w.field("stage", r.stage.rawValue)
                    w.key("amount")
                    w.money(r.amount)
                    w.field("probability", r.stage.isOpen ? r.probability ?? pipeline.probability(of: r.stage) : pipeline.probability(of: r.stage))
                    w.field("expected_close", r.expectedClose?.iso)
                    w.field("last_activity_at", r.lastActivityAt.text)
                    w.field("lost_reason", r.lostReason?.rawValue)
                    w.field("lost_note", r.lostNote)
                    w.endObject()
                }
                w.endArray()
                w.newline()
                Terminal.write(w.bytes)
                return
            }
            guard !rows.isEmpty else {
                Terminal.write(all || stage != nil ? "No deals match.\n" : "No open deals. Add one with `rapport deal add CUSTOMER TITLE --amount 12000`.\n")
                return
            }
            var table = TextTable([.init(title: "ID", alignment: .right), .init(title: "Customer", maxWidth: 20), .init(title: "Deal", maxWidth: 30),
                                   .init(title: "Stage"), .init(title: "Amount", alignment: .right), .init(title: "%", alignment: .right),
                                   .init(title: "Close"), .init(title: "Idle", alignment: .right)])
            for r in rows {
                let late = r.stage.isOpen && (r.expectedClose.map { $0 < session.today } ?? false)
                let p = r.stage.isOpen ? r.probability ?? pipeline.probability(of: r.stage) : pipeline.probability(of: r.stage)
                table.append([String(r.id), r.customerName, r.title, CustomerCard.stage(r.stage, lostReason: r.lostReason),
                              r.amount.formatted + " " + r.amount.currency.code,
                              String(p), r.expectedClose?.iso ?? "", r.stage.isOpen ? "\(r.lastActivityAt.day.days(until: session.today))d" : ""],
                             style: late ? .red : nil)
            }
            Terminal.write(table.render())
        }
    }
}

/// A deal as text; every user value sanitized.
enum DealText {
    /// `年度服务 · 12,000.00 CNY · proposal 60% · close 2026-12-20`.
    static func headline(_ deal: Deal, pipeline: PipelineSettings) -> String {
        TerminalText.sanitized(deal.title) + " · " + deal.amount.formatted + " " + deal.amount.currency.code + " · "
            + deal.stage.rawValue + " \(deal.probability(pipeline))%" + (deal.expectedClose.map { " · close \($0.iso)" } ?? "")
    }

    static func render(_ detail: DealDetail, pipeline: PipelineSettings, today: Day) -> String {
        let d = detail.deal
        func clean(_ s: String) -> String { TerminalText.sanitized(s) }
        var out = Style.bold.apply("Deal \(d.id ?? 0) · " + clean(d.title)) + "\n"
        out += clean(detail.customer.name) + " (#\(detail.customer.id))" + (detail.customer.company.map { " · " + clean($0) } ?? "") + "\n\n"
        var lines: [(String, String)] = []
        let own = d.stage.isOpen && d.probability != nil
        lines.append(("Stage", d.stage.label + " · \(d.probability(pipeline))%" + (own ? " (its own)" : "") + " · since "
                      + d.stageEnteredAt.day.iso + " (" + RelativeDay.describe(d.stageEnteredAt.day, today: today) + ")"))
        let weighted = Money(minorUnits: Money.divideRoundingHalfUp(d.amount.minorUnits * Int64(d.probability(pipeline)), by: 100),
                             currency: d.amount.currency)
        lines.append(("Amount", d.amount.formatted + " " + d.amount.currency.code + (d.stage.isOpen ? " · weighted " + weighted.formatted : "")))
        if let close = d.expectedClose {
            let text = close.iso + " (" + RelativeDay.describe(close, today: today) + ")"
            lines.append(("Close", d.stage.isOpen && close < today ? Style.red.apply(text) : text))
        }
        lines.append(("Activity", d.lastActivityAt.text + " (" + RelativeDay.describe(d.lastActivityAt.day, today: today) + ")"))
        if let reason = d.lostReason {
            lines.append(("Lost", reason.rawValue + " " + reason.chinese + (d.lostNote.map { ": " + clean($0) } ?? "")))
        }
        let width = lines.map(\.0.displayWidth).max() ?? 0
        for (label, value) in lines { out += Style.dim.apply(label.padded(toWidth: width)) + "  " + value + "\n" }

        if !d.items.isEmpty {
            out += "\n" + Style.bold.apply("Line items") + "\n"
            var table = TextTable([.init(title: "#", alignment: .right), .init(title: "Item"), .init(title: "Qty", alignment: .right),
                                   .init(title: "Unit price", alignment: .right), .init(title: "Discount", alignment: .right),
                                   .init(title: "Total", alignment: .right)])
            for (i, item) in d.items.enumerated() {
                table.append([String(i + 1), item.description, String(item.quantity), item.unitPrice.formatted,
                              item.discountBasisPoints == 0 ? "" : percent(item.discountBasisPoints), (try? item.total().formatted) ?? "—"])
            }
            out += table.render()
        }
        if d.stage.isOpen {
            let checklist = pipeline.checklist(of: d.stage)
            out += "\n" + Style.bold.apply("Checklist · " + d.stage.label) + "\n"
            if checklist.isEmpty { out += "  none for this stage\n" }
            for (i, item) in checklist.enumerated() {
                let ticked = detail.ticks.contains(ChecklistTick(stage: d.stage, item: item))
                out += "  \(i + 1). [\(ticked ? "x" : " ")] " + clean(item) + "\n"
            }
        }
        out += "\n" + Style.bold.apply("History") + "\n"
        for stay in detail.stays {
            let move = (stay.from.map { $0.rawValue + " → " } ?? "→ ") + stay.stage.rawValue
            let spent = stay.leftAt.map { " (\(stay.enteredAt.day.days(until: $0.day)) days)" } ?? ""
            out += "  " + stay.enteredAt.text + "  " + move.padded(toWidth: 22) + clean(stay.note) + Style.dim.apply(spent) + "\n"
        }
        if let contract = detail.contract {
            out += "\n" + ContractText.summary(contract, today: today)
        }
        return out
    }

    /// `12.5%` from basis points.
    static func percent(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        if fraction == 0 { return "\(whole)%" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)%" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)%"
    }
}
