import RapportCore
import RapportStore
import Testing
@testable import RapportTUI

/// `L`: log for anyone, the customer typed first (`sxm c 发了方案 Tab fri Enter`), or a
/// recent customer by number. Today is Monday 2026-11-23: fri = 2026-11-27.
struct LogForTests {
    static let friday = When(day: Fx.day(11, 27))

    /// The `L` prompt with `line` typed, and the candidates the store found for its first word.
    static func typed(_ line: String, found: [CustomerRow], from state: AppState = Fx.todayState()) -> (AppState, [Effect]) {
        var s = state
        s.press(.char("L"))
        let effects = s.type(line)
        s.send(.candidatesFound(query: LogFor.reference(in: line), rows: found))
        return (s, effects)
    }

    @Test(arguments: [
        ("", ""), ("sxm", "sxm"), ("  wjg c 谈了", "wjg"), ("#12 c", "#12"), ("王建国 谈了 报价", "王建国"),
    ])
    func theReferenceIsTheFirstWord(line: String, expected: String) {
        #expect(LogFor.reference(in: line) == expected)
    }

    @Test func lOpensTheLogForPromptFromEveryScreen() {
        for var s in [Fx.todayState(), Fx.mainState()] {
            #expect(s.press(.char("L")) == [])
            #expect(s.prompt?.purpose == .logFor)
        }
    }

    @Test func eachNewFirstWordAsksForItsCandidatesOnce() {
        var s = Fx.todayState()
        s.press(.char("L"))
        #expect(s.type("w") == [.findCandidates(query: "w")])
        s.send(.candidatesFound(query: "w", rows: [Fx.rows[0]]))
        #expect(s.type("j") == [.findCandidates(query: "wj")])
        s.send(.candidatesFound(query: "wj", rows: [Fx.rows[0]]))
        // The rest of the line does not ask again: the reference is the same.
        #expect(s.type(" c 谈了") == [])
        #expect(s.prompt?.candidates == [Fx.rows[0]])
    }

    @Test func anAnswerForAnOlderWordIsDropped() {
        var s = Fx.todayState()
        s.press(.char("L"))
        s.type("wj")
        s.send(.candidatesFound(query: "w", rows: [Fx.rows[3]]))
        #expect(s.prompt?.candidates == [])
    }

    @Test func enterLogsTheLineForTheFirstCandidate() {
        var (s, _) = Self.typed("ozh c 发了方案", found: [Fx.rows[1], Fx.rows[0]])
        #expect(s.press(.tab) == [])
        s.type("fri")
        #expect(s.prompt?.field.text == "ozh c 发了方案 next fri")
        #expect(s.press(.enter) == [.log(customerID: 2, entry: QuickLog(kind: .call, note: "发了方案", next: Self.friday, outcome: nil))])
        #expect(s.recent.first?.id == 2)
    }

    @Test(arguments: [
        ("", [CustomerRow](), "start with the customer: a name, pinyin (wjg), phone or #id; or 1–9 for a recent one"),
        ("zzz c 谈了", [], "no customer matches \"zzz\""),
    ])
    func enterWithoutACustomerSaysWhy(line: String, found: [CustomerRow], error: String) {
        var (s, _) = Self.typed(line, found: found)
        #expect(s.press(.enter) == [])
        #expect(s.prompt?.error == error)
    }

    @Test func aDigitOnTheEmptyPromptLogsForARecentCustomer() {
        var s = Fx.todayState()
        // Logging for 欧阳子涵, then opening 王建国's card, makes 王建国 1 and 欧阳子涵 2.
        var (t, _) = Self.typed("ozh 谈了", found: [Fx.rows[1]], from: s)
        _ = t.press(.enter)
        s.recent = t.recent
        s.press(.enter)
        #expect(s.screen == .card)
        #expect(s.recent.map(\.id) == [1, 2])
        s.press(.char("L"))
        s.press(.char("2"))
        #expect(s.prompt?.purpose == .log(customerID: 2, name: "欧阳子涵"))
        // With nobody at that number the key does nothing; once typing, a digit is text.
        var u = Fx.todayState()
        u.press(.char("L"))
        #expect(u.press(.char("3")) == [])
        #expect(u.prompt?.purpose == .logFor)
        #expect(u.prompt?.field.text == "")
    }

    @Test func theRecentCustomersAreNineAtMostAndNeverTwice() {
        var s = Fx.todayState()
        for id in 1...12 { s.remember(Int64(id), "客户\(id)") }
        s.remember(5, "客户5")
        #expect(s.recent.map(\.id) == [5, 12, 11, 10, 9, 8, 7, 6, 4])
    }

    /// The hint at the minimum size (60 cells): the recent ones by number while nothing is
    /// typed, then the candidates with their company, the first of whom Enter logs for.
    @Test func theHintNamesWhomEnterLogsFor() {
        var s = Fx.todayState(Fx.small)
        s.remember(2, "欧阳子涵")
        s.remember(1, "王建国")
        s.press(.char("L"))
        // "1 王建国 · 2 欧阳子涵 · or " = 2 + 6 + 3 + 2 + 8 + 3 + 3 = 27 cells, then what fits in
        // the 59 before "…": "a name, pinyin or phone, then c " (32 cells); 谈 would end at 61.
        #expect(s.buffer.lines[13] == "1 王建国 · 2 欧阳子涵 · or a name, pinyin or phone, then c …")
        #expect(s.buffer.lines[14] == "log for ›")
        let (t, _) = Self.typed("wj", found: [Fx.rows[0], Fx.rows[3]], from: Fx.todayState(Fx.small))
        // "→ 王建国 (华信科技有限公司)" 27 cells, " · Zoë Müller (Nordwind GmbH)" 29, " · " 3: 59, then "…".
        #expect(t.buffer.lines[13] == "→ 王建国 (华信科技有限公司) · Zoë Müller (Nordwind GmbH) · …")
        let (u, _) = Self.typed("zzz", found: [], from: Fx.todayState(Fx.small))
        #expect(u.buffer.lines[13] == "nobody matches \"zzz\"")
    }

    @Test func theStoreFindsCandidatesByPinyinAndByNumber() throws {
        let db = try AppDatabase.empty()
        let wang = try db.addCustomer(Customer(name: "王建国", createdAt: Fx.now))
        _ = try db.addCustomer(Customer(name: "Anna", createdAt: Fx.now))
        let runner = EffectRunner(database: db, settings: try db.settings(), clock: { Fx.now })
        guard case .candidatesFound("wjg", let rows)? = runner.run(.findCandidates(query: "wjg")).first else {
            Issue.record("no candidates")
            return
        }
        #expect(rows.map(\.summary.name) == ["王建国"])
        let number = "#" + String(try #require(wang.id))
        guard case .candidatesFound(number, let byNumber)? = runner.run(.findCandidates(query: number)).first else {
            Issue.record("no candidates by number")
            return
        }
        #expect(byNumber.map(\.summary.id) == [wang.id])
        // The log names the customer, since L logs for one who may not be on the screen.
        guard case .saved(let message, _)? = runner.run(.log(customerID: try #require(wang.id),
                                                             entry: QuickLog(kind: .call, note: "谈了", next: nil, outcome: nil))).first else {
            Issue.record("not logged")
            return
        }
        #expect(message == "Logged call with 王建国")
    }
}
