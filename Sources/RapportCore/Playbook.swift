/// A named sequence of follow-ups relative to a start day: the after-sales rhythm of the
/// process guides (a service-start message within a day of a win, usage guidance within
/// three, a monthly value review).
public struct Playbook: Hashable, Sendable {
    public var name: String
    public var steps: [PlaybookStep]

    public init(name: String, steps: [PlaybookStep]) {
        self.name = name
        self.steps = steps
    }

    /// The follow-ups the playbook schedules for a customer from `start`; with `workdays`,
    /// one that falls on a Saturday or a Sunday is on the Monday after.
    public func followUps(customerID: Int64, from start: Day, createdAt: LocalDateTime, workdays: Bool) -> [FollowUp] {
        steps.map { step in
            let day = start.adding(days: step.offsetDays)
            let due = workdays ? day.adding(days: [.saturday: 2, .sunday: 1][day.weekday] ?? 0) : day
            return FollowUp(customerID: customerID, due: When(day: due), title: step.title, createdAt: createdAt)
        }
    }

    /// Checks a name and steps as the seller typed them.
    public static func validated(name: String, steps: [PlaybookStep]) throws(RapportError) -> Playbook {
        let n = try FieldLimits.required(name, field: "playbook name", limit: 50)
        guard !n.contains(" ") else { throw .invalid(field: "playbook name", value: n, expected: "use one word, e.g. onboarding") }
        guard !steps.isEmpty else { throw .empty(field: "playbook steps") }
        guard steps.count <= FieldLimits.listItems else {
            throw .invalid(field: "playbook steps", value: "\(steps.count) steps", expected: "at most \(FieldLimits.listItems)")
        }
        return Playbook(name: n, steps: steps)
    }
}

/// One step of a playbook: a follow-up so many days after the start, with a title.
public struct PlaybookStep: Hashable, Sendable, CustomStringConvertible {
    public var offsetDays: Int
    public var title: String

    public init(offsetDays: Int, title: String) {
        self.offsetDays = offsetDays
        self.title = title
    }

    /// `+3d title` as `rapport playbook show` prints it and `set` reads it.
    public var description: String { "+\(offsetDays)d " + title }

    /// Reads `+1d 服务启动通知`, `+2w usage check`, `30 monthly review` (days), `0 same day`.
    public init(parsing text: String) throws(RapportError) {
        let t = text.trimmingSpaces()
        let head = t.prefix { $0 != " " }
        let title = t.dropFirst(head.count).trimmingSpaces()
        var digits = Substring(head.hasPrefix("+") ? head.dropFirst() : head[...])
        var scale = 1
        if digits.hasSuffix("d") {
            digits = digits.dropLast()
        } else if digits.hasSuffix("w") {
            digits = digits.dropLast()
            scale = 7
        }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCIIDigit), let n = Int(digits) else {
            throw .invalid(field: "playbook step", value: text, expected: "write an offset then a title: +1d 服务启动通知, +2w usage check")
        }
        guard !title.isEmpty else { throw .empty(field: "title of playbook step \(text.quotedForMessage)") }
        self.init(offsetDays: n * scale, title: try FieldLimits.within(title, field: "playbook step title", limit: FieldLimits.shortText))
    }
}
