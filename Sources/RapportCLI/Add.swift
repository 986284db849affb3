import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport add NAME [fields]`
struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a customer.",
        discussion: HelpText.fitted("Example: rapport add 王建国 --company 华信科技 --phone 138-0013-8000 --grade A --tag vip")
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The customer's name, e.g. 王建国 or \"Zoë Müller\".") var name: String

    @OptionGroup(title: "Customer card") var fields: CustomerFields

    func run() throws {
        let session = try global.session(.creating)
        var customer = Customer(name: name, createdAt: session.now)
        try fields.apply(to: &customer)
        let saved = try session.database.addCustomer(try customer.validated())
        let namesakes = try session.database.customers(named: saved.name).filter { $0 != saved.id }
        Terminal.write(Language.say("Added #", "已添加 #") + "\(saved.id ?? 0) \(TerminalText.sanitized(saved.name))\n")
        if !namesakes.isEmpty {
            Terminal.error("note: the same name is already on " + namesakes.map { "#\($0)" }.joined(separator: ", "))
        }
        // A number typed another way is still the same number: say so, as the import does.
        for other in try session.database.customers(sharingContactsOf: saved) {
            Terminal.error("note: #\(other.id) \(TerminalText.sanitized(other.name)) has the same \(other.shared); "
                           + "`rapport merge \(other.id) \(saved.id ?? 0)` makes them one")
        }
    }
}
