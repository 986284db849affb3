import RapportBase

/// One named setting: its key, what it means, and how it reads and writes. The registry
/// (`Setting.all`) drives `rapport config`, the store's defaults and the reading back.
public struct Setting: Sendable {
    public enum Kind: Sendable {
        /// Whole days, at least 1; `none` (stored as 0) where the setting allows turning it off.
        case days(allowsNone: Bool)
        /// A whole number, at least 1.
        case count
        /// A non-negative decimal weight.
        case weight
        /// A whole percentage, 0 to 100.
        case percent
        /// Checklist items separated by `|`; `none` for no items.
        case checklist
        /// A three-letter currency code.
        case currency
        /// The interface's language: `en`, `zh`, or `auto` (the environment's).
        case language
    }

    public let key: String
    public let help: String
    public let kind: Kind
    let get: @Sendable (Settings) -> String
    let set: @Sendable (inout Settings, String) throws(RapportError) -> Void

    /// The value as `rapport config` shows it and the store keeps it.
    public func text(in settings: Settings) -> String { get(settings) }

    /// A typed value in the form the store keeps (`21`, `none`, `2.5`, `a | b`), or an error
    /// that names it and says what is allowed.
    public func canonical(_ text: String) throws(RapportError) -> String {
        var settings = Settings.defaults
        try set(&settings, text)
        return get(settings)
    }

    /// Reads a typed number for a numeric setting; the error names it and says what is allowed.
    public func parse(_ text: String) throws(RapportError) -> Double {
        try Setting.number(text, kind: kind, key: key)
    }

    static func number(_ text: String, kind: Kind, key: String) throws(RapportError) -> Double {
        let t = text.trimmingSpaces().lowercased()
        switch kind {
        case .days(let allowsNone):
            if allowsNone, t == "none" { return 0 }
            guard let n = Int(t), n >= 1, n <= 3650 else {
                throw .invalid(field: key, value: text, expected: "use a whole number of days from 1 to 3650" + (allowsNone ? ", or none" : ""))
            }
            return Double(n)
        case .count:
            guard let n = Int(t), n >= 1, n <= 1000 else {
                throw .invalid(field: key, value: text, expected: "use a whole number from 1 to 1000")
            }
            return Double(n)
        case .weight:
            // Plain decimals only: Double(String) would also read 0x10 and 1e3.
            guard t.allSatisfy({ $0.isASCIIDigit || $0 == "." }), let w = Double(t), w.isFinite, w >= 0, w <= 1000 else {
                throw .invalid(field: key, value: text, expected: "use a number from 0 to 1000, e.g. 2.5")
            }
            return w
        case .percent:
            let digits = t.hasSuffix("%") ? String(t.dropLast()) : t
            guard let n = Int(digits), (0...100).contains(n) else {
                throw .invalid(field: key, value: text, expected: "use a whole percentage from 0 to 100")
            }
            return Double(n)
        case .checklist, .currency, .language:
            throw .invalid(field: key, value: text, expected: "this setting is text, not a number")
        }
    }

    /// Every setting, in the order `rapport config` lists them: the order they came in (the
    /// migrations seed them so), then any newer rule's, in the rules' order.
    public static let all: [Setting] = {
        let established: [Setting] = ForgottenCustomerRule.cadences + [
            VisitRule.every, UncontactedRule.within, SilentCustomerRule.attempts, SilentCustomerRule.retry, BirthdayRule.window,
            StaleFollowUpRule.after, RegradeRule.window, RegradeRule.interactions, RegradeRule.quiet, RegradeRule.firstDays,
            StuckDealRule.after, PaymentDueRule.ahead, RenewalRule.window,
            OverdueFollowUpRule.weight, ForgottenCustomerRule.weight,
        ] + gradeWeights + [
            BirthdayRule.weight, SilentCustomerRule.weight, StaleFollowUpRule.weight, RegradeRule.weight, StuckDealRule.weight,
            ClosePassedRule.weight, PaymentDueRule.weight, RenewalRule.weight,
        ] + Stage.open.map(probability) + Stage.open.map(checklist) + [
            Setting(key: "currency", help: "the currency of deals and contracts that name none", kind: .currency,
                    get: { $0.pipeline.currency.code },
                    set: { s, text throws(RapportError) in s.pipeline.currency = try Currency(parsing: text) }),
            number("funnel.window", "days the funnel looks back for conversions and closed deals", .days(allowsNone: false),
                   get: { $0.pipeline.windowDays }, set: { $0.pipeline.windowDays = $1 }),
            number("history.days", "days the history keeps changes for undo (the trash keeps its customers until emptied)",
                   .days(allowsNone: false), get: { $0.historyDays }, set: { $0.historyDays = $1 }),
            Setting(key: "ui.language", help: "the interface's language: en, zh, or auto (LC_ALL, LC_MESSAGES, LANG); RAPPORT_LANG overrides it for one run",
                    kind: .language, get: { $0.language?.rawValue ?? "auto" },
                    set: { s, text throws(RapportError) in
                        let t = text.trimmingSpaces().lowercased()
                        guard t == "auto" || Language(rawValue: t) != nil else {
                            throw .invalid(field: "ui.language", value: text, expected: "use en, zh or auto")
                        }
                        s.language = Language(rawValue: t)
                    }),
        ]
        var keys = Set(established.map(\.key))
        return established + ReminderRules.all.flatMap(\.settings).filter { keys.insert($0.key).inserted }
    }()

    /// What every rule but the stale one adds for the customer's grade.
    static let gradeWeights = [
        weight("urgency.grade.A", "added for grade A", \.gradeA),
        weight("urgency.grade.B", "added for grade B", \.gradeB),
        weight("urgency.grade.C", "added for grade C", \.gradeC),
    ]

    // MARK: - Kinds of setting

    static func number(_ key: String, _ help: String, _ kind: Kind, get: @escaping @Sendable (Settings) -> Int,
                       set: @escaping @Sendable (inout Settings, Int) -> Void) -> Setting {
        Setting(key: key, help: help, kind: kind,
                get: { s in
                    let v = get(s)
                    if case .days(true) = kind, v == 0 { return "none" }
                    return String(v)
                },
                set: { s, text throws(RapportError) in set(&s, Int(try Setting.number(text, kind: kind, key: key))) })
    }

    /// A reminder rule's days (`none` turns the rule off where it allows it).
    static func days(_ key: String, _ help: String, none: Bool = false, _ path: WritableKeyPath<ReminderSettings, Int> & Sendable) -> Setting {
        number(key, help, .days(allowsNone: none), get: { $0.reminders[keyPath: path] }, set: { $0.reminders[keyPath: path] = $1 })
    }

    /// A reminder rule's whole number.
    static func count(_ key: String, _ help: String, _ path: WritableKeyPath<ReminderSettings, Int> & Sendable) -> Setting {
        number(key, help, .count, get: { $0.reminders[keyPath: path] }, set: { $0.reminders[keyPath: path] = $1 })
    }

    /// A weight of the urgency score.
    static func weight(_ key: String, _ help: String, _ path: WritableKeyPath<UrgencyCoefficients, Double> & Sendable) -> Setting {
        Setting(key: key, help: help, kind: .weight,
                get: { s in
                    let v = s.reminders.urgency[keyPath: path]
                    return v == v.rounded() ? String(Int(v)) : String(v)
                },
                set: { s, text throws(RapportError) in
                    s.reminders.urgency[keyPath: path] = try Setting.number(text, kind: .weight, key: key)
                })
    }

    /// A grade's cadence (`nil`: the ungraded).
    static func cadence(_ grade: Grade?) -> Setting {
        let name = grade?.rawValue ?? "none"
        let help = grade.map { "days a grade \($0.rawValue) customer may go without contact" } ?? "days an ungraded customer may go without contact"
        let kind = Kind.days(allowsNone: true)
        return Setting(key: "cadence." + name, help: help, kind: kind,
                       get: { s in
                           let v = s.reminders.cadence(for: grade)
                           return v == 0 ? "none" : String(v)
                       },
                       set: { s, text throws(RapportError) in
                           s.reminders.cadence[grade] = Int(try Setting.number(text, kind: kind, key: "cadence." + name))
                       })
    }

    static func probability(_ stage: Stage) -> Setting {
        let key = "probability." + stage.rawValue
        let help = "percent chance of winning a deal in \(stage.rawValue), unless it sets its own"
        return Setting(key: key, help: help, kind: .percent,
                       get: { String($0.pipeline.probability(of: stage)) },
                       set: { s, text throws(RapportError) in
                           s.pipeline.probability[stage] = Int(try Setting.number(text, kind: .percent, key: key))
                       })
    }

    static func checklist(_ stage: Stage) -> Setting {
        let key = "checklist." + stage.rawValue
        return Setting(key: key, help: "what a deal must tick before it leaves \(stage.rawValue), items separated by |",
                       kind: .checklist,
                       get: { s in
                           let items = s.pipeline.checklist(of: stage)
                           return items.isEmpty ? "none" : items.joined(separator: " | ")
                       },
                       set: { s, text throws(RapportError) in s.pipeline.checklist[stage] = try Setting.checklistItems(text, key: key) })
    }

    /// The setting with this key, or an error listing the keys.
    public static func named(_ key: String) throws(RapportError) -> Setting {
        guard let setting = all.first(where: { $0.key.lowercased() == key.lowercased() }) else {
            throw .invalid(field: "setting", value: key, expected: "see `rapport config` for the settings")
        }
        return setting
    }

    /// Checklist items from `a | b | c` (`none` or nothing: no items).
    static func checklistItems(_ text: String, key: String) throws(RapportError) -> [String] {
        let t = text.trimmingSpaces()
        guard !t.isEmpty, t.lowercased() != "none" else { return [] }
        var items: [String] = []
        for part in t.split(separator: "|") {
            // Sanitized first, so that an item of control characters only is no item and a
            // duplicate is caught as it will be stored.
            let item = TerminalText.sanitized(String(part)).trimmingSpaces()
            guard !item.isEmpty else { continue }
            guard !items.contains(item) else {
                throw .invalid(field: key, value: item, expected: "each checklist item must be different")
            }
            items.append(try FieldLimits.within(item, field: key, limit: FieldLimits.shortText))
        }
        guard items.count <= 20 else { throw .invalid(field: key, value: text, expected: "a checklist has at most 20 items") }
        return items
    }
}

extension Settings {
    /// Settings read back from the store's key/value rows; a value that does not read keeps
    /// its default (values are validated when set).
    public init(stored: [String: String]) {
        self = .defaults
        for setting in Setting.all {
            guard let text = stored[setting.key] else { continue }
            try? setting.set(&self, text)
        }
    }

    /// Every setting as stored text.
    public var stored: [String: String] {
        Dictionary(uniqueKeysWithValues: Setting.all.map { ($0.key, $0.text(in: self)) })
    }
}

extension Currency {
    /// A currency code as typed: three ASCII letters (`cny`, `EUR`).
    public init(parsing text: String) throws(RapportError) {
        let t = text.trimmingSpaces()
        guard t.count == 3, t.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw .invalid(field: "currency", value: text, expected: "use a three-letter code such as CNY, USD, EUR")
        }
        self.init(code: t)
    }
}
