import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport contract add|show|list|cancel`
struct ContractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Contracts and their payment plans (winning a deal records one; add one signed without a deal).",
        subcommands: [AddContract.self, ShowContract.self, ListContracts.self, CancelContract.self]
    )
}

extension ContractCommand {
    /// `rapport contract add <customer> --amount A [contract options]`
    struct AddContract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a contract signed without a deal in Rapport (e.g. before you used it).",
            discussion: "Example: rapport contract add wjg --amount 3.6万 --signed 2026-06-01 --term 12 --instalments 4"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer: #id, name, prefix, phone or pinyin.", completion: .custom(Completions.customers))
        var customer: String
        @Option(parsing: .unconditional, help: ArgumentHelp("The contract amount: 12000, 12,000.50, 1.2万 or ¥12,000.", valueName: "amount")) var amount: String
        @Option(help: ArgumentHelp("The currency code (default: the `currency` setting).", valueName: "code")) var currency: String?
        @OptionGroup var contract: ContractOptions

        func run() throws {
            let session = try global.session()
            let db = session.database
            let code = try currency.map { try Currency(parsing: $0) } ?? Money.currency(in: amount) ?? db.settings().pipeline.currency
            let total = try PipelineInput.money(amount, currency: code)
            let target = try db.resolveCustomer(customer)
            guard let customerID = target.id else { throw RapportError.customerNotFound(customer) }
            let draft = try contract.contract(customerID: customerID, dealID: nil, amount: total, today: session.today, now: session.now)
            let saved = try db.addContract(draft, now: session.now)
            Terminal.write("Contract \(TerminalText.sanitized(saved.number)) for \(TerminalText.sanitized(target.name)) (#\(customerID)): "
                           + "\(saved.amount.formatted) \(saved.amount.currency.code)\n" + ContractText.plan(saved, today: session.today))
        }
    }

    /// `rapport contract show <contract> [--json]`
    struct ShowContract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a contract: its instalments, what has been paid and what is owed.",
            discussion: "Example: rapport contract show 2026-001   rapport contract show wjg"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contract number, or a customer owing on one contract.") var contract: String
        @Flag(help: "Print JSON instead of text.") var json = false

        func run() throws {
            let session = try global.session()
            let db = session.database
            let (found, _) = try db.resolvePaymentTarget(contract)
            guard let id = found.id, let detail = try db.contractDetail(id: id) else {
                throw RapportError.notFound(what: "contract", reference: contract)
            }
            if json {
                var w = JSONWriter()
                w.contract(detail.contract, payments: detail.payments)
                w.newline()
                Terminal.write(w.bytes)
                return
            }
            var out = Style.bold.apply("Contract " + TerminalText.sanitized(found.number)) + "  "
                + TerminalText.sanitized(detail.customer.name) + " (#\(detail.customer.id))"
                + (detail.dealTitle.map { " · deal \(found.dealID ?? 0) " + TerminalText.sanitized($0) } ?? "") + "\n"
            out += ContractText.summary(found, today: session.today)
            if !detail.payments.isEmpty {
                out += "\n" + Style.bold.apply("Payments") + "\n"
                let width = detail.payments.map { String($0.id ?? 0).count }.max() ?? 1
                for p in detail.payments {
                    let position = found.instalments.first { $0.id == p.instalmentID }?.position ?? 0
                    let line = "  " + String(p.id ?? 0).padded(toWidth: width, alignment: .right)
                        + "  \(p.paidOn.iso)  \(p.amount.formatted.padded(toWidth: 14, alignment: .right))  → /\(position)"
                        + (p.note.isEmpty ? "" : "  " + TerminalText.sanitized(p.note))
                        + (p.voidedAt.map { "  void since \($0.day.iso)" + (p.voidNote.isEmpty ? "" : ": " + TerminalText.sanitized(p.voidNote)) } ?? "")
                    out += (p.voidedAt == nil ? line : Style.dim.apply(line)) + "\n"
                }
            }
            Terminal.write(out)
        }
    }

    /// `rapport contract list [--all]`
    struct ListContracts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List contracts with money outstanding, the next instalment first.",
            discussion: "Example: rapport contract list --all"
        )

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Paid-up contracts too.") var all = false
        @Option(help: ArgumentHelp("At most this many (default 500).", valueName: "N")) var limit = 500

        func run() throws {
            let session = try global.session()
            let rows = try session.database.contractList(owingOnly: !all, limit: max(1, limit))
            guard !rows.isEmpty else {
                Terminal.write(all ? "No contracts yet.\n" : "Nothing outstanding on any contract.\n")
                return
            }
            var table = TextTable([.init(title: "Contract"), .init(title: "Customer", maxWidth: 20), .init(title: "Amount", alignment: .right),
                                   .init(title: "Outstanding", alignment: .right), .init(title: "Next due"), .init(title: "Ends")])
            for r in rows {
                table.append([r.number, r.customerName, r.amount.formatted + " " + r.amount.currency.code, r.outstanding.formatted,
                              r.nextDue?.iso ?? "", r.endsOn?.iso ?? ""], style: (r.nextDue.map { $0 < session.today } ?? false) ? .red : nil)
            }
            Terminal.write(table.render())
        }
    }
}

/// Contracts as text.
enum ContractText {
    /// The instalments, one per line, with what is paid and what is due.
    static func plan(_ contract: Contract, today: Day) -> String {
        var out = ""
        for i in contract.instalments {
            let state: String
            if i.isPaid {
                state = "paid"
            } else if i.received.minorUnits > 0 {
                state = "\(i.remaining.formatted) to pay, " + RelativeDay.describe(i.dueOn, today: today)
            } else {
                state = RelativeDay.describe(i.dueOn, today: today)
            }
            let line = "  \(TerminalText.sanitized(contract.number))/\(i.position)  \(i.dueOn.iso)  "
                + i.amount.formatted.padded(toWidth: 14, alignment: .right) + "  " + state + "\n"
            out += !i.isPaid && i.dueOn < today ? Style.red.apply(line) : line
        }
        return out
    }

    /// Dates, amount, received and outstanding, then the plan.
    static func summary(_ contract: Contract, today: Day) -> String {
        var out = Style.bold.apply("Contract " + TerminalText.sanitized(contract.number)) + " · signed \(contract.signedOn.iso) · "
            + contract.startsOn.iso + (contract.endsOn.map { " to " + $0.iso } ?? ", open-ended") + "\n"
        let owed = contract.outstanding
        out += "  \(contract.amount.formatted) \(contract.amount.currency.code) · received \(contract.received.formatted) · "
            + (owed.minorUnits >= 0 ? "outstanding \(owed.formatted)" : "overpaid by \(Money(minorUnits: -owed.minorUnits, currency: owed.currency).formatted)")
            + "\n"
        return out + plan(contract, today: today)
    }
}
