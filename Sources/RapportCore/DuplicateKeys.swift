/// What makes two cards the same customer when a book is brought in: the same phone
/// number, the same email address, or the same name at the same company.
public enum DuplicateKeys {
    /// The keys of a customer, each tagged with what it is (`tel:`, `mail:`, `name:`).
    public static func of(_ c: Customer) -> [String] {
        var keys: [String] = []
        keys += c.phones.compactMap { phoneKey($0.value) }
        for e in c.emails where !e.value.isEmpty { keys.append("mail:" + e.value.lowercased()) }
        keys.append(nameKey(name: c.name, company: c.company))
        return keys
    }

    /// The key of a phone number; nil when it has too few digits to tell customers apart.
    public static func phoneKey(_ text: String) -> String? {
        let digits = phone(text)
        return digits.utf8.count >= 6 ? "tel:" + digits : nil
    }

    /// The name-and-company key alone, for books read back from the store.
    public static func nameKey(name: String, company: String?) -> String {
        "name:" + SearchKeys.fold(name.trimmingSpaces()) + "|" + SearchKeys.fold((company ?? "").trimmingSpaces())
    }

    /// A phone number's digits without China's country code, so `+86 138-0013-8000` and
    /// `13800138000` are one number.
    public static func phone(_ text: String) -> String {
        let digits = PhoneNumber.digits(text)
        for prefix in ["0086", "86"] where digits.hasPrefix(prefix) && digits.utf8.count == prefix.utf8.count + 11 {
            return String(digits.dropFirst(prefix.count))
        }
        return digits
    }

    /// Why a card duplicates another, in the seller's words, from the key they share.
    public static func reason(_ key: String) -> String {
        if key.hasPrefix("tel:") { return "same phone " + key.dropFirst(4) }
        if key.hasPrefix("mail:") { return "same email " + key.dropFirst(5) }
        return "same name and company"
    }
}

extension Customer {
    /// This saved card brought up to date from an imported one: every field the import fills
    /// replaces this card's, phones, emails and tags are added to, and what the store keeps
    /// (id, when added, the contact clock) stays.
    public func updated(from imported: Customer, now: LocalDateTime) -> Customer {
        var c = self
        c.name = imported.name
        func take<T>(_ path: WritableKeyPath<Customer, T?>) {
            if let value = imported[keyPath: path] { c[keyPath: path] = value }
        }
        take(\.company); take(\.title); take(\.address); take(\.city); take(\.region); take(\.route)
        take(\.industry); take(\.source); take(\.grade); take(\.birthday); take(\.preferredChannel)
        take(\.creditLevel); take(\.creditLimit); take(\.needs); take(\.concerns); take(\.notes); take(\.cadenceDays)
        if imported.kind != .person { c.kind = imported.kind }
        if imported.status != .lead { c.status = imported.status }
        let phones = Set(c.phones.map { DuplicateKeys.phone($0.value) })
        c.phones += imported.phones.filter { !phones.contains(DuplicateKeys.phone($0.value)) }
        let emails = Set(c.emails.map { $0.value.lowercased() })
        c.emails += imported.emails.filter { !emails.contains($0.value.lowercased()) }
        c.tags += imported.tags.filter { !c.tags.contains($0) }
        c.customFields.merge(imported.customFields) { _, new in new }
        c.updatedAt = now
        return c
    }
}
