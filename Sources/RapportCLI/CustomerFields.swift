import ArgumentParser
import Foundation
import RapportCore

/// The customer card's fields as options, shared by `add` and `edit`.
///
/// On `edit`, an option given with an empty value clears the field; `--phone`, `--email`
/// and `--tag` add, and `--remove-phone`, `--remove-email`, `--untag` remove.
struct CustomerFields: ParsableArguments {
    @Option(help: "Company name, e.g. --company 华信科技有限公司.") var company: String?
    @Option(help: "Job title, e.g. --title 采购经理.") var title: String?
    @Option(help: "person or company (a company has contact persons).") var kind: CustomerKind?
    @Option(help: ArgumentHelp("A phone number, optionally labelled: --phone mobile:138-0013-8000 (repeatable).", valueName: "phone"))
    var phone: [String] = []
    @Option(help: ArgumentHelp("An email address, optionally labelled: --email work:li@example.com (repeatable).", valueName: "email"))
    var email: [String] = []
    @Option(help: "Street address.") var address: String?
    @Option(help: "City, e.g. --city 上海.") var city: String?
    @Option(help: "Region or province.") var region: String?
    @Option(help: "The visit route this customer is on: --route 浦东线.") var route: String?
    @Option(help: "Industry, e.g. --industry manufacturing.") var industry: String?
    @Option(help: ArgumentHelp("Where the customer came from: \(SourceChannel.known.joined(separator: ", ")), or your own.", valueName: "channel"))
    var source: String?
    @Option(help: ArgumentHelp("A tag (repeatable), e.g. --tag vip --tag 渠道.", valueName: "tag")) var tag: [String] = []
    @Option(help: "A, B, C, or none.") var grade: String?
    @Option(help: "lead, prospect, customer, dormant or lost.") var status: CustomerStatus?
    @Option(help: "Days between contacts for this customer, instead of the grade's: 21, none (never chase), or grade.")
    var cadence: String?
    @Option(help: "Birthday: 1980-03-15, 03-15 or 3月15日.") var birthday: String?
    @Option(name: .customLong("channel"), help: "Preferred contact channel: phone, email, message, wechat or visit.")
    var preferredChannel: String?
    @Option(name: .customLong("credit-level"), help: "Credit level, e.g. --credit-level AA.") var creditLevel: String?
    @Option(name: .customLong("credit-limit"), parsing: .unconditional, help: "Credit limit: 50000, 12,000.50 or 5万.") var creditLimit: String?
    @Option(help: "Currency of the credit limit (default CNY).") var currency: String?
    @Option(help: "What the customer said they want.") var needs: String?
    @Option(help: "What worries them.") var concerns: String?
    @Option(help: "Free notes.") var notes: String?
    @Option(name: .customLong("set"), help: ArgumentHelp("A custom field: --set 资质=ISO9001 (repeatable; key= removes).", valueName: "key=value"))
    var custom: [String] = []

    /// Applies the given options to a card; an empty value clears a field, and `--phone`,
    /// `--email` and `--tag` add to what the card has.
    func apply(to customer: inout Customer) throws {
        for field in CustomerField.allCases {
            if let value = given(field) { try field.apply(value, to: &customer) }
        }
        customer.phones += phone.map(LabeledValue.init(parsing:))
        customer.emails += email.map(LabeledValue.init(parsing:))
        customer.tags += tag
        if let currency, currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isLetter }) {
            throw RapportError.invalid(field: "currency", value: currency, expected: "use a three-letter code such as CNY, USD or EUR")
        }
        if let creditLimit {
            try CustomerField.creditLimit.apply(creditLimit.isEmpty ? "" : creditLimit + (currency.map { " " + $0 } ?? ""), to: &customer)
        } else if let currency, let limit = customer.creditLimit {
            customer.creditLimit = Money(minorUnits: limit.minorUnits, currency: Currency(code: currency))
        }
        for item in custom {
            guard let eq = item.firstIndex(of: "=") else {
                throw RapportError.invalid(field: "custom field", value: item, expected: "write --set key=value")
            }
            let key = String(item[..<eq]).trimmingCharacters(in: .whitespaces)
            let value = String(item[item.index(after: eq)...])
            guard !key.isEmpty else { throw RapportError.invalid(field: "custom field", value: item, expected: "the key is empty") }
            customer.customFields[key] = value.isEmpty ? nil : value
        }
    }

    /// The text given for a field's option, nil when it was not given; the lists add rather
    /// than set, and the credit limit comes with its currency.
    private func given(_ field: CustomerField) -> String? {
        switch field {
        case .company: company
        case .title: title
        case .kind: kind?.rawValue
        case .address: address
        case .city: city
        case .region: region
        case .route: route
        case .industry: industry
        case .source: source
        case .grade: grade
        case .status: status?.rawValue
        case .cadence: cadence
        case .birthday: birthday
        case .channel: preferredChannel
        case .creditLevel: creditLevel
        case .needs: needs
        case .concerns: concerns
        case .notes: notes
        case .name, .phones, .emails, .tags, .creditLimit: nil
        }
    }
}

extension CustomerKind: ExpressibleByArgument {}
extension CustomerStatus: ExpressibleByArgument {}
