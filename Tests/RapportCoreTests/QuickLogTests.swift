import Testing
@testable import RapportCore

struct QuickLogTests {
    /// Monday 2026-11-23: 周五 is 11-27, 明天 11-24, +2w 12-07, next week 11-30.
    static let today = Day(year: 2026, month: 11, day: 23)!

    static func day(_ m: Int, _ d: Int) -> Day { Day(year: 2026, month: m, day: d)! }

    @Test(arguments: [
        ("call 谈了报价 next 周五", .call, "谈了报价", When(day: day(11, 27)), nil),
        ("c 谈了报价 next 明天", .call, "谈了报价", When(day: day(11, 24)), nil),
        ("visit met the CFO next +2w outcome reached", .visit, "met the CFO", When(day: day(12, 7)), .reached),
        ("v outcome reached met the CFO", .visit, "met the CFO", nil, .reached),
        ("谈了报价 next 周五", .call, "谈了报价", When(day: day(11, 27)), nil),            // no kind: a call
        ("e sent the deck next next week", .email, "sent the deck", When(day: day(11, 30)), nil),
        ("m next tomorrow 14:30 budget review", .meeting, "budget review",
         When(day: day(11, 24), time: ClockTime(hour: 14, minute: 30)), nil),
        ("s 已发报价 下次 下周一 结果 未回复", .message, "已发报价", When(day: day(11, 30)), .noReply),
        ("n discuss next steps for the rollout", .note, "discuss next steps for the rollout", nil, nil),
        ("电话 谈了报价", .call, "谈了报价", nil, nil),
        ("call", .call, "", nil, nil),
        ("", .call, "", nil, nil),
        ("c  two\u{3000}spaces", .call, "two spaces", nil, nil),
    ] as [(String, InteractionKind, String, When?, Outcome?)])
    func readsTheLine(line: String, kind: InteractionKind, note: String, next: When?, outcome: Outcome?) throws {
        let entry = try QuickLog.parse(line, today: Self.today)
        #expect(entry == QuickLog(kind: kind, note: note, next: next, outcome: outcome))
    }

    /// The shell's words: a kind the command names makes the first word the note's, and a
    /// quoted word (one with a space) is never `next` or `outcome`, though it may be the date.
    @Test(arguments: [
        (["发了方案", "next", "fri", "outcome", "reached"], .call, .call, "发了方案", When(day: day(11, 27)), .reached),
        (["note", "about", "price"], .call, .call, "note about price", nil, nil),
        (["c", "现场演示"], .visit, .visit, "c 现场演示", nil, nil),
        (["note", "about", "price"], nil, .note, "about price", nil, nil),
        (["c", "note", "about", "price"], nil, .call, "note about price", nil, nil),
        (["teleport", "hello"], nil, .call, "teleport hello", nil, nil),
        (["discuss next steps"], nil, .call, "discuss next steps", nil, nil),
        (["x", "outcome reached"], .email, .email, "x outcome reached", nil, nil),
        (["review", "next", "tomorrow 14:30"], .meeting, .meeting, "review",
         When(day: day(11, 24), time: ClockTime(hour: 14, minute: 30)), nil),
        ([], .message, .message, "", nil, nil),
        ([], nil, .call, "", nil, nil),
    ] as [([String], InteractionKind?, InteractionKind, String, When?, Outcome?)])
    func readsTheShellsWords(words: [String], named: InteractionKind?, kind: InteractionKind, note: String, next: When?, outcome: Outcome?) throws {
        let entry = try QuickLog.parse(words: words, kind: named, today: Self.today)
        #expect(entry == QuickLog(kind: kind, note: note, next: next, outcome: outcome))
    }

    @Test(arguments: [
        ("call 谈了报价 next", QuickLogError.missingDate),
        ("call 谈了报价 next fridya", .date(.unrecognized("fridya"))),
        ("call x next 2026-02-30", .date(.noSuchDay("2026-02-30"))),
        ("call x next 25:00", .date(.noSuchTime("25:00"))),
        ("call x outcome", .missingOutcome),
        ("call x outcome reachd", .unknownOutcome("reachd")),
    ])
    func refusesWithTheParsersMessage(line: String, error: QuickLogError) {
        #expect(throws: error) { try QuickLog.parse(line, today: Self.today) }
    }

    /// What follows `next` or `outcome` and is neither a date nor one mistyped stays in the
    /// note, `next` and `outcome` with it.
    @Test(arguments: [
        ("c boss decides next week", "boss decides next week"),
        ("call about next steps", "about next steps"),
        ("c 谈了 the outcome of the trial", "谈了 the outcome of the trial"),
        ("c next quarter budget", "next quarter budget"),
    ])
    func nextAndOutcomeWithoutTheirValuesAreWordsOfTheNote(line: String, note: String) throws {
        #expect(try QuickLog.parse(line, today: Self.today) == QuickLog(kind: .call, note: note, next: nil, outcome: nil))
    }

    @Test func aLineWithProseAndAFollowUpKeepsBoth() throws {
        let entry = try QuickLog.parse("c boss decides next week next fri outcome reached", today: Self.today)
        #expect(entry == QuickLog(kind: .call, note: "boss decides next week", next: When(day: Self.day(11, 27)), outcome: .reached))
    }

    @Test func theMessageQuotesTheBadDate() {
        let e = QuickLogError.date(.unrecognized("fridya"))
        #expect(e.description.hasPrefix("unrecognized date \"fridya\""))
    }
}
