/// A field of the customer card as text: what a form shows, and how typed text sets it.
/// The CLI's options and the TUI's form both go through here, so a grade or a birthday
/// reads the same everywhere.
public enum CustomerField: String, CaseIterable, Sendable {
    case name, company, title, kind, phones, emails, address, city, region, route, industry, source, tags,
         grade, status, cadence, birthday, channel, creditLevel, creditLimit, needs, concerns, notes

    /// The label a form shows.
    public var label: String {
        switch self {
        case .creditLevel: "credit level"
        case .creditLimit: "credit limit"
        default: rawValue
        }
    }

    /// What the seller may type, for a form's hint line.
    public var hint: String {
        switch self {
        case .kind: "person or company"
        case .phones: "comma-separated, each optionally labelled: mobile:138-0013-8000, work:010-1234"
        case .emails: "comma-separated: li@example.com, work:wang@example.cn"
        case .tags: "comma-separated: vip, 渠道"
        case .grade: "A, B, C or empty"
        case .cadence: "days between contacts for this customer (21), none to never chase, empty for the grade's"
        case .status: CustomerStatus.allCases.map(\.rawValue).joined(separator: ", ")
        case .birthday: "1980-03-15, 03-15 or 3月15日"
        case .channel: ContactChannel.allCases.map(\.rawValue).joined(separator: ", ")
        case .creditLimit: "50000, 12,000.50 or 5万, optionally followed by a currency: 8000 USD"
        case .source: SourceChannel.known.joined(separator: ", ") + ", or your own"
        default: ""
        }
    }

    /// The field's value as text (lists comma-separated; empty when unset).
    public func text(of c: Customer) -> String {
        switch self {
        case .name: c.name
        case .company: c.company ?? ""
        case .title: c.title ?? ""
        case .kind: c.kind.rawValue
        case .phones: c.phones.map(\.description).joined(separator: ", ")
        case .emails: c.emails.map(\.description).joined(separator: ", ")
        case .address: c.address ?? ""
        case .city: c.city ?? ""
        case .region: c.region ?? ""
        case .route: c.route ?? ""
        case .industry: c.industry ?? ""
        case .source: c.source ?? ""
        case .tags: c.tags.joined(separator: ", ")
        case .grade: c.grade?.rawValue ?? ""
        case .status: c.status.rawValue
        case .cadence: c.cadenceDays.map { $0 == 0 ? "none" : String($0) } ?? ""
        case .birthday: c.birthday?.description ?? ""
        case .channel: c.preferredChannel?.rawValue ?? ""
        case .creditLevel: c.creditLevel ?? ""
        case .creditLimit: c.creditLimit.map { $0.formatted + " " + $0.currency.code } ?? ""
        case .needs: c.needs ?? ""
        case .concerns: c.concerns ?? ""
        case .notes: c.notes ?? ""
        }
    }

    /// Sets the field from typed text; empty text clears it. Limits are checked by
    /// `Customer.validated()` when the card is saved.
    public func apply(_ text: String, to c: inout Customer) throws(RapportError) {
        let t = text.trimmingSpaces()
        let optional: String? = t.isEmpty ? nil : t
        switch self {
        case .name: c.name = t
        case .company: c.company = optional
        case .title: c.title = optional
        case .kind:
            guard let k = CustomerKind(rawValue: t.lowercased()) else {
                throw .invalid(field: "kind", value: text, expected: "use person or company")
            }
            c.kind = k
        case .phones: c.phones = Self.labeledList(t)
        case .emails: c.emails = Self.labeledList(t)
        case .address: c.address = optional
        case .city: c.city = optional
        case .region: c.region = optional
        case .route: c.route = optional
        case .industry: c.industry = optional
        case .source: c.source = optional
        case .tags: c.tags = Self.list(t)
        case .grade:
            if t.isEmpty || t.lowercased() == "none" {
                c.grade = nil
            } else if let g = Grade(text: t) {
                c.grade = g
            } else {
                throw .invalid(field: "grade", value: text, expected: "use A, B, C or none")
            }
        case .status:
            guard let s = CustomerStatus(rawValue: t.lowercased()) else {
                throw .invalid(field: "status", value: text, expected: "use " + hint)
            }
            c.status = s
        case .cadence:
            switch t.lowercased() {
            case "", "grade": c.cadenceDays = nil
            case "none", "never": c.cadenceDays = 0
            default:
                guard let n = Int(t), (1...3650).contains(n) else {
                    throw .invalid(field: "cadence", value: text, expected: "use whole days from 1 to 3650, none, or grade")
                }
                c.cadenceDays = n
            }
        case .birthday:
            if t.isEmpty {
                c.birthday = nil
            } else if let b = Birthday(text: t) {
                c.birthday = b
            } else {
                throw .invalid(field: "birthday", value: text, expected: "write " + hint)
            }
        case .channel:
            if t.isEmpty {
                c.preferredChannel = nil
            } else if let ch = ContactChannel(rawValue: t.lowercased()) {
                c.preferredChannel = ch
            } else {
                throw .invalid(field: "channel", value: text, expected: "use " + hint)
            }
        case .creditLevel: c.creditLevel = optional
        case .creditLimit: c.creditLimit = try Self.money(t, current: c.creditLimit)
        case .needs: c.needs = optional
        case .concerns: c.concerns = optional
        case .notes: c.notes = optional
        }
    }

    /// `12,000.50`, `5万` or `8000 USD`; the currency stays as it was (CNY for a new limit)
    /// unless one is given.
    static func money(_ text: String, current: Money?) throws(RapportError) -> Money? {
        guard !text.isEmpty else { return nil }
        var amount = text
        var currency = current?.currency ?? .yuan
        let words = text.split(separator: " ")
        if words.count == 2, let code = words.last, code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) {
            amount = String(words[0])
            currency = Currency(code: String(code))
        }
        do {
            return try Money(parsing: amount, currency: currency)
        } catch {
            throw .money(error)
        }
    }

    /// Comma-separated values, each optionally labelled (`mobile:138-0013-8000, work:010-1234`),
    /// as the phones and emails fields read them.
    public static func labeledList(_ text: String) -> [LabeledValue] {
        list(text).map(LabeledValue.init(parsing:))
    }

    /// Comma-separated values, trimmed, empty ones dropped, as the tags field reads them.
    public static func list(_ text: String) -> [String] {
        // Split on the byte: a comma is one byte in UTF-8, and splitting by characters is slow;
        // most cells hold one value and no comma at all.
        guard text.utf8.contains(UInt8(ascii: ",")) else {
            let item = text.trimmingSpaces()
            return item.isEmpty ? [] : [item]
        }
        return text.utf8.split(separator: UInt8(ascii: ",")).map { String(decoding: $0, as: UTF8.self).trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

/// One field a write changes on a card, as the seller reads it (`city 上海 → 深圳`).
public struct FieldChange: Hashable, Sendable {
    /// The field's label, or a custom field's own name.
    public var field: String
    /// The text before, empty when unset.
    public var before: String
    /// The text after, empty when cleared.
    public var after: String

    public init(field: String, before: String, after: String) {
        self.field = field
        self.before = before
        self.after = after
    }
}

extension CustomerField {
    /// What differs from one card to another: the fields in the card's order, then the
    /// custom fields by name.
    public static func changes(from old: Customer, to new: Customer) -> [FieldChange] {
        var changes = allCases.compactMap { field in
            let (before, after) = (field.text(of: old), field.text(of: new))
            return before == after ? nil : FieldChange(field: field.label, before: before, after: after)
        }
        for name in Set(old.customFields.keys).union(new.customFields.keys).sorted() {
            let (before, after) = (old.customFields[name] ?? "", new.customFields[name] ?? "")
            if before != after { changes.append(FieldChange(field: name, before: before, after: after)) }
        }
        return changes
    }
}
