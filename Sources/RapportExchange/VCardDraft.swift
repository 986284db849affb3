import RapportBase
import RapportCore

/// The properties of one card as the reader meets them, until END:VCARD makes a customer of them.
struct VCardDraft {
    let card: Int
    let line: Int
    /// False when the whole file was transcoded, so CHARSET parameters no longer apply.
    let charsetApplies: Bool
    var warnings: [String] = []
    /// Text no card may hold (a NUL, a lone surrogate), with where: the card is refused.
    var defect: String?
    private var formattedName: String?
    private var structuredName: [String]?
    private var organization: String?
    private var isOrganization = false
    private var title: String?
    private var phones: [LabeledValue] = []
    private var emails: [LabeledValue] = []
    private var birthday: (text: String, isText: Bool)?
    private var notes: [String] = []
    private var tags: [String] = []
    private var address: [String]?

    init(card: Int, line: Int, charsetApplies: Bool) {
        self.card = card
        self.line = line
        self.charsetApplies = charsetApplies
    }

    /// Takes in one property; those Rapport has no field for (PHOTO, URL, X-…) are passed over.
    mutating func add(_ p: VCardProperty) {
        switch p.name {
        case "FN":
            if formattedName == nil { formattedName = nonEmpty(VCardProperty.unescaped(text(p))) }
        case "N":
            if structuredName == nil { structuredName = VCardProperty.components(text(p), separator: ";") }
        case "ORG":
            let unit = VCardProperty.components(text(p), separator: ";").first.flatMap(nonEmpty)
            if organization == nil { organization = unit }
        case "KIND":
            isOrganization = ["org", "organization"].contains(text(p).trimmingSpaces().lowercased())
        case "TITLE":
            if title == nil { title = nonEmpty(VCardProperty.unescaped(text(p))) }
        case "TEL":
            var value = VCardProperty.unescaped(text(p)).trimmingSpaces()
            if value.lowercased().hasPrefix("tel:") { value = String(value.dropFirst(4)) }
            if !value.isEmpty { phones.append(LabeledValue(value, label: Self.label(p.types))) }
        case "EMAIL":
            var value = VCardProperty.unescaped(text(p)).trimmingSpaces()
            if value.lowercased().hasPrefix("mailto:") { value = String(value.dropFirst(7)) }
            if !value.isEmpty { emails.append(LabeledValue(value, label: Self.label(p.types))) }
        case "BDAY":
            let isText = p.parameter("VALUE").contains { $0.lowercased() == "text" }
            if birthday == nil { birthday = (VCardProperty.unescaped(text(p)).trimmingSpaces(), isText) }
        case "NOTE":
            if let note = nonEmpty(VCardProperty.unescaped(text(p))) { notes.append(note) }
        case "CATEGORIES":
            tags += VCardProperty.components(text(p), separator: ",").compactMap { nonEmpty($0) }
        case "ADR":
            if address == nil {
                address = VCardProperty.components(text(p), separator: ";")
            } else {
                warnings.append("another address (ADR on line \(p.line)) left out; Rapport keeps one")
            }
        default:
            break
        }
    }

    /// The validated customer; a field whose value the card's rules refuse is left out with a
    /// warning, but a card with nothing to name the customer is an error.
    func entry(createdAt: LocalDateTime) throws(RapportError) -> VCardEntry {
        if let defect { throw .invalid(field: "vCard", value: "card \(card)", expected: "it begins on line \(line); \(defect)") }
        var warnings = self.warnings
        let fromN = structuredName.map(Self.name(fromN:)).flatMap(nonEmpty)
        // As a CSV row without a name: a card of only an email (a phone's export) is named by it.
        guard let name = formattedName ?? fromN ?? organization ?? emails.first?.value ?? phones.first?.value else {
            throw .invalid(field: "vCard", value: "card \(card)",
                           expected: "it begins on line \(line) and has no FN, N, ORG, EMAIL or TEL to name the customer")
        }
        var c = Customer(name: name, createdAt: createdAt)
        if isOrganization || (formattedName == nil && fromN == nil && organization != nil) { c.kind = .company }
        do {
            c = try c.validated()
        } catch {
            throw .invalid(field: "vCard", value: "card \(card)", expected: "it begins on line \(line): \(error.description)")
        }
        func accept(_ what: String, _ value: String, _ change: (inout Customer) -> Void) {
            var trial = c
            change(&trial)
            do {
                c = try trial.validated()
            } catch {
                warnings.append("\(what) \(value.quotedForMessage) left out: \(error.description)")
            }
        }
        if let organization, organization != name { accept("ORG", organization) { $0.company = organization } }
        if let title { accept("TITLE", title) { $0.title = title } }
        for phone in phones { accept("TEL", phone.value) { $0.phones.append(phone) } }
        for email in emails { accept("EMAIL", email.value) { $0.emails.append(email) } }
        for tag in tags { accept("CATEGORIES", tag) { $0.tags.append(tag) } }
        if !notes.isEmpty {
            let note = notes.joined(separator: "\n")
            accept("NOTE", note) { $0.notes = note }
        }
        if let address {
            let part = { (i: Int) in i < address.count ? address[i].trimmingSpaces() : "" }
            let street = [part(0), part(1), part(2), part(5), part(6)].filter { !$0.isEmpty }.joined(separator: ", ")
            accept("ADR", street) {
                $0.address = street.isEmpty ? nil : street
                $0.city = part(3).isEmpty ? nil : part(3)
                $0.region = part(4).isEmpty ? nil : part(4)
            }
        }
        if let birthday {
            if !birthday.isText, let b = Self.birthday(birthday.text) {
                c.birthday = b
            } else {
                warnings.append("BDAY \(birthday.text.quotedForMessage) is not a date; left out")
            }
        }
        return VCardEntry(customer: c, warnings: warnings, card: card, line: line)
    }

    /// The property's value as text, in its charset.
    private mutating func text(_ p: VCardProperty) -> String {
        if defect == nil, let what = TextDecoding.defect(inValue: p.valueBytes) {
            defect = "\(TerminalText.sanitized(p.name).truncated(toWidth: 40)) on line \(p.line) holds \(what), which Rapport neither drops nor changes"
        }
        return p.text(charsetApplies: charsetApplies, warnings: &warnings)
    }

    private func nonEmpty(_ s: String) -> String? {
        let t = s.trimmingSpaces()
        return t.isEmpty ? nil : t
    }

    /// N's family;given;additional;prefix;suffix as one name, family first for CJK.
    private static func name(fromN parts: [String]) -> String {
        let part = { (i: Int) in i < parts.count ? parts[i].trimmingSpaces() : "" }
        let given = [part(1), part(2)].filter { !$0.isEmpty }.joined(separator: " ")
        return PersonName.joined(given: given, family: part(0))
    }

    /// The label a TEL or EMAIL's types give: `cell` is mobile, a fax or pager says so before
    /// work or home does, and a type of the seller's own is kept; generic types are no label.
    static func label(_ types: [String]) -> String? {
        for (type, label) in [("fax", "fax"), ("pager", "pager"), ("cell", "mobile"), ("mobile", "mobile"),
                              ("work", "work"), ("home", "home")] where types.contains(type) {
            return label
        }
        let generic: Set<String> = ["pref", "voice", "internet", "x400", "msg", "text", "video", "bbs", "modem", "car",
                                    "isdn", "pcs", "other", "main"]
        return types.first { !generic.contains($0) && !$0.isEmpty && $0.count <= 30 && Int($0) == nil }
    }

    /// BDAY's date forms: `1980-03-15`, `19800315`, `--0315`, `--03-15`, with any time after a `T` ignored.
    static func birthday(_ text: String) -> Birthday? {
        let date = String(text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        if let b = Birthday(text: date) { return b }
        let digits = date.hasPrefix("--") ? String(date.dropFirst(2)) : date
        guard digits.allSatisfy(\.isASCIIDigit) else { return nil }
        let numbers = Array(digits).map { Int(String($0)) ?? 0 }
        let value = { (from: Int, count: Int) in numbers[from..<(from + count)].reduce(0) { $0 * 10 + $1 } }
        switch (date.hasPrefix("--"), numbers.count) {
        case (false, 8): return Birthday(month: value(4, 2), day: value(6, 2), year: value(0, 4))
        case (true, 4): return Birthday(month: value(0, 2), day: value(2, 2))
        default: return nil
        }
    }
}
