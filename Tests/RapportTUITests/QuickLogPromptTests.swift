import RapportCore
import Testing
@testable import RapportTUI

/// The log prompt: `l`, a line in the quick-log grammar, Tab for "next ", Enter to save.
/// Today is Monday 2026-11-23, so 明天/tomorrow = 2026-11-24, 周五/fri = 2026-11-27,
/// 下周一 = 2026-11-30, +2w = 2026-12-07, 昨天/yesterday = 2026-11-22.
struct QuickLogPromptTests {
    static let tomorrow = When(day: Fx.day(11, 24))

    @Test func lOpensALogPromptForTheSelectedReminder() {
        var s = Fx.todayState()
        #expect(s.press(.char("l")) == [])
        #expect(s.prompt?.purpose == .log(customerID: 1, name: "王建国"))
        #expect(s.prompt?.field.text == "")
        #expect(s.prompt?.error == nil)
        // On another row, another customer.
        var t = Fx.todayState()
        t.type("jjj")
        t.press(.char("l"))
        #expect(t.prompt?.purpose == .log(customerID: 2, name: "欧阳子涵"))
    }

    @Test func lOnTheListAndOnACardLogsForThatCustomer() {
        var s = Fx.mainState()
        s.type("jjj")  // Zoë Müller, id 4
        s.press(.char("l"))
        #expect(s.prompt?.purpose == .log(customerID: 4, name: "Zoë Müller"))

        var c = Fx.todayState()
        c.type("jjj")
        c.press(.enter)
        c.send(.cardLoaded(Fx.ouyangCard))
        c.press(.char("l"))
        #expect(c.prompt?.purpose == .log(customerID: 2, name: "欧阳子涵"))
    }

    @Test func aCallWithANoteAndANextDayIsOneEffect() {
        var s = Fx.todayState()
        s.press(.char("l"))
        #expect(s.type("c 谈了报价 ") == [])
        #expect(s.press(.tab) == [])
        #expect(s.prompt?.field.text == "c 谈了报价 next ")
        #expect(s.type("明天") == [])
        #expect(s.prompt?.field.text == "c 谈了报价 next 明天")
        let effects = s.press(.enter)
        #expect(effects == [.log(customerID: 1, entry: QuickLog(kind: .call, note: "谈了报价", next: Self.tomorrow, outcome: nil))])
        // The prompt stays until the store says it saved.
        #expect(s.prompt != nil)
    }

    @Test(arguments: [
        ("", "next "),
        ("c 谈了报价 ", "c 谈了报价 next "),
        ("c 谈了报价", "c 谈了报价 next "),
        ("v met CFO", "v met CFO next "),
        ("谈了　", "谈了　 next "),  // an ideographic space is not " "
    ])
    func tabWritesNextWithALeadingSpaceOnlyWhenNeeded(typed: String, expected: String) {
        var s = Fx.todayState()
        s.press(.char("l"))
        s.type(typed)
        s.press(.tab)
        #expect(s.prompt?.field.text == expected)
        #expect(s.prompt?.field.cursor == Array(expected).count)
    }

    @Test func aCallWithANextDayCostsThreeKeysBeyondTheNoteAndTheDate() {
        let note = "谈了报价"
        let date = "明天"
        let keys: [Key] = [.char("l")] + note.map { .char($0) } + [.tab] + date.map { .char($0) } + [.enter]
        var s = Fx.todayState()
        var effects: [Effect] = []
        for key in keys { effects += s.press(key) }
        // l, Tab, Enter: the kind is a call by default and Tab writes " next ".
        let overhead = keys.count - note.count - date.count
        #expect(overhead == 3)
        #expect(overhead <= 4)
        #expect(effects == [.log(customerID: 1, entry: QuickLog(kind: .call, note: "谈了报价", next: Self.tomorrow, outcome: nil))])
    }

    @Test(arguments: [
        ("谈了报价\\t周五", QuickLog(kind: .call, note: "谈了报价", next: When(day: Fx.day(11, 27)), outcome: nil)),
        ("v met the CFO\\t+2w outcome reached",
         QuickLog(kind: .visit, note: "met the CFO", next: When(day: Fx.day(12, 7)), outcome: .reached)),
        ("e 发了报价单", QuickLog(kind: .email, note: "发了报价单", next: nil, outcome: nil)),
        ("电话 没人接 outcome 未接", QuickLog(kind: .call, note: "没人接", next: nil, outcome: .noAnswer)),
        ("m 讨论合同\\t下周一 10:00", QuickLog(kind: .meeting, note: "讨论合同", next: When(day: Fx.day(11, 30), time: Fx.time(10, 0)), outcome: nil)),
        // `next` followed by more than two words that are no date is a word of the note.
        ("n next steps: 约了 三家 供应商", QuickLog(kind: .note, note: "next steps: 约了 三家 供应商", next: nil, outcome: nil)),
    ])
    func linesOfTheGrammarBecomeOneLogEffect(script: String, entry: QuickLog) {
        var s = Fx.todayState()
        s.press(.char("l"))
        s.type(script)
        #expect(s.press(.enter) == [.log(customerID: 1, entry: entry)])
        #expect(s.prompt?.error == nil)
    }

    @Test func escCancelsWithNothingWritten() {
        var s = Fx.todayState()
        s.press(.char("l"))
        s.type("c 谈了报价\\t明天")
        #expect(s.press(.escape) == [])
        #expect(s.prompt == nil)
        #expect(s.screen == .today)
        // The next l starts empty.
        s.press(.char("l"))
        #expect(s.prompt?.field.text == "")
    }

    @Test func keysBoundElsewhereAreTextInThePrompt() {
        var s = Fx.todayState()
        s.press(.char("l"))
        // q, t, j, ?, /, s would quit, go to today, move, … outside the prompt.
        #expect(s.type("q t j ? / s") == [])
        #expect(!s.quitting)
        #expect(s.todayWindow.selected == 1)
        #expect(s.prompt?.field.text == "q t j ? / s")
    }

    @Test func aTypoInTheDateKeepsTheTextAndShowsTheParsersMessage() {
        var s = Fx.todayState()
        s.press(.char("l"))
        s.type("c x next fridya")
        #expect(s.press(.enter) == [])
        #expect(s.prompt?.field.text == "c x next fridya")
        // `next` at the end with an unreadable date is an error naming it.
        #expect(s.prompt?.error == "unrecognized date \"fridya\"; did you mean \"fri\"?")
        // Editing clears the message; fixing the typo saves.
        s.press(.backspace)
        #expect(s.prompt?.error == nil)
        s.type("\\b\\b\\b\\b\\bfriday")  // "c x next " + friday
        #expect(s.press(.enter) == [.log(customerID: 1, entry: QuickLog(kind: .call, note: "x", next: When(day: Fx.day(11, 27)), outcome: nil))])
    }

    @Test func nextWithoutADateIsAnError() {
        var s = Fx.todayState()
        s.press(.char("l"))
        s.type("c 谈了报价\\t")
        #expect(s.press(.enter) == [])
        #expect(s.prompt?.error == "`next` needs a date: next 周五, next +2w, next tomorrow 14:00")
    }

    @Test(arguments: [
        ("c x\\t昨天", "the next follow-up cannot be in the past (2026-11-22)"),
        ("c x\\tyesterday 10:00", "the next follow-up cannot be in the past (2026-11-22 10:00)"),
        ("c x\\t-3d", "the next follow-up cannot be in the past (2026-11-20)"),
    ])
    func aNextDayInThePastIsRefused(script: String, message: String) {
        var s = Fx.todayState()
        s.press(.char("l"))
        s.type(script)
        let text = s.prompt?.field.text
        #expect(s.press(.enter) == [])
        #expect(s.prompt?.field.text == text)
        #expect(s.prompt?.error == message)
    }

    @Test func todayIsNotThePast() {
        var s = Fx.todayState()
        s.press(.char("l"))
        s.type("c x\\t今天 17:00")
        #expect(s.press(.enter) == [.log(customerID: 1, entry: QuickLog(kind: .call, note: "x", next: When(day: Fx.today, time: Fx.time(17, 0)), outcome: nil))])
    }

    @Test func savedClosesThePromptAndReloadsTodayAndTheCard() {
        // The list was never loaded: no list or status reloads.
        var s = Fx.todayState()
        s.press(.char("l"))
        s.type("c 谈了报价\\t明天\\r")
        let effects = s.send(.saved("Logged call · next Tue 2026-11-24", customerID: 1))
        #expect(s.prompt == nil)
        #expect(s.message == StatusMessage(text: "Logged call · next Tue 2026-11-24 · u undoes it", isError: false))
        #expect(effects == [.loadToday(limit: 50), .loadCard(customerID: 1)])
    }

    @Test func savedReloadsTheListAndTheFunnelWhenTheListWasLoaded() {
        var s = Fx.mainState()
        s.press(.char("l"))
        s.type("c 谈了\\r")
        let effects = s.send(.saved("Logged call", customerID: 1))
        #expect(s.prompt == nil)
        #expect(effects == [.loadToday(limit: 50), .loadCustomers(sort: .attention, offset: 0, limit: 200),
                            .loadFunnel, .loadCard(customerID: 1)])
    }

    @Test func savedWhileFilteringRunsTheFilterAgain() {
        var s = Fx.mainState()
        s.type("/wjg\\r")
        s.press(.char("l"))
        s.type("c 谈了\\r")
        #expect(s.send(.saved("Logged call", customerID: 1))
            == [.loadToday(limit: 50), .filterCustomers(query: "wjg"), .loadFunnel, .loadCard(customerID: 1)])
    }

    @Test func aFailureWhileThePromptIsOpenIsShownOnThePrompt() {
        var s = Fx.todayState()
        s.press(.char("l"))
        s.type("c 谈了报价\\r")
        #expect(s.send(.failed("database is locked")) == [])
        #expect(s.prompt?.error == "database is locked")
        #expect(s.prompt?.field.text == "c 谈了报价")
        #expect(s.message == nil)
    }

    @Test func theOpenPromptShowsItsErrorAndLabelOnScreen() {
        var s = Fx.todayState(Fx.small)
        s.press(.char("l"))
        s.type("c x next fridya\\r")
        let lines = s.buffer.lines
        // Hint row 13 carries the error, status row 14 the label and the text.
        #expect(lines[13] == "✗ unrecognized date \"fridya\"; did you mean \"fri\"?")
        #expect(lines[14] == "log 王建国 › c x next fridya")
    }

    // MARK: - Known issues

    @Test func tabInTheMiddleOfTheTextLooksAtTheCharacterBeforeTheCursor() {
        var s = Fx.todayState()
        s.press(.char("l"))
        s.type("c 谈了报价 客户 ")
        // Back to just after 报价: "c 谈了报价| 客户 ".
        for _ in 0..<4 { s.press(.left) }
        s.press(.tab)
        s.type("明天")
        let effects = s.press(.enter)
        #expect(effects == [.log(customerID: 1, entry: QuickLog(kind: .call, note: "谈了报价 客户", next: Self.tomorrow, outcome: nil))])
    }

    @Test func loggingOnACardOpenedFromTodayKeepsThatCard() {
        var s = Fx.mainState()
        s.press(.char("j"))  // the list selects 欧阳子涵
        s.send(.cardLoaded(Fx.ouyangCard))
        s.press(.char("t"))
        #expect(s.press(.enter) == [.loadCard(customerID: 1)])  // 王建国 from today
        s.send(.cardLoaded(Fx.wangCard))
        s.press(.char("l"))
        s.type("c 谈了\\r")
        let reloads = s.send(.saved("Logged call", customerID: 1))
        #expect(reloads == [.loadToday(limit: 50), .loadCustomers(sort: .attention, offset: 0, limit: 200),
                            .loadFunnel, .loadCard(customerID: 1)])
        // Answer the reloads in order, as the effect runner does, queueing what they ask.
        var queue = reloads
        var extra: [Effect] = []
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            let asked: [Effect]
            switch effect {
            case .loadToday: asked = s.send(.todayLoaded(Fx.report(), upcoming: []))
            case .loadCustomers: asked = s.send(.customersLoaded(rows: Fx.rows, offset: 0, total: 6))
            case .loadFunnel: asked = s.send(.funnelLoaded(Fx.funnel))
            case .loadCard(let id): asked = s.send(.cardLoaded(Fx.card(for: id)))
            default: asked = []
            }
            extra += asked
            queue += asked
        }
        #expect(s.screen == .card)
        #expect(extra == [])
        #expect(s.card?.customer.id == 1)
    }
}
