import RapportBase

/// The grade review, at the start of each quarter or on request: customers whose activity
/// suggests another grade — a busy C with an opportunity could be a B; an A nobody has
/// contacted for a quarter is hardly an A.
public struct RegradeRule: ReminderRule {
    public var kind: ReminderRuleKind { .regrade }
    public var heading: String { Language.say("Grade review", "等级复核") }
    public var tally: String { Language.say("to regrade", "待复核") }
    public var settings: [Setting] { [Self.window, Self.interactions, Self.quiet, Self.firstDays, Self.weight] }

    public init() {}

    public func summary(_ settings: ReminderSettings) -> String {
        "the grade review, in the first \(settings.reviewFirstDays) days of a quarter or with --review: "
            + "a C with \(settings.reviewInteractions) interactions in \(settings.reviewWindowDays) days and an open opportunity, "
            + "an A not contacted for \(settings.reviewQuietDays) days"
    }

    static let window = Setting.days("review.window", "days the grade review looks back", \.reviewWindowDays)
    static let interactions = Setting.count("review.interactions", "interactions in the window that suggest raising a C",
                                            \.reviewInteractions)
    static let quiet = Setting.days("review.quiet", "days without contact that suggest lowering an A", \.reviewQuietDays)
    static let firstDays = Setting.days("review.first_days", "days at the start of each quarter the review runs by itself",
                                        \.reviewFirstDays)
    static let weight = Setting.weight("urgency.regrade", "urgency of a grade suggestion", \.regrade)

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        let s = context.settings
        return inputs.regradeCandidates.compactMap { r in
            let c = r.customer
            guard c.status.isChased else { return nil }
            let terms = UrgencyTerms(grade: context.urgency.grade(c.grade), rule: context.urgency.regrade)
            switch c.grade {
            case .c where r.interactions >= s.reviewInteractions && r.hasOpportunity:
                return Reminder(customer: c, days: r.interactions, terms: terms, reason: .regrade(
                    from: .c, to: .b, why: Language.say("\(r.interactions) interactions in \(s.reviewWindowDays) days and an open opportunity",
                                                            "\(s.reviewWindowDays)天内\(r.interactions)次互动，且有未结商机")))
            case .a:
                let since = c.daysSinceContact(today: context.today)
                guard since >= s.reviewQuietDays else { return nil }
                let what = c.lastContactOn == nil ? Language.say("never contacted in \(since) days", "\(since)天从未联系")
                    : Language.say("no contact in \(since) days", "\(since)天未联系")
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

    static func write(from: Grade?, suggested: Grade?, why: String, to out: inout ByteSink) {
        if Language.current == .zh {
            out.append("建议由" + (from?.rawValue ?? "未分级") + "调为" + (suggested?.rawValue ?? "未分级") + "：" + why)
            return
        }
        out.append(from?.rawValue ?? "ungraded")
        out.append(" → ")
        out.append(suggested?.rawValue ?? "ungraded")
        out.append(" suggested: ")
        out.append(why)
    }
}

/// What the grade review asks the store.
public struct ReviewPlan: Hashable, Sendable {
    /// Interactions on or after this day count (the review window).
    public var windowStart: Day
    /// Grade C customers with at least this many interactions in the window are candidates.
    public var minInteractions: Int
    /// Grade A customers last contacted before this day are candidates.
    public var quietCutoff: Day
}

extension ScanPlan {
    /// The grade review's questions, when it runs.
    public var review: ReviewPlan? {
        guard reviewing else { return nil }
        return ReviewPlan(windowStart: today.adding(days: -settings.reviewWindowDays), minInteractions: settings.reviewInteractions,
                          quietCutoff: today.adding(days: -settings.reviewQuietDays + 1))
    }
}
