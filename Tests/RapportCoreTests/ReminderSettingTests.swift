import RapportBase
import Testing
@testable import RapportCore

/// Rule 12: the settings as `rapport config` reads, shows and stores them.
struct ReminderSettingTests {
    /// The defaults of the process guides, as stored text, written out by hand.
    static let defaultTexts: [String: String] = [
        "cadence.A": "14", "cadence.B": "14", "cadence.C": "30", "cadence.none": "60", "history.days": "90",
        "visit.A": "30", "uncontacted.days": "7", "silent.attempts": "2", "silent.days": "30",
        "birthday.days": "7", "stale.days": "90", "review.window": "90", "review.interactions": "3",
        "review.quiet": "90", "review.first_days": "7",
        "urgency.due": "12", "urgency.cadence": "8", "urgency.grade.A": "3", "urgency.grade.B": "2",
        "urgency.grade.C": "1", "urgency.birthday": "4", "urgency.silent": "1", "urgency.stale": "2",
        "urgency.regrade": "1",
        "deal.stuck_days": "21", "payment.days": "7", "renewal.days": "30",
        "urgency.stuck": "2", "urgency.close": "3", "urgency.payment": "12", "urgency.renewal": "4",
        "probability.lead": "10", "probability.qualified": "20", "probability.needs": "40", "probability.proposal": "60",
        "probability.closing": "80",
        "checklist.lead": "none", "checklist.qualified": "none",
        "checklist.needs": "situation understood 现状 | problem understood 问题 | implication understood 影响 | need-payoff understood 需求效益",
        "checklist.proposal": "real decision maker identified 找到真正的决策者 | expectations and end time agreed 设定期望与结束时间 | value stated for each level of the buyer 讲清各层级的价值",
        "checklist.closing": "objections recorded 记录异议 | terms agreed 谈妥条款",
        "currency": "CNY", "funnel.window": "90", "ui.language": "auto",
    ]

    /// The settings that hold a number.
    static let numericKeys = Setting.all.filter {
        switch $0.kind {
        case .checklist, .currency, .language: false
        default: true
        }
    }.map(\.key)

    static func refusal(_ body: () throws(RapportError) -> Void) -> (field: String, value: String)? {
        do {
            try body()
            return nil
        } catch {
            if case .invalid(let field, let value, _) = error { return (field, value) }
            return ("unexpected \(error)", "")
        }
    }

    @Test func defaultsAsStoredText() {
        #expect(Settings.defaults.stored == Self.defaultTexts)
        #expect(Set(Setting.all.map(\.key)) == Set(Self.defaultTexts.keys))
        #expect(Setting.all.count == Self.defaultTexts.count)
    }

    @Test(arguments: Setting.all.map(\.key))
    func everyDefaultRoundTrips(key: String) throws {
        let setting = try Setting.named(key)
        let text = setting.text(in: .defaults)
        #expect(text == Self.defaultTexts[key])
        #expect(Settings(stored: [key: text]) == .defaults)
        #expect(try setting.canonical(text) == text)
    }

    @Test(arguments: [("zh", Language.zh), ("EN", .en), (" auto ", nil)] as [(String, Language?)])
    func theLanguageIsASetting(typed: String, language: Language?) throws {
        let stored = try Setting.named("ui.language").canonical(typed)
        #expect(Settings(stored: ["ui.language": stored]).language == language)
    }

    @Test func aLanguageOtherThanEnZhOrAutoIsRefusedByName() throws {
        let setting = try Setting.named("ui.language")
        let refused = Self.refusal { () throws(RapportError) in _ = try setting.canonical("fr") }
        #expect(refused?.field == "ui.language" && refused?.value == "fr")
    }

    @Test func wholeStoreRoundTrips() {
        #expect(Settings(stored: Settings.defaults.stored) == .defaults)
        #expect(Settings(stored: [:]) == .defaults)
    }

    @Test(arguments: numericKeys)
    func aChangedValueRoundTripsAndLeavesTheOthers(key: String) {
        let changed = Settings(stored: [key: "5"])
        #expect(changed != .defaults)
        var expected = Self.defaultTexts
        expected[key] = "5"
        #expect(changed.stored == expected)
        #expect(Settings(stored: changed.stored) == changed)
    }

    @Test func storedKeysSetTheirFields() {
        let s = Settings(stored: [
            "cadence.A": "10", "cadence.B": "none", "cadence.C": "45", "cadence.none": "90",
            "visit.A": "21", "uncontacted.days": "3", "silent.attempts": "4", "silent.days": "20",
            "birthday.days": "14", "stale.days": "60", "review.window": "120", "review.interactions": "6",
            "review.quiet": "100", "review.first_days": "10",
            "urgency.due": "11", "urgency.cadence": "9", "urgency.grade.A": "3.5", "urgency.grade.B": "0",
            "urgency.grade.C": "0.25", "urgency.birthday": "6", "urgency.silent": "1.5", "urgency.stale": "0",
            "urgency.regrade": "7",
        ]).reminders
        #expect(s.cadence(for: .a) == 10)
        #expect(s.cadence(for: .b) == 0)
        #expect(s.cadence(for: .c) == 45)
        #expect(s.cadence(for: nil) == 90)
        #expect(s.visitDays == 21)
        #expect(s.uncontactedDays == 3)
        #expect(s.silentAttempts == 4)
        #expect(s.silentDays == 20)
        #expect(s.birthdayDays == 14)
        #expect(s.staleDays == 60)
        #expect(s.reviewWindowDays == 120)
        #expect(s.reviewInteractions == 6)
        #expect(s.reviewQuietDays == 100)
        #expect(s.reviewFirstDays == 10)
        #expect(s.urgency == UrgencyCoefficients(due: 11, pastCadence: 9, gradeA: 3.5, gradeB: 0, gradeC: 0.25,
                                                 birthday: 6, silent: 1.5, stale: 0, regrade: 7))
        let stored = Settings(reminders: s, pipeline: .defaults).stored
        #expect(stored["cadence.B"] == "none")
        #expect(stored["urgency.grade.A"] == "3.5")
        #expect(stored["urgency.grade.C"] == "0.25")
    }

    // MARK: - Names

    @Test(arguments: [
        ("CADENCE.a", "cadence.A"),
        ("cadence.A", "cadence.A"),
        ("Cadence.None", "cadence.none"),
        ("VISIT.a", "visit.A"),
        ("urgency.GRADE.b", "urgency.grade.B"),
        ("Review.First_Days", "review.first_days"),
    ])
    func namedIsCaseInsensitive(typed: String, key: String) throws {
        #expect(try Setting.named(typed).key == key)
    }

    @Test(arguments: ["cadence.D", "cadence", "", "urgency.grade", "visit.B", "silent"])
    func unknownKeysThrowNamingTheKey(typed: String) {
        let refused = Self.refusal { () throws(RapportError) in _ = try Setting.named(typed) }
        #expect(refused?.field == "setting")
        #expect(refused?.value == typed)
    }

    // MARK: - Parsing typed values

    @Test(arguments: [
        // Days without none.
        ("stale.days", "0", Double?.none),
        ("stale.days", "-1", nil),
        ("stale.days", "3651", nil),
        ("stale.days", "1.5", nil),
        ("stale.days", "x", nil),
        ("stale.days", "", nil),
        ("stale.days", "none", nil),
        ("uncontacted.days", "none", nil),
        ("silent.days", "none", nil),
        ("birthday.days", "none", nil),
        ("review.first_days", "none", nil),
        ("stale.days", "1", 1),
        ("stale.days", "3650", 3650),
        ("birthday.days", " 21 ", 21),
        // Days that may be none.
        ("cadence.A", "none", 0),
        ("cadence.B", "NONE", 0),
        ("cadence.C", "None", 0),
        ("cadence.none", "none", 0),
        ("visit.A", "none", 0),
        ("cadence.A", "0", nil),
        ("cadence.A", "-1", nil),
        ("cadence.A", "3651", nil),
        ("cadence.A", "1.5", nil),
        ("cadence.A", "x", nil),
        ("visit.A", "0", nil),
        ("cadence.A", "21", 21),
        ("cadence.A", "3650", 3650),
        // Counts.
        ("silent.attempts", "0", nil),
        ("silent.attempts", "-1", nil),
        ("silent.attempts", "1.5", nil),
        ("silent.attempts", "none", nil),
        ("review.interactions", "0", nil),
        ("silent.attempts", "1", 1),
        ("review.interactions", "1", 1),
        // Weights.
        ("urgency.due", "-1", nil),
        ("urgency.due", "nan", nil),
        ("urgency.due", "inf", nil),
        ("urgency.cadence", "-inf", nil),
        ("urgency.due", "1001", nil),
        ("urgency.due", "x", nil),
        ("urgency.due", "none", nil),
        ("urgency.due", "", nil),
        ("urgency.due", "2.5", 2.5),
        ("urgency.due", "0", 0),
        ("urgency.due", "1000", 1000),
        ("urgency.grade.A", "3.0", 3),
    ] as [(String, String, Double?)])
    func parse(key: String, text: String, expected: Double?) throws {
        let setting = try Setting.named(key)
        if let expected {
            #expect(try setting.parse(text) == expected)
        } else {
            let refused = Self.refusal { () throws(RapportError) in _ = try setting.parse(text) }
            #expect(refused?.field == key)
            #expect(refused?.value == text)
        }
    }

    @Test(arguments: [
        ("cadence.A", "none", "none"),
        ("cadence.A", "NONE", "none"),
        ("visit.A", "none", "none"),
        ("cadence.none", "none", "none"),
        ("cadence.A", " 21 ", "21"),
        ("stale.days", "120", "120"),
        ("silent.attempts", "1", "1"),
        ("urgency.due", "2.5", "2.5"),
        ("urgency.due", "2.50", "2.5"),
        ("urgency.due", "3.0", "3"),
        ("urgency.due", "0", "0"),
        ("urgency.stale", "0.25", "0.25"),
        ("urgency.regrade", "1000", "1000"),
    ])
    func canonical(key: String, typed: String, stored: String) throws {
        #expect(try Setting.named(key).canonical(typed) == stored)
    }

    @Test(arguments: [("cadence.A", "0"), ("stale.days", "none"), ("urgency.due", "nan"), ("silent.attempts", "0")])
    func canonicalRefusesWhatParseRefuses(key: String, typed: String) throws {
        let setting = try Setting.named(key)
        let refused = Self.refusal { () throws(RapportError) in _ = try setting.canonical(typed) }
        #expect(refused?.field == key)
    }

    @Test(arguments: [
        ("urgency.due", "2.5", "2.5"),
        ("urgency.due", "3.0", "3"),
        ("cadence.B", "none", "none"),
        ("visit.A", "none", "none"),
        ("cadence.C", "21", "21"),
    ])
    func storedTextIsShownCanonically(key: String, stored: String, shown: String) throws {
        #expect(Settings(stored: [key: stored]).stored[key] == shown)
        #expect(try Setting.named(key).text(in: Settings(stored: [key: stored])) == shown)
    }

    @Test func noneIsStoredAsZero() {
        let s = Settings(stored: ["cadence.A": "none", "visit.A": "none"]).reminders
        #expect(s.cadence(for: .a) == 0)
        #expect(s.visitDays == 0)
    }

    @Test(arguments: [
        ("cadence.A", "0"), ("cadence.A", "x"), ("cadence.none", "-3"), ("visit.A", "3651"),
        ("stale.days", "none"), ("birthday.days", "1.5"), ("silent.attempts", "0"),
        ("review.interactions", "none"), ("urgency.due", "nan"), ("urgency.grade.A", "-1"),
        ("urgency.birthday", "1001"), ("urgency.stale", "inf"), ("uncontacted.days", ""),
    ])
    func storedValueThatDoesNotReadKeepsTheDefault(key: String, bad: String) {
        let s = Settings(stored: [key: bad])
        #expect(s == .defaults)
        #expect(s.stored[key] == Self.defaultTexts[key])
    }

    @Test func badValuesDoNotSpoilGoodOnes() {
        let s = Settings(stored: ["cadence.A": "x", "cadence.B": "21", "urgency.due": "inf", "urgency.stale": "3", "unknown.key": "5"]).reminders
        #expect(s.cadence(for: .a) == 14)
        #expect(s.cadence(for: .b) == 21)
        #expect(s.urgency.due == 12)
        #expect(s.urgency.stale == 3)
    }
}
