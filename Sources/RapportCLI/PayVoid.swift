import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

extension Pay {
    /// `rapport pay void <payment-id> [--note]`
    struct VoidPayment: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void",
            abstract: "Void a payment recorded by mistake: it stays listed, marked void, and is owed again.",
            discussion: HelpText.fitted("Example: rapport pay void 7 --note 记错了合同   (`contract show` lists the payments' numbers)")
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The payment's number (as `contract show` prints it).") var id: Int64
        @Option(help: ArgumentHelp("Why, e.g. --note 重复录入.", valueName: "text")) var note: String?

        func run() throws {
            let session = try global.session()
            let text = try FieldLimits.within((note ?? "").trimmingSpaces(), field: "note", limit: FieldLimits.shortText)
            let voided = try session.database.voidPayment(id: id, note: text, now: session.now)
            let p = voided.payment
            let c = voided.contract
            let number = TerminalText.sanitized(c.number)
            let position = c.instalments.first { $0.id == p.instalmentID }?.position ?? 0
            var out = "Voided payment \(id): \(p.amount.formatted) \(p.amount.currency.code) of \(p.paidOn.iso) on \(number)/\(position)\n"
            out += Pay.standing(c)
            if let deal = voided.reopenedDeal { out += "Deal \(deal.id ?? 0) is no longer paid in full: back to won.\n" }
            Terminal.write(out)
        }
    }
}
