/// The seller's A/B/C grading of a customer: A the most valuable, contacted most often.
public enum Grade: String, CaseIterable, Sendable, Codable {
    case a = "A", b = "B", c = "C"

    /// Reads `A`, `b`, … (case-insensitive); `none` and the empty string are not grades.
    public init?(text: String) {
        self.init(rawValue: text.uppercased())
    }
}

/// Where a customer stands with the seller.
public enum CustomerStatus: String, CaseIterable, Sendable, Codable {
    case lead, prospect, customer, dormant, lost

    /// Dormant and lost customers are not chased by the reminders.
    public var isChased: Bool { self != .dormant && self != .lost }

    /// The status as written in English or as a Chinese spreadsheet writes it (`意向客户`).
    public init?(typed text: String) {
        let words: [String: CustomerStatus] = ["线索": .lead, "潜在客户": .prospect, "意向客户": .prospect, "客户": .customer,
                                               "成交客户": .customer, "老客户": .customer, "休眠": .dormant, "沉睡客户": .dormant,
                                               "流失": .lost, "流失客户": .lost]
        guard let status = CustomerStatus(rawValue: text.lowercased()) ?? words[text] else { return nil }
        self = status
    }
}

/// A person or a company (a company has contact persons under it).
public enum CustomerKind: String, CaseIterable, Sendable, Codable {
    case person, company

    /// The kind as written in English or in Chinese (`个人`, `企业`).
    public init?(typed text: String) {
        let words: [String: CustomerKind] = ["个人": .person, "企业": .company, "公司": .company, "单位": .company, "机构": .company]
        guard let kind = CustomerKind(rawValue: text.lowercased()) ?? words[text] else { return nil }
        self = kind
    }
}

/// The channel a customer prefers to be reached on.
public enum ContactChannel: String, CaseIterable, Sendable, Codable {
    case phone, email, message, wechat, visit

    /// The channel as written in English or in Chinese (`微信`, `电话`).
    public init?(typed text: String) {
        let words: [String: ContactChannel] = ["电话": .phone, "手机": .phone, "邮件": .email, "邮箱": .email, "短信": .message,
                                               "微信": .wechat, "拜访": .visit, "上门": .visit]
        guard let channel = ContactChannel(rawValue: text.lowercased()) ?? words[text] else { return nil }
        self = channel
    }
}

/// Where a customer came from.
///
/// Free text in the store, so a seller can name their own channels; these are the ones
/// the process guides name, offered in help and used by the demo book.
public enum SourceChannel {
    public static let known = ["trade-show", "referral", "website", "cold-call", "advertising", "social", "partner", "event"]
}
