import RapportBase

// The book's records as JSON objects, one writer per record kind, shared by every
// `--json` output so a customer looks the same wherever it appears.
extension JSONWriter {
    public mutating func customer(_ c: Customer) {
        beginObject()
        field("id", c.id)
        // The cadence came with migration v5 and is written with the contact clock, after updated_at.
        for field in CustomerField.allCases where field != .cadence { value(field, of: c) }
        key("custom_fields")
        beginObject()
        for k in c.customFields.keys.sorted() {
            key(text: k)
            string(c.customFields[k])
        }
        endObject()
        field("created_at", c.createdAt.text)
        field("updated_at", c.updatedAt.text)
        value(.cadence, of: c)
        field("last_contact_at", c.lastContactAt?.text)
        field("last_visit_at", c.lastVisitAt?.text)
        field("silent_since", c.silentSince?.text)
        endObject()
    }

    /// One field of a card under its key (`CustomerField.jsonKey`).
    private mutating func value(_ field: CustomerField, of c: Customer) {
        key(text: field.jsonKey)
        switch field.value(of: c) {
        case .text(let text): string(text)
        case .number(let n): int(n.map(Int64.init))
        case .money(let m): money(m)
        case .list(let items):
            beginArray()
            for item in items { string(item) }
            endArray()
        case .labeled(let items): labeled(items)
        }
    }

    public mutating func money(_ m: Money?) {
        guard let m else { return null() }
        beginObject()
        field("amount", m.formatted.filter { $0 != "," })
        field("minor_units", m.minorUnits)
        field("currency", m.currency.code)
        endObject()
    }

    public mutating func labeled(_ values: [LabeledValue]) {
        beginArray()
        for v in values {
            beginObject()
            field("value", v.value)
            field("label", v.label)
            endObject()
        }
        endArray()
    }

    public mutating func contact(_ p: ContactPerson) {
        beginObject()
        field("id", p.id)
        field("customer_id", p.customerID)
        field("name", p.name)
        field("role", p.role?.rawValue)
        field("phone", p.phone)
        field("email", p.email)
        field("birthday", p.birthday?.description)
        field("notes", p.notes)
        endObject()
    }

    public mutating func followUp(_ f: FollowUp) {
        beginObject()
        field("id", f.id)
        field("customer_id", f.customerID)
        field("due", f.due.iso)
        field("time", f.time?.description)
        field("title", f.title)
        field("status", f.status.rawValue)
        field("done_at", f.doneAt?.text)
        field("created_at", f.createdAt.text)
        endObject()
    }

    public mutating func interaction(_ i: Interaction) {
        beginObject()
        field("id", i.id)
        field("customer_id", i.customerID)
        field("contact_id", i.contactID)
        field("kind", i.kind.rawValue)
        field("at", i.at.text)
        field("outcome", i.outcome?.rawValue)
        field("note", i.note)
        endObject()
    }
}
