/// What makes two cards the same customer when a book is brought in: the same phone
/// number or email address under names that agree, or the same name at the same company.
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
        key.hasPrefix("name:") ? "same name and company" : "same " + shared(key)
    }

    /// What two cards sharing a phone or email key share, in the seller's words (`phone 13800138000`).
    public static func shared(_ key: String) -> String {
        if key.hasPrefix("tel:") { return "phone " + key.dropFirst(4) }
        if key.hasPrefix("mail:") { return "email " + key.dropFirst(5) }
        return "name and company"
    }

    // MARK: - Names

    /// Whether two cards sharing a phone or an email may be one customer by their names: the
    /// same name folded, the same spelling in letters (王建国, `Wang Jianguo` and `wangjianguo`
    /// agree), or no name on one side. A switchboard or a reassigned mobile is shared by people
    /// of other names, and a match by it alone would rewrite one person with another.
    public static func namesAgree(_ a: String, _ b: String, memo: PinyinMemo? = nil) -> Bool {
        let (a, b) = (a.trimmingSpaces(), b.trimmingSpaces())
        guard namesSomeone(a), namesSomeone(b) else { return true }
        if SearchKeys.fold(a) == SearchKeys.fold(b) { return true }
        // Two names in Han characters agree only as written: 张伟 and 张薇 are both zhangwei.
        let (hanA, hanB) = (a.unicodeScalars.contains(where: Pinyin.isHan), b.unicodeScalars.contains(where: Pinyin.isHan))
        guard !(hanA && hanB) else { return false }
        return !Set(spellings(a, han: hanA, memo: memo)).isDisjoint(with: spellings(b, han: hanB, memo: memo))
    }

    /// Whether a name says who someone is: a row without a name is named by its phone or email
    /// (`CustomerColumns`), and that says nothing.
    static func namesSomeone(_ name: String) -> Bool {
        name.contains(where: \.isLetter) && !name.contains("@")
    }

    /// A name's letters alone, lowercased: its pinyin readings when it has Han characters.
    static func spellings(_ name: String, han: Bool, memo: PinyinMemo?) -> [String] {
        guard !han else { return (memo?.readings(ofName: name) ?? Pinyin.readings(ofName: name)).map { $0.joined() } }
        return [String(SearchKeys.fold(name).filter { $0.isLetter || $0.isNumber })]
    }
}

extension Customer {
    /// This saved card brought up to date from an imported one, as `CustomerField.onImport` says:
    /// every field the import fills replaces this card's, phones, emails and tags are added to,
    /// and the name and what the store keeps (id, when added, the contact clock) stay: an import
    /// never renames a card (a row spelling the name in pinyin, or with none, matches it too).
    public func updated(from imported: Customer, now: LocalDateTime) -> Customer {
        var c = self
        // A row fills a field when it holds something a new card does not.
        let blank = Customer(name: "", createdAt: now)
        for field in CustomerField.allCases where field.onImport == .replacedWhenGiven {
            let value = field.value(of: imported)
            if value != field.value(of: blank) { field.set(value, on: &c) }
        }
        c.add(phonesEmailsAndTagsOf: imported)
        c.customFields.merge(imported.customFields) { _, new in new }
        c.updatedAt = now
        return c
    }

    /// Adds the other card's phones, emails and tags this one lacks: a number as
    /// `DuplicateKeys.phone` reads it (`+86 138-0013-8000` is `13800138000`), an address in any case.
    public mutating func add(phonesEmailsAndTagsOf other: Customer) {
        var phones = Set(self.phones.map { DuplicateKeys.phone($0.value) })
        self.phones += other.phones.filter { phones.insert(DuplicateKeys.phone($0.value)).inserted }
        var emails = Set(self.emails.map { $0.value.lowercased() })
        self.emails += other.emails.filter { emails.insert($0.value.lowercased()).inserted }
        var tags = Set(self.tags)
        self.tags += other.tags.filter { tags.insert($0).inserted }
    }
}
