/// The channel a customer prefers to be reached on.
public enum ContactChannel: String, CaseIterable, Sendable, Codable {
    case phone, email, message, wechat, visit
}
