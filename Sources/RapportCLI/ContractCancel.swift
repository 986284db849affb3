import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

extension ContractCommand {
    /// `rapport contract cancel <number-or-id>`
    struct CancelContract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel",
            abstract: "Delete a contract recorded by mistake, with its instalments (its payments are voided first).",
            discussion: "Example: rapport contract cancel HT-001   (the deal it was signed for stays won)"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contract's number, or its id.") var contract: String

        func run() throws {
            let session = try global.session()
            let db = session.database
            let reference = contract.trimmingSpaces()
            guard let found = try db.contract(number: reference) ?? Int64(reference).flatMap({ try db.contract(id: $0) }), let id = found.id else {
                throw RapportError.notFound(what: "contract", reference: reference)
            }
            let cancelled = try db.cancelContract(id: id, now: session.now)
            let c = cancelled.contract
            var out = "Cancelled contract \(TerminalText.sanitized(c.number)) (\(c.amount.formatted) \(c.amount.currency.code), "
                + "\(c.instalments.count) instalment\(c.instalments.count == 1 ? "" : "s"))"
            if let dealID = c.dealID { out += "; deal \(dealID) " + (cancelled.reopenedDeal == nil ? "stays won" : "is won again, no longer paid") }
            Terminal.write(out + "\n")
        }
    }
}
