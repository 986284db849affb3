/// How long each kind of text may be, so a pasted novel or a runaway script cannot bloat
/// the book; over-long input is refused with the limit named, never cut silently.
public enum FieldLimits {
    public static let name = 200
    public static let shortText = 200
    public static let longText = 10_000
    public static let tag = 50
    public static let customFieldName = 50
    public static let customFieldValue = 1_000
    public static let listItems = 50
    public static let contractNumber = 60

    /// Checks a required single-line value: not empty after trimming, within `limit` characters.
    public static func required(_ value: String, field: String, limit: Int = name) throws(RapportError) -> String {
        let trimmed = value.trimmingSpaces()
        guard !trimmed.isEmpty else { throw .empty(field: field) }
        return try within(trimmed, field: field, limit: limit)
    }

    /// Checks an optional value: nil when empty after trimming, within `limit` characters.
    public static func optional(_ value: String?, field: String, limit: Int = shortText) throws(RapportError) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingSpaces()
        return trimmed.isEmpty ? nil : try within(trimmed, field: field, limit: limit)
    }

    /// Refuses a value longer than `limit` characters.
    public static func within(_ value: String, field: String, limit: Int) throws(RapportError) -> String {
        // A character is at least one byte: most values are settled without counting characters.
        guard value.utf8.count > limit else { return value }
        let length = value.count
        guard length <= limit else { throw .tooLong(field: field, value: value, length: length, limit: limit) }
        return value
    }
}

extension Customer {
    /// Checks every field against its limit (`CustomerField.lengthLimit`) and the card's own rules.
    public func validated() throws(RapportError) -> Customer {
        var c = self
        for field in CustomerField.allCases {
            guard let limit = field.lengthLimit else { continue }
            let text = field.value(of: c).string
            let checked = field == .name ? try FieldLimits.required(text ?? "", field: field.label, limit: limit)
                : try FieldLimits.optional(text, field: field.label, limit: limit)
            field.set(.text(checked), on: &c)
        }
        c.phones = try Customer.checked(phones, field: "phone")
        c.emails = try Customer.checked(emails, field: "email")
        for email in c.emails where !Customer.looksLikeEmail(email.value) {
            throw .invalid(field: "email", value: email.value, expected: "write it as name@example.com")
        }
        for phone in c.phones where PhoneNumber.digits(phone.value).utf8.count < 3 {
            throw .invalid(field: "phone", value: phone.value, expected: "a phone number needs at least 3 digits")
        }
        for phone in c.phones where PhoneNumber.isScientific(phone.value) {
            throw .invalid(field: "phone", value: phone.value,
                           expected: "a spreadsheet wrote it as a number and lost digits; format the column as text and save again")
        }
        var tags: [String] = []
        for tag in self.tags {
            let t = try FieldLimits.required(tag, field: "tag", limit: FieldLimits.tag)
            guard !t.utf8.contains(UInt8(ascii: ",")) else { throw .invalid(field: "tag", value: t, expected: "a tag cannot contain a comma") }
            if !tags.contains(t) { tags.append(t) }
        }
        guard tags.count <= FieldLimits.listItems else {
            throw .invalid(field: "tags", value: "\(tags.count) tags", expected: "at most \(FieldLimits.listItems)")
        }
        c.tags = tags
        for (key, value) in customFields {
            _ = try FieldLimits.required(key, field: "custom field name", limit: FieldLimits.customFieldName)
            _ = try FieldLimits.within(value, field: "custom field \(key)", limit: FieldLimits.customFieldValue)
        }
        if let days = cadenceDays, !(0...3650).contains(days) {
            throw .invalid(field: "cadence", value: String(days), expected: "use whole days from 1 to 3650, or 0 never to chase")
        }
        if let limit = creditLimit, limit.minorUnits < 0 {
            throw .invalid(field: "credit limit", value: limit.formatted, expected: "it cannot be negative")
        }
        return c
    }

    private static func checked(_ values: [LabeledValue], field: String) throws(RapportError) -> [LabeledValue] {
        var out: [LabeledValue] = []
        for v in values {
            let value = try FieldLimits.required(v.value, field: field, limit: FieldLimits.shortText)
            let label = try FieldLimits.optional(v.label, field: "\(field) label", limit: 30)
            out.append(LabeledValue(value, label: label))
        }
        guard out.count <= FieldLimits.listItems else {
            throw .invalid(field: field + "s", value: "\(out.count) entries", expected: "at most \(FieldLimits.listItems)")
        }
        return out
    }

    /// One @ with something on each side and a dot in the domain: enough to catch typos
    /// without refusing real addresses.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].utf8.contains(UInt8(ascii: "."))
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !text.utf8.contains(UInt8(ascii: " "))
    }
}
