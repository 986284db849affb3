import Testing
@testable import RapportCore

/// Rules 13 and 14: playbook steps and schedules; the customer card's cadence field.
struct PlaybookAndCadenceFieldTests {
    typealias F = RuleFixtures

    static func error(_ body: () throws(RapportError) -> Void) -> RapportError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    // MARK: - 13. Playbook steps

    @Test(arguments: [
        ("+1d 服务启动通知", 1, "服务启动通知"),
        ("+2w usage check", 14, "usage check"),
        ("30 monthly review", 30, "monthly review"),
        ("0 same day", 0, "same day"),
        ("+3d 使用指导", 3, "使用指导"),
        ("  +1w   weekly call  ", 7, "weekly call"),
    ])
    func stepParses(text: String, days: Int, title: String) throws {
        let step = try PlaybookStep(parsing: text)
        #expect(step.offsetDays == days)
        #expect(step.title == title)
    }

    @Test(arguments: ["x", "+d title", "+99999d title", "-1d back", "+1x title", "1.5d title"])
    func stepRefusesABadOffset(text: String) {
        let e = Self.error { () throws(RapportError) in _ = try PlaybookStep(parsing: text) }
        guard case .invalid(let field, let value, _)? = e else {
            Issue.record("expected an invalid playbook step for \(text.debugDescription), got \(String(describing: e))")
            return
        }
        #expect(field == "playbook step")
        #expect(value == text)
    }

    @Test(arguments: ["+1d", "+1d   ", "30"])
    func stepRefusesAMissingTitle(text: String) {
        let e = Self.error { () throws(RapportError) in _ = try PlaybookStep(parsing: text) }
        guard case .empty(let field)? = e else {
            Issue.record("expected an empty title for \(text.debugDescription), got \(String(describing: e))")
            return
        }
        #expect(field.contains("title"))
    }

    @Test func stepDescription() {
        #expect(PlaybookStep(offsetDays: 14, title: "usage check").description == "+14d usage check")
    }

    @Test func validatedRefusesAnEmptyNameASpacedNameAndNoSteps() throws {
        let step = PlaybookStep(offsetDays: 1, title: "服务启动通知")
        #expect(Self.error { () throws(RapportError) in _ = try Playbook.validated(name: "", steps: [step]) } == .empty(field: "playbook name"))
        #expect(Self.error { () throws(RapportError) in _ = try Playbook.validated(name: "   ", steps: [step]) } == .empty(field: "playbook name"))
        let spaced = Self.error { () throws(RapportError) in _ = try Playbook.validated(name: "after sales", steps: [step]) }
        guard case .invalid(let field, let value, _)? = spaced else {
            Issue.record("a name with a space: \(String(describing: spaced))")
            return
        }
        #expect(field == "playbook name")
        #expect(value == "after sales")
        #expect(Self.error { () throws(RapportError) in _ = try Playbook.validated(name: "onboarding", steps: []) } == .empty(field: "playbook steps"))
        let ok = try Playbook.validated(name: " onboarding ", steps: [step])
        #expect(ok.name == "onboarding")
        #expect(ok.steps == [step])
    }

    @Test func followUpsAreDatedFromTheStart() throws {
        let playbook = try Playbook.validated(name: "onboarding", steps: [
            PlaybookStep(parsing: "+1d 服务启动通知"),
            PlaybookStep(parsing: "+3d 使用指导"),
            PlaybookStep(parsing: "+30d 价值回顾"),
        ])
        let created = LocalDateTime(day: F.day("2026-11-28"), time: try #require(ClockTime(hour: 10, minute: 15)))
        let followUps = playbook.followUps(customerID: 42, from: F.day("2026-11-28"), createdAt: created, workdays: false)
        // November has 30 days: +3 is 1 December, +30 is 28 December.
        #expect(followUps.map(\.due.iso) == ["2026-11-29", "2026-12-01", "2026-12-28"])
        #expect(followUps.map(\.title) == ["服务启动通知", "使用指导", "价值回顾"])
        #expect(followUps.allSatisfy { $0.customerID == 42 && $0.status == .open && $0.time == nil && $0.createdAt == created && $0.id == nil })
    }

    @Test func followUpsAcrossTheYearEndAndFebruary() throws {
        let playbook = Playbook(name: "p", steps: [PlaybookStep(offsetDays: 0, title: "a"), PlaybookStep(offsetDays: 14, title: "b"),
                                                    PlaybookStep(offsetDays: 60, title: "c")])
        let created = LocalDateTime(day: F.day("2026-12-20"), time: try #require(ClockTime(hour: 9, minute: 0)))
        let dues = playbook.followUps(customerID: 1, from: F.day("2026-12-20"), createdAt: created, workdays: false).map(\.due.iso)
        // 2026-12-20 + 14 = 2027-01-03; + 60: 11 days to 12-31, 31 in January, 18 in February → 2027-02-18.
        #expect(dues == ["2026-12-20", "2027-01-03", "2027-02-18"])
    }

    /// From Friday 2026-11-27: +1d is Saturday the 28th and +2d Sunday the 29th, both moved
    /// to Monday the 30th; +0d (Friday) and +3d (Monday) stay; without workdays none moves.
    @Test(arguments: [(true, ["2026-11-27", "2026-11-30", "2026-11-30", "2026-11-30"]),
                      (false, ["2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"])])
    func aWeekendStepMovesToMondayWithWorkdays(workdays: Bool, dues: [String]) throws {
        let playbook = Playbook(name: "p", steps: (0...3).map { PlaybookStep(offsetDays: $0, title: "s\($0)") })
        let created = LocalDateTime(day: F.day("2026-11-27"), time: try #require(ClockTime(hour: 9, minute: 0)))
        #expect(playbook.followUps(customerID: 1, from: F.day("2026-11-27"), createdAt: created, workdays: workdays).map(\.due.iso) == dues)
    }

    // MARK: - 14. The cadence field

    static func card(cadence: Int? = nil) -> Customer {
        var c = Customer(name: "王芳", createdAt: LocalDateTime(day: F.today, time: ClockTime(hour: 9, minute: 0)!))
        c.cadenceDays = cadence
        return c
    }

    @Test(arguments: [
        ("21", Int?.some(21)),
        (" 21 ", 21),
        ("1", 1),
        ("3650", 3650),
        ("none", 0),
        ("never", 0),
        ("NONE", 0),
        ("Never", 0),
        ("", nil),
        ("grade", nil),
        ("Grade", nil),
        ("   ", nil),
    ])
    func cadenceReads(text: String, expected: Int?) throws {
        var c = Self.card(cadence: 99)
        try CustomerField.cadence.apply(text, to: &c)
        #expect(c.cadenceDays == expected)
    }

    @Test(arguments: ["0", "3651", "weekly", "-7", "1.5", "21d"])
    func cadenceRefusesNamingTheValue(text: String) {
        var c = Self.card(cadence: 30)
        let e = Self.error { () throws(RapportError) in try CustomerField.cadence.apply(text, to: &c) }
        guard case .invalid(let field, let value, _)? = e else {
            Issue.record("expected a refusal for \(text.debugDescription), got \(String(describing: e))")
            return
        }
        #expect(field == "cadence")
        #expect(value == text)
        #expect(e?.description.contains("\"\(text)\"") == true)
        #expect(c.cadenceDays == 30)
    }

    @Test(arguments: [(Int?.some(21), "21"), (0, "none"), (nil, ""), (3650, "3650")])
    func cadenceText(cadence: Int?, text: String) {
        #expect(CustomerField.cadence.text(of: Self.card(cadence: cadence)) == text)
    }

    @Test(arguments: ["21", "none", ""])
    func cadenceTextRoundTrips(text: String) throws {
        var c = Self.card(cadence: 7)
        try CustomerField.cadence.apply(text, to: &c)
        #expect(CustomerField.cadence.text(of: c) == text)
    }
}
