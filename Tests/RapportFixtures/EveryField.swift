import RapportCore

/// A card with every field set, built from the field table, for the tests of each path out of
/// the book and back (store, JSON, CSV, vCard, `rapport show`): a path that drops a field fails.
public enum EveryField {
    /// What the seller types for each field, as `CustomerField.apply` reads it. A free-text
    /// field gets text naming it, with what the formats escape (a leading `=`, commas, quotes,
    /// a semicolon); a typed field its own value, none of them what a new card has.
    public static func text(_ field: CustomerField) -> String {
        switch field {
        case .name: "王建国"
        case .kind: "company"
        case .phones: "mobile:138-0013-8000, work:010-1234"
        case .emails: "work:wang@example.cn"
        case .tags: "vip, 渠道"
        case .grade: "A"
        case .status: "customer"
        case .cadence: "21"
        case .birthday: "1980-03-15"
        case .channel: "wechat"
        case .creditLimit: "12,000.50 USD"
        default: "=\(field.label)：华信, \"一\"; 二"
        }
    }

    /// The card: each field set from `text`, and a custom field.
    public static func card(createdAt: LocalDateTime) throws -> Customer {
        var c = Customer(name: "", createdAt: createdAt)
        for field in CustomerField.allCases { try field.apply(text(field), to: &c) }
        c.customFields = ["微信号": "wjg88"]
        return try c.validated()
    }

    /// `c` with `field` as a new card has it.
    public static func card(_ c: Customer, without field: CustomerField) -> Customer {
        var without = c
        field.set(field.value(of: Customer(name: "", createdAt: c.createdAt)), on: &without)
        return without
    }
}
