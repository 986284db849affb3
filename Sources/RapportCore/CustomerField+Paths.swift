// Where each card field goes on every path out of and into the book: the store's columns,
// the `--json` key, the command line's option, its limit, how an import merges it, the vCard
// property and its line on `rapport show`. Each path walks `allCases` through these, so a
// new field is declared here and nowhere else but the card, its column's migration and its option.

/// Where the book keeps a card field.
public enum FieldColumns: Hashable, Sendable {
    /// One TEXT column of the customer table.
    case text(String)
    /// One INTEGER column.
    case integer(String)
    /// An amount's minor units and its currency code.
    case money(amount: String, currency: String)
    /// A table of its own, a row per item (phones, emails, tags).
    case ownTable
}

/// How a row of an import updates the card it matches (`--on-duplicate update`).
public enum ImportMerge: Hashable, Sendable {
    /// The card's stays: an import never renames a card.
    case kept
    /// The row's value replaces the card's when the row fills the field.
    case replacedWhenGiven
    /// The row's items are added to the card's (`Customer.add(phonesEmailsAndTagsOf:)`).
    case added
}

extension CustomerField {
    /// The customer columns that keep the field; a plain one is named after the field (`credit_level`).
    public var columns: FieldColumns {
        switch self {
        case .name, .company, .title, .kind, .address, .city, .region, .route, .industry, .source, .grade, .status,
             .birthday, .creditLevel, .needs, .concerns, .notes:
            .text(words(joinedBy: "_"))
        case .channel: .text("preferred_channel")
        case .cadence: .integer("cadence_days")
        case .creditLimit: .money(amount: "credit_limit", currency: "credit_currency")
        case .phones, .emails, .tags: .ownTable
        }
    }

    /// The field's key in `--json` output: its column's name, or the field's for a list.
    public var jsonKey: String {
        switch columns {
        case .text(let column), .integer(let column), .money(amount: let column, currency: _): column
        case .ownTable: rawValue
        }
    }

    /// The field as the command line spells its option: `credit-level` for `creditLevel`,
    /// `phone` for the phones (each option adds one).
    public var optionName: String {
        switch self {
        case .phones: "phone"
        case .emails: "email"
        case .tags: "tag"
        default: words(joinedBy: "-")
        }
    }

    /// The case's name in lower case, its words joined: `credit_level` for `creditLevel`.
    private func words(joinedBy separator: String) -> String {
        rawValue.reduce(into: "") { name, c in
            if c.isUppercase { name += separator + c.lowercased() } else { name.append(c) }
        }
    }

    /// How many characters a text field may hold; nil for the typed fields and the lists,
    /// which `Customer.validated()` checks by their own rules.
    public var lengthLimit: Int? {
        switch self {
        case .name: FieldLimits.name
        case .company, .title, .city, .region, .route, .industry, .source, .creditLevel: FieldLimits.shortText
        case .address, .needs, .concerns, .notes: FieldLimits.longText
        case .kind, .phones, .emails, .tags, .grade, .status, .cadence, .birthday, .channel, .creditLimit: nil
        }
    }

    /// How an import's row updates the field on the card it matches.
    public var onImport: ImportMerge {
        switch self {
        case .name: .kept
        case .phones, .emails, .tags: .added
        default: .replacedWhenGiven
        }
    }

    /// The vCard property that carries the field (`VCardWriter` writes it, `VCardReader` reads
    /// it back); nil where vCard has none.
    public var vCardProperty: String? {
        switch self {
        case .name: "FN"
        case .company: "ORG"
        case .title: "TITLE"
        case .kind: "KIND"
        case .phones: "TEL"
        case .emails: "EMAIL"
        case .address, .city, .region: "ADR"
        case .tags: "CATEGORIES"
        case .birthday: "BDAY"
        case .notes: "NOTE"
        case .route, .industry, .source, .grade, .status, .cadence, .channel, .creditLevel, .creditLimit, .needs,
             .concerns:
            nil
        }
    }

    /// The fields below the headline of `rapport show`'s card (name, company, title, grade,
    /// status and kind), in its order.
    public static let cardLines: [CustomerField] = [
        .phones, .emails, .city, .region, .route, .address, .industry, .source, .tags, .birthday, .cadence, .channel,
        .creditLevel, .creditLimit, .needs, .concerns, .notes,
    ]
}
