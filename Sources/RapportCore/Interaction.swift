import RapportBase

/// One entry of a customer's follow-up timeline: a call, an email, a visit …
public struct Interaction: Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var customerID: Int64
    /// The contact person spoken to, when the customer is a company.
    public var contactID: Int64?
    public var kind: InteractionKind
    public var at: LocalDateTime
    public var outcome: Outcome?
    public var note: String

    public init(customerID: Int64, kind: InteractionKind, at: LocalDateTime, outcome: Outcome? = nil, note: String = "") {
        id = nil
        self.customerID = customerID
        contactID = nil
        self.kind = kind
        self.at = at
        self.outcome = outcome
        self.note = note
    }
}

/// What kind of contact an interaction was.
public enum InteractionKind: String, CaseIterable, Sendable, Codable {
    case call, email, visit, meeting, message, note

    /// The one-letter shortcut the quick-log grammar accepts (`c`, `e`, `v`, `m`, `s`, `n`).
    public var shortcut: Character {
        switch self {
        case .call: "c"
        case .email: "e"
        case .visit: "v"
        case .meeting: "m"
        case .message: "s"
        case .note: "n"
        }
    }

    /// Reads a kind by name, shortcut, or Chinese name (电话, 邮件, 拜访, 会议, 短信, 备注).
    public init?(text: String) {
        let t = text.lowercased()
        if let kind = InteractionKind(rawValue: t) ?? InteractionKind.allCases.first(where: { String($0.shortcut) == t }) {
            self = kind
            return
        }
        let aliases: [String: InteractionKind] = [
            "phone": .call, "sms": .message, "msg": .message, "wechat": .message,
            "电话": .call, "邮件": .email, "拜访": .visit, "会议": .meeting, "见面": .meeting,
            "短信": .message, "微信": .message, "消息": .message, "备注": .note, "笔记": .note,
        ]
        guard let kind = aliases[t] else { return nil }
        self = kind
    }

    /// The kind in the interface's words: `call`, or `电话`.
    public var said: String {
        Language.say(rawValue, ["电话", "邮件", "拜访", "会议", "消息", "备注"][InteractionKind.allCases.firstIndex(of: self) ?? 0])
    }

    /// A note is something the seller wrote down, not a contact with the customer:
    /// it does not reset the "days since last contact" clock.
    public var isContact: Bool { self != .note }

    /// Visits and meetings are the face-to-face contacts grade A customers need.
    public var isFaceToFace: Bool { self == .visit || self == .meeting }
}

/// How a contact attempt ended.
public enum Outcome: String, CaseIterable, Sendable, Codable {
    case reached
    case noAnswer = "no-answer"
    case replied
    case noReply = "no-reply"

    /// The outcome in the interface's words.
    public var said: String { Language.say(rawValue, ["接通", "未接", "已回复", "未回复"][Outcome.allCases.firstIndex(of: self) ?? 0]) }

    /// Reads an outcome by name (`no-answer`, `noanswer`, `no_answer`) or Chinese (接通, 未接, 已回复, 未回复).
    public init?(text: String) {
        let t = String(text.lowercased().map { $0 == "_" ? "-" : $0 })
        if let o = Outcome(rawValue: t) {
            self = o
            return
        }
        let aliases: [String: Outcome] = [
            "noanswer": .noAnswer, "noreply": .noReply, "接通": .reached, "已接通": .reached, "未接": .noAnswer,
            "未接通": .noAnswer, "无人接听": .noAnswer, "已回复": .replied, "回复": .replied, "未回复": .noReply,
        ]
        guard let o = aliases[t] else { return nil }
        self = o
    }

    /// No answer and no reply are failed attempts.
    public var isFailedAttempt: Bool { self == .noAnswer || self == .noReply }
}
