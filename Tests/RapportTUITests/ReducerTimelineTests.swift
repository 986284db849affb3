import RapportCore
import Testing
@testable import RapportTUI

/// The timeline pane corrects what it shows: j/k select an entry (王建国's card: the open
/// follow-up 101 報价单 first, then call 310), `e` corrects it, `x` removes it after asking.
struct ReducerTimelineTests {
    /// The customers screen with the focus on the timeline.
    static func timelineState() -> AppState {
        var s = Fx.mainState()
        _ = s.press(.tab)
        return s
    }

    @Test func theFocusedTimelineHasItsOwnKeys() {
        let s = Self.timelineState()
        #expect(s.context == .timeline)
        #expect(KeyBindings.action(for: .char("x"), in: .timeline) == .removeEntry)
        #expect(KeyBindings.action(for: .delete, in: .timeline) == .removeEntry)
        #expect(KeyBindings.action(for: .char("e"), in: .timeline) == .editEntry)
        // Elsewhere on the screen they stay what they were
        #expect(KeyBindings.action(for: .char("x"), in: .main) == .loseDeal)
        #expect(KeyBindings.action(for: .char("e"), in: .main) == .edit)
    }

    /// (keys, the entry then selected, as the removal asks for it)
    @Test(arguments: [("x", "follow-up for Fri 2026-11-20 (报价单)"), ("jx", "call of 2026-11-02 16:00"), ("jjjx", "call of 2026-11-02 16:00"),
                      ("jkx", "follow-up for Fri 2026-11-20 (报价单)")])
    func xAsksAboutTheSelectedEntry(keys: String, named: String) {
        var s = Self.timelineState()
        #expect(s.type(keys) == [])
        #expect(s.prompt?.label(width: 100) == "Remove the \(named) of 王建国? y removes")
    }

    @Test func yRemovesAnyOtherKeyKeeps() {
        var s = Self.timelineState()
        _ = s.type("jx")
        #expect(s.press(.char("y")) == [.remove(.interaction(Fx.wangCard.timeline[0]))])
        #expect(s.prompt == nil)
        _ = s.type("kx")
        #expect(s.press(.char("n")) == [])
        #expect(s.prompt == nil)
        #expect(s.message?.text == "kept")
        _ = s.type("x")
        #expect(s.press(.char("Y")) == [.remove(.followUp(Fx.wangCard.openFollowUps[0]))])
    }

    @Test func eCorrectsACallInTheLogPromptsWordsAndMovesAFollowUp() {
        var s = Self.timelineState()
        _ = s.type("je")
        #expect(s.prompt?.purpose == .correct(interactionID: 310, name: "王建国"))
        #expect(s.prompt?.field.text == "call 约了下周报价")
        _ = s.type(" outcome reached")
        #expect(s.press(.enter) == [.correctInteraction(interactionID: 310, entry: QuickLog(kind: .call, note: "约了下周报价", next: nil, outcome: .reached))])
        // A correction schedules nothing: the next follow-up is logged anew
        var t = Self.timelineState()
        _ = t.type("je next 周五")
        #expect(t.press(.enter) == [])
        #expect(t.prompt?.error == "a correction schedules nothing; log a new entry (l) for the next follow-up")
        // e on the follow-up asks for its new day, as snooze does
        var u = Self.timelineState()
        _ = u.type("e")
        #expect(u.prompt?.purpose == .snooze(followUpID: 101, name: "王建国"))
    }

    @Test func theSelectionStaysWithinTheEntriesLeft() {
        var s = Self.timelineState()
        _ = s.type("j")
        #expect(s.timelineWindow.selected == 1)
        var card = Fx.wangCard
        card.timeline = []
        _ = s.send(.cardLoaded(card))
        #expect(s.timelineWindow.selected == 0)
    }

    @Test func mOnTheCardMergesTheDuplicateTyped() {
        var s = Fx.mainState()
        _ = s.press(.enter)
        #expect(s.screen == .card)
        _ = s.type("M")
        #expect(s.prompt?.label(width: 100) == "merge into 王建国 the duplicate ›")
        #expect(s.press(.enter) == [])
        #expect(s.prompt?.error == "name the duplicate: #id, name, phone or pinyin")
        _ = s.type("#7")
        #expect(s.press(.enter) == [.mergeCustomer(keep: 1, other: "#7")])
    }
}
