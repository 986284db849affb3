import RapportBase

/// A field of the customer card: the one table every per-field path walks (the paths are in
/// `CustomerField+Paths.swift`). Here, the field as text (what a form shows, and how typed text
/// sets it: the CLI's options and the TUI's form both go through here, so a grade or a
/// birthday reads the same everywhere) and as a typed value.
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

    /// The label in the interface's words: the form's and the card's.
    public var said: String {
        let zh: String = switch self {
        case .name: "姓名"
        case .company: "公司"
        case .title: "职位"
        case .kind: "类型"
        case .phones: "电话"
        case .emails: "邮箱"
        case .address: "地址"
        case .city: "城市"
        case .region: "区域"
        case .route: "路线"
        case .industry: "行业"
        case .source: "来源"
        case .tags: "标签"
        case .grade: "等级"
        case .status: "状态"
        case .cadence: "联系周期"
        case .birthday: "生日"
        case .channel: "首选渠道"
        case .creditLevel: "信用等级"
        case .creditLimit: "信用额度"
        case .needs: "需求"
        case .concerns: "顾虑"
        case .notes: "备注"
        }
        return Language.say(label, zh)
    }

    /// What the seller may type, for a form's hint line.
    public var hint: String {
        switch self {
        case .kind: Language.say("person or company", "person（个人）或 company（公司）")
        case .phones: Language.say("comma-separated, each optionally labelled: mobile:138-0013-8000, work:010-1234",
                                   "用逗号分隔，可加标签：mobile:138-0013-8000, work:010-1234")
        case .emails: Language.say("comma-separated: li@example.com, work:wang@example.cn", "用逗号分隔：li@example.com, work:wang@example.cn")
        case .tags: Language.say("comma-separated: vip, 渠道", "用逗号分隔：vip, 渠道")
        case .grade: Language.say("A, B, C or empty", "A、B、C 或留空")
        case .cadence: Language.say("days between contacts for this customer (21), none to never chase, empty for the grade's",
                                    "这位客户的联系间隔天数（21），none 表示从不提醒，留空则按等级")
        case .status: CustomerStatus.allCases.map(\.rawValue).joined(separator: ", ")
        case .birthday: Language.say("1980-03-15, 03-15 or 3月15日", "1980-03-15、03-15 或 3月15日")
        case .channel: ContactChannel.allCases.map(\.rawValue).joined(separator: ", ")
        case .creditLimit: Language.say("50000, 12,000.50 or 5万, optionally followed by a currency: 8000 USD",
                                        "50000、12,000.50 或 5万，可跟币种：8000 USD")
        case .source: SourceChannel.known.joined(separator: ", ") + Language.say(", or your own", "，或自己写")
        default: ""
        }
    }

    /// The field's value as text (lists comma-separated; empty when unset).
    public func text(of c: Customer) -> String {
        // The store's `--03-15` is vCard's; people, and spreadsheets, write 03-15.
        if self == .birthday { return c.birthday?.shown ?? "" }
        return switch value(of: c) {
        case .text(let text): text ?? ""
        // A cadence of 0 never chases.
        case .number(let n): n.map { self == .cadence && $0 == 0 ? "none" : String($0) } ?? ""
        case .money(let m): m.map { $0.formatted + " " + $0.currency.code } ?? ""
        case .list(let items): items.joined(separator: ", ")
        case .labeled(let items): items.map(\.description).joined(separator: ", ")
        }
    }

    /// The field's value as the card holds it.
    public func value(of c: Customer) -> FieldValue {
        switch self {
        case .name: .text(c.name)
        case .company: .text(c.company)
        case .title: .text(c.title)
        case .kind: .text(c.kind.rawValue)
        case .phones: .labeled(c.phones)
        case .emails: .labeled(c.emails)
        case .address: .text(c.address)
        case .city: .text(c.city)
        case .region: .text(c.region)
        case .route: .text(c.route)
        case .industry: .text(c.industry)
        case .source: .text(c.source)
        case .tags: .list(c.tags)
        case .grade: .text(c.grade?.rawValue)
        case .status: .text(c.status.rawValue)
        case .cadence: .number(c.cadenceDays)
        case .birthday: .text(c.birthday?.description)
        case .channel: .text(c.preferredChannel?.rawValue)
        case .creditLevel: .text(c.creditLevel)
        case .creditLimit: .money(c.creditLimit)
        case .needs: .text(c.needs)
        case .concerns: .text(c.concerns)
        case .notes: .text(c.notes)
        }
    }

    /// Sets the field from a value as `value(of:)` gives it (or the store reads it): nothing is
    /// checked, and a code Rapport does not know leaves the field unset (a kind or status as
    /// a new card has it).
    public func set(_ value: FieldValue, on c: inout Customer) {
        switch self {
        case .name: c.name = value.string ?? ""
        case .company: c.company = value.string
        case .title: c.title = value.string
        case .kind: c.kind = value.string.flatMap(CustomerKind.init(rawValue:)) ?? .person
        case .phones: c.phones = value.labeledValues
        case .emails: c.emails = value.labeledValues
        case .address: c.address = value.string
        case .city: c.city = value.string
        case .region: c.region = value.string
        case .route: c.route = value.string
        case .industry: c.industry = value.string
        case .source: c.source = value.string
        case .tags: c.tags = value.strings
        case .grade: c.grade = value.string.flatMap(Grade.init(rawValue:))
        case .status: c.status = value.string.flatMap(CustomerStatus.init(rawValue:)) ?? .lead
        case .cadence: c.cadenceDays = value.integer
        case .birthday: c.birthday = value.string.flatMap(Birthday.init(text:))
        case .channel: c.preferredChannel = value.string.flatMap(ContactChannel.init(rawValue:))
        case .creditLevel: c.creditLevel = value.string
        case .creditLimit: c.creditLimit = value.amount
        case .needs: c.needs = value.string
        case .concerns: c.concerns = value.string
        case .notes: c.notes = value.string
        }
    }

    /// Sets the field from typed text; empty text clears it. Limits are checked by
    /// `Customer.validated()` when the card is saved.
    public func apply(_ text: String, to c: inout Customer) throws(RapportError) {
        let t = text.trimmingSpaces()
        let optional: String? = t.isEmpty ? nil : t
        switch self {
        case .name: c.name = t
        case .company, .title, .address, .city, .region, .route, .industry, .source, .creditLevel, .needs, .concerns, .notes:
            set(.text(optional), on: &c)
        case .kind:
            guard let k = CustomerKind(typed: t) else {
                throw .invalid(field: "kind", value: text, expected: Language.say("use person or company", "可用 person（个人）或 company（公司）"))
            }
            c.kind = k
        case .phones: c.phones = Self.labeledList(t)
        case .emails: c.emails = Self.labeledList(t)
        case .tags: c.tags = Self.list(t)
        case .grade:
            if t.isEmpty || t.lowercased() == "none" {
                c.grade = nil
            } else if let g = Grade(text: t) {
                c.grade = g
            } else {
                throw .invalid(field: "grade", value: text, expected: Language.say("use A, B, C or none", "可用 A、B、C 或 none"))
            }
        case .status:
            guard let s = CustomerStatus(typed: t) else {
                throw .invalid(field: "status", value: text, expected: Language.say("use ", "可用 ") + hint)
            }
            c.status = s
        case .cadence:
            switch t.lowercased() {
            case "", "grade": c.cadenceDays = nil
            case "none", "never": c.cadenceDays = 0
            default:
                guard let n = Int(t), (1...3650).contains(n) else {
                    throw .invalid(field: "cadence", value: text, expected: Language.say("use whole days from 1 to 3650, none, or grade", "写 1 到 3650 的整天数、none 或 grade"))
                }
                c.cadenceDays = n
            }
        case .birthday:
            if t.isEmpty {
                c.birthday = nil
            } else if let b = Birthday(text: t) {
                c.birthday = b
            } else {
                throw .invalid(field: "birthday", value: text, expected: Language.say("write ", "写 ") + hint)
            }
        case .channel:
            if t.isEmpty {
                c.preferredChannel = nil
            } else if let ch = ContactChannel(typed: t) {
                c.preferredChannel = ch
            } else {
                throw .invalid(field: "channel", value: text, expected: Language.say("use ", "可用 ") + hint)
            }
        case .creditLimit: c.creditLimit = try Self.money(t, current: c.creditLimit)
        }
    }

    /// `12,000.50`, `5万` or `8000 USD`; the currency stays as it was (CNY for a new limit)
    /// unless one is given.
    static func money(_ text: String, current: Money?) throws(RapportError) -> Money? {
        guard !text.isEmpty else { return nil }
        do {
            return try Money(parsing: text, currency: Money.currency(in: text) ?? current?.currency ?? .yuan)
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
