import Testing
@testable import RapportCore

/// The pipeline's settings as `rapport config` reads and stores them: probabilities,
/// checklists, the currency, the funnel's window and the pipeline rules' numbers.
struct StageSettingTests {
    static func refusal(_ body: () throws(RapportError) -> Void) -> RapportError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Numbers

    @Test(arguments: [
        // Probabilities: whole percentages, with or without %.
        ("probability.lead", "0", Double?.some(0)),
        ("probability.needs", "100", 100),
        ("probability.needs", "55%", 55),
        ("probability.closing", "100%", 100),
        ("probability.proposal", "0%", 0),
        ("probability.qualified", " 40 ", 40),
        ("probability.needs", "101", nil),
        ("probability.needs", "101%", nil),
        ("probability.needs", "-1", nil),
        ("probability.needs", "-1%", nil),
        ("probability.needs", "50.5", nil),
        ("probability.needs", "%", nil),
        ("probability.needs", "40 %", nil),
        ("probability.needs", "", nil),
        ("probability.needs", "none", nil),
        ("probability.needs", "half", nil),
        // The pipeline rules' days: never none, except renewals.
        ("deal.stuck_days", "21", 21),
        ("deal.stuck_days", "1", 1),
        ("deal.stuck_days", "none", nil),
        ("deal.stuck_days", "0", nil),
        ("payment.days", "3650", 3650),
        ("payment.days", "3651", nil),
        ("payment.days", "none", nil),
        ("renewal.days", "none", 0),
        ("renewal.days", "NONE", 0),
        ("renewal.days", "60", 60),
        ("renewal.days", "0", nil),
        ("funnel.window", "30", 30),
        ("funnel.window", "none", nil),
        ("funnel.window", "0", nil),
        ("funnel.window", "1.5", nil),
        // Their urgency weights.
        ("urgency.stuck", "2.5", 2.5),
        ("urgency.close", "0", 0),
        ("urgency.payment", "1000", 1000),
        ("urgency.renewal", "-1", nil),
        ("urgency.payment", "1e3", nil),
        ("urgency.close", "none", nil),
    ] as [(String, String, Double?)])
    func parse(key: String, text: String, expected: Double?) throws {
        let setting = try Setting.named(key)
        if let expected {
            #expect(try setting.parse(text) == expected)
        } else {
            let error = Self.refusal { () throws(RapportError) in _ = try setting.parse(text) }
            guard case .invalid(let field, let value, _) = error else {
                Issue.record("\(key) = \(text.debugDescription) gave \(String(describing: error))")
                return
            }
            #expect(field == key)
            #expect(value == text)
        }
    }

    @Test func percentageRefusalSaysWhatIsAllowed() {
        #expect(Self.refusal { () throws(RapportError) in _ = try Setting.named("probability.needs").parse("101") }
            == .invalid(field: "probability.needs", value: "101", expected: "use a whole percentage from 0 to 100"))
    }

    @Test(arguments: [
        ("probability.needs", "55%", "55"),
        ("probability.needs", " 0 ", "0"),
        ("probability.lead", "100", "100"),
        ("deal.stuck_days", "14", "14"),
        ("renewal.days", "None", "none"),
        ("urgency.payment", "12.0", "12"),
        ("urgency.stuck", "2.50", "2.5"),
        ("funnel.window", "180", "180"),
    ])
    func canonical(key: String, typed: String, stored: String) throws {
        #expect(try Setting.named(key).canonical(typed) == stored)
    }

    @Test func storedValuesSetThePipeline() {
        let s = Settings(stored: [
            "probability.lead": "5", "probability.needs": "55%", "probability.closing": "100",
            "deal.stuck_days": "10", "payment.days": "3", "renewal.days": "none",
            "urgency.stuck": "1.5", "urgency.close": "0", "urgency.payment": "20", "urgency.renewal": "6",
            "currency": "usd", "funnel.window": "30",
            "checklist.lead": "called | emailed", "checklist.needs": "none",
        ])
        #expect(s.pipeline.probability(of: .lead) == 5)
        #expect(s.pipeline.probability(of: .qualified) == 20)
        #expect(s.pipeline.probability(of: .needs) == 55)
        #expect(s.pipeline.probability(of: .closing) == 100)
        #expect(s.reminders.stuckDays == 10)
        #expect(s.reminders.paymentDays == 3)
        #expect(s.reminders.renewalDays == 0)
        #expect(s.reminders.urgency.stuck == 1.5)
        #expect(s.reminders.urgency.closePassed == 0)
        #expect(s.reminders.urgency.payment == 20)
        #expect(s.reminders.urgency.renewal == 6)
        #expect(s.pipeline.currency == Currency(code: "USD"))
        #expect(s.pipeline.windowDays == 30)
        #expect(s.pipeline.checklist(of: .lead) == ["called", "emailed"])
        #expect(s.pipeline.checklist(of: .needs).isEmpty)
        #expect(s.pipeline.checklist(of: .proposal) == PipelineSettings.defaults.checklist(of: .proposal))
        // And back again, as stored.
        #expect(s.stored["probability.needs"] == "55")
        #expect(s.stored["renewal.days"] == "none")
        #expect(s.stored["currency"] == "USD")
        #expect(s.stored["checklist.lead"] == "called | emailed")
        #expect(s.stored["checklist.needs"] == "none")
        #expect(Settings(stored: s.stored) == s)
    }

    @Test(arguments: [
        ("probability.needs", "101"), ("probability.lead", "-1"), ("deal.stuck_days", "none"), ("payment.days", "0"),
        ("renewal.days", "0"), ("urgency.payment", "-2"), ("currency", "US"), ("currency", "12$"), ("funnel.window", "none"),
        ("checklist.needs", "a | a"),
    ])
    func storedValueThatDoesNotReadKeepsTheDefault(key: String, bad: String) {
        let s = Settings(stored: [key: bad])
        #expect(s == .defaults)
    }

    // MARK: - Checklists

    @Test(arguments: [
        ("a | b | | c", "a | b | c", ["a", "b", "c"]),
        ("  situation 现状|problem 问题  ", "situation 现状 | problem 问题", ["situation 现状", "problem 问题"]),
        ("one", "one", ["one"]),
        ("none", "none", []),
        ("NONE", "none", []),
        (" None ", "none", []),
        ("", "none", []),
        ("|", "none", []),
        (" | | ", "none", []),
        ("A | a", "A | a", ["A", "a"]),                  // different items: case counts
        // Control characters are removed; an item of nothing else is no item.
        ("a\u{1B}[31m | b", "a | b", ["a", "b"]),
        ("a | \u{07} | b", "a | b", ["a", "b"]),
    ] as [(String, String, [String])])
    func checklist(typed: String, stored: String, items: [String]) throws {
        let setting = try Setting.named("checklist.needs")
        #expect(try setting.canonical(typed) == stored)
        #expect(Settings(stored: ["checklist.needs": typed]).pipeline.checklist(of: .needs) == items)
    }

    @Test(arguments: [
        ("a | b | a", RapportError.invalid(field: "checklist.proposal", value: "a", expected: "each checklist item must be different")),
        ("terms | terms ", .invalid(field: "checklist.proposal", value: "terms", expected: "each checklist item must be different")),
        ("a | a\u{07}", .invalid(field: "checklist.proposal", value: "a", expected: "each checklist item must be different")),
        ((1...21).map { "item \($0)" }.joined(separator: " | "),
         .invalid(field: "checklist.proposal", value: (1...21).map { "item \($0)" }.joined(separator: " | "),
                  expected: "a checklist has at most 20 items")),
        ("ok | " + String(repeating: "长", count: 201),
         .tooLong(field: "checklist.proposal", value: String(repeating: "长", count: 201), length: 201, limit: 200)),
    ])
    func checklistRefuses(typed: String, error: RapportError) throws {
        let setting = try Setting.named("checklist.proposal")
        #expect(Self.refusal { () throws(RapportError) in _ = try setting.canonical(typed) } == error)
    }

    @Test func checklistLimitsAreInclusive() throws {
        let setting = try Setting.named("checklist.closing")
        let twenty = (1...20).map { "item \($0)" }.joined(separator: " | ")
        #expect(try setting.canonical(twenty) == twenty)
        let long = String(repeating: "长", count: 200)
        #expect(try setting.canonical(long) == long)
    }

    @Test func aChecklistIsNotANumber() throws {
        let setting = try Setting.named("checklist.needs")
        #expect(Self.refusal { () throws(RapportError) in _ = try setting.parse("3") }
            == .invalid(field: "checklist.needs", value: "3", expected: "this setting is text, not a number"))
    }

    // MARK: - Currency

    @Test(arguments: [("usd", "USD"), ("EUR", "EUR"), (" jpy ", "JPY"), ("Cny", "CNY"), ("xyz", "XYZ")])
    func currency(typed: String, code: String) throws {
        #expect(try Currency(parsing: typed).code == code)
        #expect(try Setting.named("currency").canonical(typed) == code)
    }

    @Test(arguments: ["US", "12$", "USDT", "", "   ", "元元元", "U S", "usd1", "€€€"])
    func currencyRefused(typed: String) throws {
        let expected = RapportError.invalid(field: "currency", value: typed, expected: "use a three-letter code such as CNY, USD, EUR")
        #expect(throws: expected) { try Currency(parsing: typed) }
        let setting = try Setting.named("currency")
        #expect(Self.refusal { () throws(RapportError) in _ = try setting.canonical(typed) } == expected)
    }

    @Test func currencyKeepsItsDigits() throws {
        #expect(try Currency(parsing: "jpy").fractionDigits == 0)
        #expect(try Currency(parsing: "kwd").fractionDigits == 3)
        #expect(try Currency(parsing: "usd").fractionDigits == 2)
    }
}
