import RapportBase

/// Everything a seller can get wrong, each with a one-line message that names the bad value.
public enum RapportError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty(field: String)
    case tooLong(field: String, value: String, length: Int, limit: Int)
    case invalid(field: String, value: String, expected: String)
    case date(DateExpressionError)
    case logLine(QuickLogError)
    case money(MoneyError)
    case customerNotFound(String)
    case ambiguousCustomer(String, [CustomerCandidate])
    case notFound(what: String, reference: String)
    case conflict(String)
    case databaseTooNew(path: String)
    case database(path: String, reason: String)

    /// A field's name as the Chinese interface says it: a card field's or a contact
    /// person's label, else the name as it is (an option, a setting).
    static func said(_ field: String) -> String {
        let singular = ["phone": CustomerField.phones, "email": .emails, "tag": .tags, "credit limit": .creditLimit]
        return (CustomerField(rawValue: field) ?? singular[field])?.said ?? ContactPersonField(rawValue: field)?.said ?? field
    }

    public var description: String {
        switch self {
        case .empty(let field):
            Language.say("\(field) must not be empty", Self.said(field) + "不能为空")
        case .tooLong(let field, let value, let length, let limit):
            Language.say("\(field) \(value.quotedForMessage) is \(length) characters long; the limit is \(limit)",
                         Self.said(field) + " \(value.quotedForMessage) 有 \(length) 个字符；最多 \(limit) 个")
        case .invalid(let field, let value, let expected):
            Language.say("invalid \(field) \(value.quotedForMessage); \(expected)", Self.said(field) + " \(value.quotedForMessage) 无效；\(expected)")
        case .date(let e):
            e.description
        case .logLine(let e):
            e.description
        case .money(let e):
            e.description
        case .customerNotFound(let ref):
            "no customer matches \(ref.quotedForMessage); try `rapport list` to see your customers"
        case .ambiguousCustomer(let ref, let candidates):
            "\(ref.quotedForMessage) matches \(candidates.count) customers; name one by its number"
        case .notFound(let what, let ref):
            "no \(what) \(ref.quotedForMessage)"
        case .conflict(let message):
            message
        case .databaseTooNew(let path):
            "the database \(path.quotedForMessage) was written by a newer Rapport; upgrade Rapport to open it (the file was not modified)"
        case .database(let path, let reason):
            "cannot use the database \(path.quotedForMessage): \(reason)"
        }
    }
}

extension StringProtocol {
    /// The value in quotes for an error message: control characters and escape sequences
    /// removed, and cut to 40 cells so one bad value cannot flood the line.
    public var quotedForMessage: String {
        "\"" + TerminalText.sanitized(String(self)).truncated(toWidth: 40) + "\""
    }
}
