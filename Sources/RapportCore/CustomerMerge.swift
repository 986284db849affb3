/// One field the two cards of a merge hold differently, and which of them the merged card has.
public struct FieldDifference: Hashable, Sendable {
    /// The field as `--take` names it (`credit-level`), or a custom field's own name.
    public var field: String
    /// The kept card's value, empty when unset.
    public var kept: String
    /// The other card's value, empty when unset.
    public var other: String
    /// Whether the merged card took the other's value.
    public var taken: Bool

    public init(field: String, kept: String, other: String, taken: Bool) {
        self.field = field
        self.kept = kept
        self.other = other
        self.taken = taken
    }
}

/// Two cards of one customer made one: the kept card with what the other adds, and what differed.
public struct CustomerMerge: Hashable, Sendable {
    public var card: Customer
    public var differences: [FieldDifference]
    public var phonesAdded: Int
    public var emailsAdded: Int
    public var tagsAdded: Int
    /// Custom fields only the other card had.
    public var customFieldsAdded: Int
}

extension CustomerField {
    /// The fields a merge can take from the other card: all but the lists it unites.
    public static let takeable = allCases.filter { ![.phones, .emails, .tags].contains($0) }

    /// `city,grade` as fields to take, each once; an unknown name is refused, listing the valid ones.
    public static func taking(_ text: String) throws(RapportError) -> [CustomerField] {
        var fields: [CustomerField] = []
        for item in text.split(separator: ",") {
            let name = String(item).trimmingSpaces()
            guard !name.isEmpty else { continue }
            guard let field = takeable.first(where: { $0.optionName == name.lowercased() }) else {
                throw .invalid(field: "field", value: name, expected: "use " + takeable.map(\.optionName).joined(separator: ", "))
            }
            if !fields.contains(field) { fields.append(field) }
        }
        return fields
    }
}

extension Customer {
    /// This card with `other` merged into it: the other's phones, emails and tags added where
    /// this card lacks them, its custom fields where this card has none of that name, and the
    /// `taking` fields taken from it; every other field stays this card's. What the store keeps
    /// (id, when added, the contact clock) stays too.
    public func merging(_ other: Customer, taking: [CustomerField], now: LocalDateTime) throws(RapportError) -> CustomerMerge {
        var card = self
        for field in taking { try field.apply(field.text(of: other), to: &card) }
        card.add(phonesEmailsAndTagsOf: other)
        let added = other.customFields.filter { customFields[$0.key] == nil }
        card.customFields.merge(added) { mine, _ in mine }
        card.updatedAt = now

        var differences = CustomerField.takeable.compactMap { field -> FieldDifference? in
            let (mine, theirs) = (field.text(of: self), field.text(of: other))
            return mine == theirs ? nil : FieldDifference(field: field.optionName, kept: mine, other: theirs, taken: taking.contains(field))
        }
        for (name, mine) in customFields.sorted(by: { $0.key < $1.key }) {
            if let theirs = other.customFields[name], theirs != mine {
                differences.append(FieldDifference(field: name, kept: mine, other: theirs, taken: false))
            }
        }
        return CustomerMerge(card: card, differences: differences, phonesAdded: card.phones.count - phones.count,
                             emailsAdded: card.emails.count - emails.count, tagsAdded: card.tags.count - tags.count,
                             customFieldsAdded: added.count)
    }
}
