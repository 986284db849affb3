/// The grade review, at the start of each quarter or on request: customers whose activity
/// suggests another grade — a busy C with an opportunity could be a B; an A nobody has
/// contacted for a quarter is hardly an A.
public struct RegradeRule: ReminderRule {
    public var kind: ReminderRuleKind { .regrade }

    public init() {}

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        let s = context.settings
        return inputs.regradeCandidates.compactMap { r in
            let c = r.customer
            guard c.status.isChased else { return nil }
            let terms = UrgencyTerms(grade: context.urgency.grade(c.grade), rule: context.urgency.regrade)
            switch c.grade {
            case .c where r.interactions >= s.reviewInteractions && r.hasOpportunity:
                return Reminder(customer: c, days: r.interactions, terms: terms, reason: .regrade(
                    from: .c, to: .b, why: "\(r.interactions) interactions in \(s.reviewWindowDays) days and an open opportunity"))
            case .a:
                let since = c.daysSinceContact(today: context.today)
                guard since >= s.reviewQuietDays else { return nil }
                let what = c.lastContactOn == nil ? "never contacted in \(since) days" : "no contact in \(since) days"
                return Reminder(customer: c, days: since, terms: terms, reason: .regrade(from: .a, to: .b, why: what))
            default:
                return nil
            }
        }
    }

    /// Whether the review runs by itself today: the first days of a quarter.
    public static func isReviewTime(_ today: Day, firstDays: Int) -> Bool {
        [1, 4, 7, 10].contains(today.month) && today.dayOfMonth <= firstDays
    }
}
