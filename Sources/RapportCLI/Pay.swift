import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport pay <instalment|contract|customer> AMOUNT [--on WHEN] [--note] [--allow-overpay]`, `rapport pay void <payment>`
struct Pay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay",
        abstract: "Record money received (回款) against a contract or one of its instalments.",
        discussion: """
            The target is an instalment (2026-001/2), a contract number (its earliest unpaid instalment first),
            or a customer owing on exactly one contract. Partial payments are fine; paying more than is
            outstanding needs --allow-overpay. A won deal whose contract is paid in full moves to paid.
            A payment recorded by mistake is voided by its number: rapport pay void 7.
            Examples: rapport pay 2026-001/2 4000   rapport pay wjg 1.2万 --on yesterday
            """,
        // `pay TARGET AMOUNT` is the record subcommand, so that `pay void 7` can be another.
        subcommands: [RecordPayment.self, VoidPayment.self],
        defaultSubcommand: RecordPayment.self
    )

    /// `Contract 2026-001: 5,000.00 of 12,960.00 received, 7,960.00 outstanding`.
    static func standing(_ c: Contract) -> String {
        let owed = c.outstanding
        return "Contract \(TerminalText.sanitized(c.number)): \(c.received.formatted) of \(c.amount.formatted) received, "
            + (owed.minorUnits >= 0 ? "\(owed.formatted) outstanding" : "overpaid by \(Money(minorUnits: -owed.minorUnits, currency: owed.currency).formatted)")
            + "\n"
    }
}

extension Pay {
    /// `rapport pay [record] <instalment|contract|customer> AMOUNT [--on WHEN] [--note] [--allow-overpay]`
    struct RecordPayment: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record money received against a contract or one of its instalments (the default: `pay TARGET AMOUNT`).",
            discussion: "Examples: rapport pay 2026-001/2 4000   rapport pay wjg 1.2万 --on yesterday --note 银行转账"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "An instalment (2026-001/2), a contract number, or a customer.") var target: String
        @Argument(help: "The amount received: 12000, 12,000.50 or 1.2万.") var amount: String
        @Option(parsing: .unconditional, help: ArgumentHelp("The day it came in (default today), e.g. --on yesterday.", valueName: "when")) var on: String?
        @Option(help: ArgumentHelp("A note, e.g. the bank reference.", valueName: "text")) var note: String?
        @Flag(name: .customLong("allow-overpay"), help: "Record it even though it is more than is outstanding.") var allowOverpay = false

        func run() throws {
            let session = try global.session()
            let db = session.database
            let day = try on.map { try When(expression: $0, today: session.today).day } ?? session.today
            guard day <= session.today else {
                throw RapportError.invalid(field: "--on", value: on ?? "", expected: "a payment cannot be recorded in the future")
            }
            let text = try FieldLimits.within((note ?? "").trimmingSpaces(), field: "note", limit: FieldLimits.shortText)
            let (contract, position) = try db.resolvePaymentTarget(target)
            let money = try PipelineInput.money(amount, currency: contract.amount.currency)
            guard let id = contract.id else { return }
            let recorded = try db.recordPayment(contractID: id, instalment: position, amount: money, on: day, note: text,
                                                allowOverpay: allowOverpay, now: session.now)
            let c = recorded.contract
            let number = TerminalText.sanitized(c.number)
            let parts = recorded.payments.compactMap { p in
                c.instalments.first { $0.id == p.instalmentID }.map { "\(number)/\($0.position) \(p.amount.formatted)" }
            }
            var out = "Received \(money.formatted) \(money.currency.code) on \(day.iso): " + parts.joined(separator: ", ") + "\n"
            out += Pay.standing(c)
            if let deal = recorded.paidDeal {
                out += "Deal \(deal.id ?? 0) is paid in full: moved to paid.\n"
            }
            Terminal.write(out)
        }
    }
}
