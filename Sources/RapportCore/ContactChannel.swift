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
