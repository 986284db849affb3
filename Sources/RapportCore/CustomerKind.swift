import RapportBase

/// A person or a company (a company has contact persons under it).
public enum CustomerKind: String, CaseIterable, Sendable, Codable {
    case person, company

    /// The kind in the interface's words.
    public var said: String { Language.say(rawValue, self == .person ? "个人" : "公司") }

    /// The kind as written in English or in Chinese (`个人`, `企业`).
    public init?(typed text: String) {
        let words: [String: CustomerKind] = ["个人": .person, "企业": .company, "公司": .company, "单位": .company, "机构": .company]
        guard let kind = CustomerKind(rawValue: text.lowercased()) ?? words[text] else { return nil }
        self = kind
    }
}
