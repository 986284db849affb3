import RapportBase

/// Where a customer stands with the seller.
public enum CustomerStatus: String, CaseIterable, Sendable, Codable {
    case lead, prospect, customer, dormant, lost

    /// The status in the interface's words.
    public var said: String {
        Language.say(rawValue, ["线索", "潜在客户", "客户", "休眠", "流失"][CustomerStatus.allCases.firstIndex(of: self) ?? 0])
    }

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
