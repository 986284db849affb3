// The book's records as JSON objects, one writer per record kind, shared by every
// `--json` output so a customer looks the same wherever it appears.
extension JSONWriter {
    public mutating func customer(_ c: Customer) {
        beginObject()
        field("id", c.id)
        field("name", c.name)
        field("company", c.company)
        field("title", c.title)
        field("kind", c.kind.rawValue)
        key("phones")
        labeled(c.phones)
        key("emails")
        labeled(c.emails)
        field("address", c.address)
        field("city", c.city)
        field("region", c.region)
        field("route", c.route)
        field("industry", c.industry)
        field("source", c.source)
        key("tags")
        beginArray()
        for t in c.tags { string(t) }
        endArray()
        field("grade", c.grade?.rawValue)
        field("status", c.status.rawValue)
        field("birthday", c.birthday?.description)
        field("preferred_channel", c.preferredChannel?.rawValue)
        field("credit_level", c.creditLevel)
        key("credit_limit")
        money(c.creditLimit)
        field("needs", c.needs)
        field("concerns", c.concerns)
        field("notes", c.notes)
        key("custom_fields")
        beginObject()
        for k in c.customFields.keys.sorted() {
            key(text: k)
            string(c.customFields[k])
        }
        endObject()
        field("created_at", c.createdAt.text)
        field("updated_at", c.updatedAt.text)
        key("cadence_days")
        int(c.cadenceDays.map(Int64.init))
        field("last_contact_at", c.lastContactAt?.text)
        field("last_visit_at", c.lastVisitAt?.text)
        field("silent_since", c.silentSince?.text)
        endObject()
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
