import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport edit <customer> [fields]`
struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a customer's card.",
        discussion: """
            An option with an empty value clears the field (--city ''). --phone, --email and --tag add;
            --remove-phone, --remove-email and --untag remove.
            Example: rapport edit wjg --grade B --tag 续约 --set 行业资质=ISO9001
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The customer: #id, name, prefix, phone or pinyin.", completion: .custom(Completions.customers))
        var customer: String

    @Option(help: "A new name.") var name: String?

    @OptionGroup(title: "Customer card") var fields: CustomerFields

    @Option(name: .customLong("remove-phone"), help: "Remove a phone number (repeatable).") var removePhone: [String] = []
    @Option(name: .customLong("remove-email"), help: "Remove an email address (repeatable).") var removeEmail: [String] = []
    @Option(help: "Remove a tag (repeatable).") var untag: [String] = []

    func run() throws {
        let session = try global.session()
        var card = try session.database.resolveCustomer(customer)
        if let name { card.name = name }
        for number in removePhone {
            let target = PhoneNumber.normalized(number)
            guard card.phones.contains(where: { PhoneNumber.normalized($0.value) == target }) else {
                throw RapportError.notFound(what: "phone number on this customer", reference: number)
            }
            card.phones.removeAll { PhoneNumber.normalized($0.value) == target }
        }
        for address in removeEmail {
            guard card.emails.contains(where: { $0.value.lowercased() == address.lowercased() }) else {
                throw RapportError.notFound(what: "email address on this customer", reference: address)
            }
            card.emails.removeAll { $0.value.lowercased() == address.lowercased() }
        }
        for tag in untag {
            guard card.tags.contains(tag) else { throw RapportError.notFound(what: "tag on this customer", reference: tag) }
            card.tags.removeAll { $0 == tag }
        }
        try fields.apply(to: &card)
        card.updatedAt = session.now
        try session.database.updateCustomer(try card.validated())
        Terminal.write("Updated #\(card.id ?? 0) \(TerminalText.sanitized(card.name))\n")
    }
}
