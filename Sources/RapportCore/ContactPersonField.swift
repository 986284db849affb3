import RapportBase

/// A field of a contact person as text: the CLI's `contact add|edit` options and the TUI's
/// contact form both go through here, so a role or a birthday reads the same everywhere.
public enum ContactPersonField: String, CaseIterable, Sendable {
    case name, role, phone, email, birthday, notes

    /// What the seller may type, for an option's help and a form's hint line.
    public var hint: String {
        switch self {
        case .name: Language.say("the person's name", "联系人姓名")
        case .role: Language.say(DecisionRole.allCases.map(\.rawValue).joined(separator: ", ") + " or empty",
                                 DecisionRole.allCases.map { $0.rawValue + "（" + $0.said + "）" }.joined(separator: "、") + "或留空")
        case .phone: Language.say("phone number", "电话号码")
        case .email: Language.say("email address", "邮箱地址")
        case .birthday: Language.say("1980-03-15, 03-15 or 3月15日", "1980-03-15、03-15 或 3月15日")
        case .notes: Language.say("notes", "备注")
        }
    }

    /// The label in the interface's words: the contact form's.
    public var said: String {
        Language.say(rawValue, ["姓名", "角色", "电话", "邮箱", "生日", "备注"][ContactPersonField.allCases.firstIndex(of: self) ?? 0])
    }

    /// The field's value as text, empty when unset.
    public func text(of p: ContactPerson) -> String {
        switch self {
        case .name: p.name
        case .role: p.role?.rawValue ?? ""
        case .phone: p.phone ?? ""
        case .email: p.email ?? ""
        case .birthday: p.birthday?.shown ?? ""
        case .notes: p.notes ?? ""
        }
    }

    /// Sets the field from typed text, checked against its limit; empty text clears it
    /// (the name, which a person must have, is refused empty).
    public func apply(_ text: String, to p: inout ContactPerson) throws(RapportError) {
        let t = text.trimmingSpaces()
        switch self {
        case .name: p.name = try FieldLimits.required(t, field: rawValue)
        case .role:
            guard t.isEmpty || DecisionRole(rawValue: t.lowercased()) != nil else {
                throw .invalid(field: rawValue, value: text, expected: "use " + DecisionRole.allCases.map(\.rawValue).joined(separator: ", "))
            }
            p.role = DecisionRole(rawValue: t.lowercased())
        case .phone: p.phone = try FieldLimits.optional(t, field: rawValue)
        case .email: p.email = try FieldLimits.optional(t, field: rawValue)
        case .notes: p.notes = try FieldLimits.optional(t, field: rawValue, limit: FieldLimits.longText)
        case .birthday:
            if t.isEmpty {
                p.birthday = nil
            } else if let b = Birthday(text: t) {
                p.birthday = b
            } else {
                throw .invalid(field: rawValue, value: text, expected: "write " + hint)
            }
        }
    }
}
