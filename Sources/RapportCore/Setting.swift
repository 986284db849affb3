/// One named setting of the reminders: its key, what it means, and how it reads and writes.
public struct Setting: Sendable {
    public enum Kind: Sendable {
        /// Whole days, at least 1; `none` (stored as 0) where the setting allows turning it off.
        case days(allowsNone: Bool)
        /// A whole number, at least 1.
        case count
        /// A non-negative decimal weight.
        case weight
    }

    public let key: String
    public let help: String
    public let kind: Kind
    let get: @Sendable (ReminderSettings) -> Double
    let set: @Sendable (inout ReminderSettings, Double) -> Void

    /// The value as `rapport config` shows it and the store keeps it.
    public func text(in settings: ReminderSettings) -> String {
        let v = get(settings)
        switch kind {
        case .days(true) where v == 0: return "none"
        case .days, .count: return String(Int(v))
        case .weight: return v == v.rounded() ? String(Int(v)) : String(v)
        }
    }

    /// Reads a typed value; the error names it and says what is allowed.
    public func parse(_ text: String) throws(RapportError) -> Double {
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
        }
    }

    /// A typed value in the form the store keeps (`21`, `none`, `2.5`), or an error.
    public func canonical(_ text: String) throws(RapportError) -> String {
        var settings = ReminderSettings.defaults
        set(&settings, try parse(text))
        return self.text(in: settings)
    }

    /// Every setting, in the order `rapport config` lists them.
    public static let all: [Setting] = {
        func days(_ key: String, _ help: String, none: Bool = false, _ path: WritableKeyPath<ReminderSettings, Int> & Sendable) -> Setting {
            Setting(key: key, help: help, kind: .days(allowsNone: none), get: { Double($0[keyPath: path]) },
                    set: { $0[keyPath: path] = Int($1) })
        }
        func count(_ key: String, _ help: String, _ path: WritableKeyPath<ReminderSettings, Int> & Sendable) -> Setting {
            Setting(key: key, help: help, kind: .count, get: { Double($0[keyPath: path]) }, set: { $0[keyPath: path] = Int($1) })
        }
        func weight(_ key: String, _ help: String, _ path: WritableKeyPath<UrgencyCoefficients, Double> & Sendable) -> Setting {
            Setting(key: key, help: help, kind: .weight, get: { $0.urgency[keyPath: path] }, set: { $0.urgency[keyPath: path] = $1 })
        }
        func cadence(_ grade: Grade?) -> Setting {
            let name = grade?.rawValue ?? "none"
            return Setting(key: "cadence." + name,
                           help: grade.map { "days a grade \($0.rawValue) customer may go without contact" }
                               ?? "days an ungraded customer may go without contact",
                           kind: .days(allowsNone: true), get: { Double($0.cadence(for: grade)) },
                           set: { $0.cadence[grade] = Int($1) })
        }
        return [
            cadence(.a), cadence(.b), cadence(.c), cadence(nil),
            days("visit.A", "days between visits or meetings for grade A", none: true, \.visitDays),
            days("uncontacted.days", "days a new customer may wait for a first contact", \.uncontactedDays),
            count("silent.attempts", "failed attempts in a row that make a customer silent", \.silentAttempts),
            days("silent.days", "days after the last attempt to try a silent customer again", \.silentDays),
            days("birthday.days", "days ahead to show birthdays", \.birthdayDays),
            days("stale.days", "days a follow-up may stay open with nothing logged", \.staleDays),
            days("review.window", "days the grade review looks back", \.reviewWindowDays),
            count("review.interactions", "interactions in the window that suggest raising a C", \.reviewInteractions),
            days("review.quiet", "days without contact that suggest lowering an A", \.reviewQuietDays),
            days("review.first_days", "days at the start of each quarter the review runs by itself", \.reviewFirstDays),
            weight("urgency.due", "weight of a follow-up's due date", \.due),
            weight("urgency.cadence", "weight of time past a cadence", \.pastCadence),
            weight("urgency.grade.A", "added for grade A", \.gradeA),
            weight("urgency.grade.B", "added for grade B", \.gradeB),
            weight("urgency.grade.C", "added for grade C", \.gradeC),
            weight("urgency.birthday", "weight of a birthday on the day", \.birthday),
            weight("urgency.silent", "urgency of a silent customer's light touch", \.silent),
            weight("urgency.stale", "urgency of a stale follow-up", \.stale),
            weight("urgency.regrade", "urgency of a grade suggestion", \.regrade),
        ]
    }()

    /// The setting with this key, or an error listing the keys.
    public static func named(_ key: String) throws(RapportError) -> Setting {
        guard let setting = all.first(where: { $0.key.lowercased() == key.lowercased() }) else {
            throw .invalid(field: "setting", value: key, expected: "see `rapport config` for the settings")
        }
        return setting
    }
}

extension ReminderSettings {
    /// Settings read back from the store's key/value rows; a value that does not read keeps
    /// its default (values are validated when set).
    public init(stored: [String: String]) {
        self = .defaults
        for setting in Setting.all {
            guard let text = stored[setting.key], let value = try? setting.parse(text) else { continue }
            setting.set(&self, value)
        }
    }

    /// Every setting as stored text.
    public var stored: [String: String] {
        Dictionary(uniqueKeysWithValues: Setting.all.map { ($0.key, $0.text(in: self)) })
    }
}
