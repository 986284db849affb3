import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport contact add|list|edit|rm`
struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "Contact persons inside a company customer.",
        subcommands: [AddContact.self, ListContacts.self, EditContact.self, RemoveContact.self]
    )

    /// A contact person of a customer, named the way customers are: `#id`, name, prefix, pinyin.
    static func resolvePerson(_ reference: String, of customerID: Int64, in database: AppDatabase) throws -> Int64 {
        guard let card = try database.customerCard(id: customerID, timelineLimit: 0) else {
            throw RapportError.notFound(what: "customer", reference: "#\(customerID)")
        }
        if let (id, _) = CustomerMatcher.id(in: reference), card.contacts.contains(where: { $0.id == id }) { return id }
        let candidates = card.contacts.compactMap { p in
            p.id.map { CustomerCandidate(id: $0, name: p.name, company: nil,
                                         keys: SearchKeys(name: p.name, company: nil, phones: p.phone.map { [$0] } ?? [])) }
        }
        switch CustomerMatcher.match(reference, among: candidates) {
        case .one(let person):
            return person.id
        case .several(let people):
            throw RapportError.conflict("\(reference.quotedForMessage) matches \(people.count) contact persons of "
                + "\(TerminalText.sanitized(card.customer.name)); use #id")
        case .none:
            throw RapportError.notFound(what: "contact person of #\(customerID) matching", reference: reference)
        }
    }
}

extension ContactCommand {
    struct AddContact: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a contact person to a company customer.",
            discussion: HelpText.fitted("Example: rapport contact add 华信 李明 --role decision-maker --phone 139-0000-1111")
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The company customer: #id, name, prefix or pinyin.") var customer: String
        @Argument(help: "The person's name.") var name: String
        @OptionGroup var fields: ContactFields

        func run() throws {
            let session = try global.session()
            let company = try session.database.resolveCustomer(customer)
            guard let id = company.id else { throw RapportError.customerNotFound(customer) }
            var person = ContactPerson(customerID: id, name: try FieldLimits.required(name, field: "name"))
            try fields.apply(to: &person)
            let saved = try session.database.addContactPerson(person)
            Terminal.write("Added contact person #\(saved.id ?? 0) \(TerminalText.sanitized(saved.name)) to \(TerminalText.sanitized(company.name)) (#\(id))\n")
        }
    }
}

/// A contact person's fields as options, shared by `contact add` and `contact edit`; on
/// `edit` an empty value clears the field (--phone '').
struct ContactFields: ParsableArguments {
    @Option(help: "decision-maker, influencer, user or gatekeeper.") var role: String?
    @Option(help: "Phone number.") var phone: String?
    @Option(help: "Email address.") var email: String?
    @Option(help: "Birthday: 1980-03-15, 03-15 or 3月15日.") var birthday: String?
    @Option(help: "Notes.") var notes: String?

    /// The options given, with the field each sets.
    private var given: [(ContactPersonField, String)] {
        [(.role, role), (.phone, phone), (.email, email), (.birthday, birthday), (.notes, notes)].compactMap { f, v in v.map { (f, $0) } }
    }

    /// Whether any field is given.
    var isEmpty: Bool { given.isEmpty }

    /// Checks the given options and writes them to the person; an empty value clears.
    func apply(to person: inout ContactPerson) throws {
        for (field, value) in given { try field.apply(value, to: &person) }
    }
}
