import RapportCore

/// Writes customers and their contact persons as vCard 4.0 (RFC 6350).
///
/// Each card carries a UID built from Rapport's id, so an address book that imports the file
/// again updates its cards instead of doubling them. `VCardReader` reads the fields back as
/// they were written.
public enum VCardWriter {
    /// The customer's card followed by one card per contact person, CRLF-terminated.
    public static func card(_ c: Customer, contacts: [ContactPerson]) -> String {
        var lines = ["BEGIN:VCARD", "VERSION:4.0"]
        if let id = c.id { lines.append("UID:urn:rapport:customer:\(id)") }
        if c.kind == .company { lines.append("KIND:org") }
        lines.append("FN:" + ContentLine.escaped(c.name))
        if c.kind == .person { lines.append(structuredName(c.name)) }
        if let org = c.company ?? (c.kind == .company ? c.name : nil) { lines.append("ORG:" + ContentLine.escaped(org)) }
        if let title = c.title { lines.append("TITLE:" + ContentLine.escaped(title)) }
        for phone in c.phones { lines.append("TEL" + typeParameter(phone.label) + ":" + ContentLine.escaped(phone.value)) }
        for email in c.emails { lines.append("EMAIL" + typeParameter(email.label) + ":" + ContentLine.escaped(email.value)) }
        if let birthday = c.birthday { lines.append("BDAY:" + date(birthday)) }
        if let notes = c.notes { lines.append("NOTE:" + ContentLine.escaped(notes)) }
        if !c.tags.isEmpty { lines.append("CATEGORIES:" + c.tags.map(ContentLine.escaped).joined(separator: ",")) }
        if c.address != nil || c.city != nil || c.region != nil {
            // ADR is post-office box;extended;street;locality;region;postal code;country.
            let parts = ["", "", c.address ?? "", c.city ?? "", c.region ?? "", "", ""]
            lines.append("ADR:" + parts.map(ContentLine.escaped).joined(separator: ";"))
        }
        lines.append("END:VCARD")
        var text = lines.map(ContentLine.folded).joined()
        let organization = c.kind == .company ? c.name : c.company
        for person in contacts { text += contactCard(person, organization: organization) }
        return text
    }

    /// A contact person's card, with the customer's company as ORG and the decision role as ROLE.
    private static func contactCard(_ p: ContactPerson, organization: String?) -> String {
        var lines = ["BEGIN:VCARD", "VERSION:4.0"]
        if let id = p.id { lines.append("UID:urn:rapport:contact:\(id)") }
        lines.append("FN:" + ContentLine.escaped(p.name))
        lines.append(structuredName(p.name))
        if let organization { lines.append("ORG:" + ContentLine.escaped(organization)) }
        if let role = p.role { lines.append("ROLE:" + role.rawValue) }
        if let phone = p.phone { lines.append("TEL:" + ContentLine.escaped(phone)) }
        if let email = p.email { lines.append("EMAIL:" + ContentLine.escaped(email)) }
        if let birthday = p.birthday { lines.append("BDAY:" + date(birthday)) }
        if let notes = p.notes { lines.append("NOTE:" + ContentLine.escaped(notes)) }
        lines.append("END:VCARD")
        return lines.map(ContentLine.folded).joined()
    }

    /// N from a full name, family first: `王建国` → `王;建国;;;`, `Zoë Müller` → `Müller;Zoë;;;`.
    private static func structuredName(_ name: String) -> String {
        let (family, given) = PersonName.split(name)
        return "N:" + ContentLine.escaped(family) + ";" + ContentLine.escaped(given) + ";;;"
    }

    /// `;TYPE=cell` for a mobile number, the label itself for the others, nothing for none.
    private static func typeParameter(_ label: String?) -> String {
        guard let label, !label.isEmpty else { return "" }
        return ";TYPE=" + (label == "mobile" ? "cell" : ContentLine.parameter(label))
    }

    /// RFC 6350's date: `19800315`, or `--0315` without a year.
    static func date(_ b: Birthday) -> String {
        let monthDay = twoDigits(b.month) + twoDigits(b.day)
        guard let year = b.year else { return "--" + monthDay }
        let digits = String(max(year, 0))
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + monthDay
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
