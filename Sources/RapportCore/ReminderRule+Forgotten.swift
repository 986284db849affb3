import RapportBase

/// Customers not contacted within their cadence: their own when set, else their grade's.
/// Never-contacted customers are the uncontacted rule's, silent ones the silent rule's.
public struct ForgottenCustomerRule: ReminderRule {
    public var kind: ReminderRuleKind { .forgotten }
    public var heading: String { Language.say("Forgotten customers", "被遗忘的客户") }
    public var tally: String { Language.say("forgotten", "被遗忘") }
    public var settings: [Setting] { Self.cadences + [Self.weight] }
    public var needsAttention: Bool { true }

    public init() {}

    public func summary(_ settings: ReminderSettings) -> String {
        let grades = Grade.allCases.map { "\($0.rawValue) \(Self.days(settings.cadence(for: $0)))" }.joined(separator: ", ")
        return "contacted customers past their cadence, in days: \(grades), ungraded \(Self.days(settings.cadence(for: nil))), or their own"
    }

    private static func days(_ n: Int) -> String { n == 0 ? "never" : "\(n)" }

    static let cadences = [Setting.cadence(.a), Setting.cadence(.b), Setting.cadence(.c), Setting.cadence(nil)]
    /// The weight of time past a cadence, which the visit and uncontacted rules read too.
    static let weight = Setting.weight("urgency.cadence", "weight of time past a cadence", \.pastCadence)

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        inputs.quietCustomers.compactMap { c in
            guard c.isChased, c.lastContactOn != nil, c.silentSince == nil else { return nil }
            let cadence = context.settings.cadence(for: c)
            let since = c.daysSinceContact(today: context.today)
            guard cadence > 0, since > cadence else { return nil }
            return Reminder(
                customer: c, days: since,
                terms: UrgencyTerms(cadence: context.urgency.cadenceTerm(daysSince: since, cadence: cadence),
                                    grade: context.urgency.grade(c.grade)),
                reason: .forgotten(grade: c.grade, cadence: cadence, own: c.cadenceDays != nil)
            )
        }
    }

    static func write(days: Int, grade: Grade?, cadence: Int, own: Bool, to out: inout ByteSink) {
        if Language.current == .zh {
            out.append((grade.map { $0.rawValue + "类" } ?? "未分级") + " · \(days)天未联系（" + (own ? "自定周期" : "周期") + "\(cadence)天）")
            return
        }
        out.append(grade?.rawValue ?? "ungraded")
        out.append(" · ")
        out.appendDecimal(days)
        out.append(own ? " days since last contact (own cadence " : " days since last contact (cadence ")
        out.appendDecimal(cadence)
        out.append(")")
    }
}

/// Customers of `grade` last contacted before `before` are past their cadence.
public struct GradeCutoff: Hashable, Sendable {
    public var grade: Grade?
    public var before: Day

    public init(grade: Grade?, before: Day) {
        self.grade = grade
        self.before = before
    }
}

extension ScanPlan {
    /// Per grade: customers whose last contact is before this day are past their cadence;
    /// absent for a grade that is never chased. Customers on their own cadence are few and
    /// read whole.
    public var contactCutoffs: [GradeCutoff] {
        (Grade.allCases.map { $0 } + [nil]).compactMap { g in
            let cadence = settings.cadence(for: g)
            return cadence > 0 ? GradeCutoff(grade: g, before: today.adding(days: -cadence)) : nil
        }
    }
}
