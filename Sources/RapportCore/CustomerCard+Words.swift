import RapportBase

/// The card in words, as `rapport show` and the TUI's card both say it: each phrase once,
/// so that the card reads the same in both (and a translation changes it here). Layout —
/// columns, tables, colours — stays with each. User text comes back sanitized.
extension CustomerCard {
    /// What follows the name on the card's first line: `#1  grade A · customer · person`.
    public static func standing(_ c: Customer) -> String {
        "#" + String(c.id ?? 0) + "  " + (c.grade.map { Language.say("grade " + $0.rawValue, $0.rawValue + "类") } ?? Language.say("ungraded", "未分级"))
            + " · " + c.status.said + " · " + c.kind.said
    }

    /// `华信科技有限公司 · 采购总监`; empty when the card has neither.
    public static func subtitle(_ c: Customer) -> String {
        [c.company, c.title].compactMap { $0 }.map(TerminalText.sanitized).joined(separator: " · ")
    }

    /// The card's lines below the headline, label and value, those without a value left out:
    /// the fields in `CustomerField.cardLines` order, the custom fields, when the card was
    /// added and when the customer was last contacted.
    public static func fieldLines(_ c: Customer, today: Day) -> [(label: String, value: String)] {
        var lines: [(label: String, value: String)] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append((label, value)) }
        }
        for field in CustomerField.cardLines {
            if let (label, value) = line(field, of: c, today: today) { add(label, value) }
        }
        for key in c.customFields.keys.sorted() { add(TerminalText.sanitized(key), c.customFields[key].map(TerminalText.sanitized)) }
        add(Language.say("Added", "添加于"), c.createdAt.text + Language.say(" · updated ", " · 更新于 ") + c.updatedAt.text)
        add(Language.say("Contacted", "上次联系"),
            c.lastContactAt.map { "\($0.text) (\(RelativeDay.describe($0.day, today: today)))" } ?? Language.say("never", "从未"))
        return lines
    }

    /// A field's line on the card; nil for the headline's fields and for those shown on
    /// another field's line (the region with the city, the credit limit with the level).
    static func line(_ field: CustomerField, of c: Customer, today: Day) -> (label: String, value: String)? {
        func clean(_ s: String) -> String { TerminalText.sanitized(s) }
        switch field {
        case .name, .company, .title, .kind, .grade, .status, .region, .creditLimit:
            return nil
        case .phones: return (Language.say("Phone", "电话"), c.phones.map { clean($0.description) }.joined(separator: ", "))
        case .emails: return (Language.say("Email", "邮箱"), c.emails.map { clean($0.description) }.joined(separator: ", "))
        case .city: return (Language.say("City", "城市"), [c.city, c.region].compactMap { $0 }.map(clean).joined(separator: ", "))
        case .tags: return (Language.say("Tags", "标签"), c.tags.map(clean).joined(separator: ", "))
        case .birthday:
            return c.birthday.map { b in (Language.say("Birthday", "生日"), "\(b.shown) (\(RelativeDay.describe(b.nextOccurrence(onOrAfter: today), today: today)))") }
        case .cadence:
            return c.cadenceDays.map {
                (Language.say("Cadence", "联系周期"), $0 == 0 ? Language.say("never chased", "从不提醒") : Language.say("every \($0) days (own)", "每\($0)天（自定）"))
            }
        case .creditLevel:
            return (Language.say("Credit", "信用"), [c.creditLevel.map(clean), c.creditLimit.map { Language.say("limit \($0)", "额度 \($0)") }].compactMap { $0 }.joined(separator: ", "))
        default:
            return (field.said.prefix(1).uppercased() + field.said.dropFirst(), clean(field.text(of: c)))
        }
    }

    /// A deal's stage as the card says it: `proposal 50%`, `won`, `lost (price)`.
    public static func stage(of d: Deal, pipeline: PipelineSettings) -> String {
        stage(d.stage, lostReason: d.lostReason, probability: d.stage.isOpen ? d.probability(pipeline) : nil)
    }

    /// `proposal 50%` (with a probability), `won`, `lost (price)`.
    public static func stage(_ stage: Stage, lostReason: LostReason?, probability: Int? = nil) -> String {
        stage == .lost ? stage.said + Language.say(" (", "（") + (lostReason ?? .other).said + Language.say(")", "）") : stage.said + (probability.map { " \($0)%" } ?? "")
    }

    /// The contact person a logged interaction was with, if the card has them.
    public func person(of i: Interaction) -> ContactPerson? {
        i.contactID.flatMap { id in contacts.first { $0.id == id } }
    }
}
