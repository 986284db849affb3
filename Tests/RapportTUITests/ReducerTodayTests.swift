import RapportCore
import Testing
@testable import RapportTUI

/// The today view: selection, opening, "more", snoozing, leaving and coming back.
///
/// With `Fx.report()` the rows are (worked out from `AppState.todayRows`: rules in the order
/// overdue, due, forgotten; a heading per rule with a total; a "more" row where fewer are loaded
/// than the total):
///   0 heading overdue (7,288)   1 王建国   2 Zoë Müller   3 more (2 of 7,288)
///   4 heading due (1)           5 欧阳子涵
///   6 heading forgotten (2)     7 单田芳   8 Li Ming
struct ReducerTodayTests {
    @Test func launchAsksForAScreenfulOfToday() {
        let s = AppState(size: Fx.medium, now: Fx.now)
        #expect(Reducer.start(s) == [.loadToday(limit: 50)])
        #expect(s.screen == .today)
        #expect(s.todayRows == [.empty("Loading…")])
    }

    @Test func rowsGroupTheReportByRuleWithHeadingsAndMore() {
        let s = Fx.todayState()
        #expect(s.todayRows == [
            .heading(.overdue, total: 7288), .reminder(Fx.rWang), .reminder(Fx.rZoe), .more(.overdue, shown: 2, total: 7288),
            .heading(.due, total: 1), .reminder(Fx.rOuyang),
            .heading(.forgotten, total: 2), .reminder(Fx.rShan), .reminder(Fx.rLi),
        ])
    }

    @Test func theFirstSelectableRowIsSelectedAfterLoading() {
        var s = AppState(size: Fx.medium, now: Fx.now)
        let effects = s.send(.todayLoaded(Fx.report(), upcoming: []))
        #expect(effects == [])
        // Row 0 is the "Overdue follow-ups" heading; row 1 is the first reminder.
        #expect(s.todayWindow.selected == 1)
    }

    @Test(arguments: [
        ("j", 2), ("jj", 3), ("jjj", 5), ("jjjj", 7), ("jjjjj", 8), ("jjjjjjjj", 8),
        ("k", 1), ("G", 8), ("Gk", 7), ("Gkk", 5), ("Gkkk", 3), ("Gkkkk", 2), ("Gkkkkkkk", 1),
        ("Gg", 1), ("jjg", 1), ("\\j\\j\\j", 5), ("G\\k", 7),
    ])
    func movingSkipsHeadings(keys: String, expected: Int) {
        var s = Fx.todayState()
        let effects = s.type(keys)
        #expect(effects == [])
        #expect(s.todayWindow.selected == expected)
    }

    @Test func everyMoveLandsOnASelectableRow() {
        var s = Fx.todayState()
        for key in Key.script("jjjjjjjjkkkkkkkkGgGkjkjgjjjkkG") + [.pageDown, .pageUp, .pageDown, .home, .end] {
            s.press(key)
            let row = s.todayRows[s.todayWindow.selected]
            #expect(row.isSelectable, "after \(key.name) the selection is on \(row)")
            if case .heading = row { Issue.record("selection on a heading") }
        }
    }

    @Test func pageDownGoesToTheLastRowWhenAllFit() {
        // 80x24: body height 20; page down moves 19 rows from row 1 → 20, clamped to row 8.
        var s = Fx.todayState()
        s.press(.pageDown)
        #expect(s.todayWindow.selected == 8)
        s.press(.pageUp)
        #expect(s.todayWindow.selected == 1)
    }

    @Test func enterOnAReminderOpensItsCard() {
        var s = Fx.todayState()
        s.press(.char("j"))  // Zoë Müller, id 4
        let effects = s.press(.enter)
        #expect(s.screen == .card)
        #expect(s.previousScreen == .today)
        #expect(effects == [.loadCard(customerID: 4)])
        // Esc goes back where it came from.
        #expect(s.press(.escape) == [])
        #expect(s.screen == .today)
    }

    @Test func enterOnACustomerWhoseCardIsLoadedAsksForNothing() {
        var s = Fx.todayState()
        s.send(.cardLoaded(Fx.wangCard))
        #expect(s.press(.enter) == [])
        #expect(s.screen == .card)
    }

    @Test func enterOnMoreDoublesTheLimitAndReloads() {
        var s = Fx.todayState()
        s.type("jj")  // row 3, the "more" row
        #expect(s.todayRows[s.todayWindow.selected] == .more(.overdue, shown: 2, total: 7288))
        #expect(s.press(.enter) == [.loadToday(limit: 100)])
        #expect(s.todayLimit == 100)
        #expect(s.screen == .today)
        #expect(s.press(.enter) == [.loadToday(limit: 200)])
    }

    @Test func sOnAFollowUpOpensASnoozePrompt() {
        var s = Fx.todayState()
        #expect(s.press(.char("s")) == [])
        #expect(s.prompt?.purpose == .snooze(followUpID: 101, name: "王建国"))
        #expect(s.prompt?.field.text == "")
        #expect(s.message == nil)
        // 周五 from Monday 2026-11-23 is Friday 2026-11-27.
        #expect(s.type("周五\\r") == [.snooze(followUpID: 101, to: When(day: Fx.day(11, 27)))])
    }

    @Test func sOnADueTodayFollowUpSnoozesThatFollowUp() {
        var s = Fx.todayState()
        s.type("jjj")  // 欧阳子涵, follow-up 102
        s.press(.char("s"))
        #expect(s.prompt?.purpose == .snooze(followUpID: 102, name: "欧阳子涵"))
        // tomorrow = 2026-11-24, with a time.
        #expect(s.type("tomorrow 14:00\\r") == [.snooze(followUpID: 102, to: When(day: Fx.day(11, 24), time: Fx.time(14, 0)))])
    }

    @Test func sOnAForgottenCustomerSaysSoAndOpensNothing() {
        var s = Fx.todayState()
        s.type("jjjj")  // 单田芳: forgotten, no follow-up
        #expect(s.press(.char("s")) == [])
        #expect(s.prompt == nil)
        #expect(s.message == StatusMessage(text: "only a follow-up can be snoozed", isError: true))
        // The next key clears the message.
        s.press(.char("j"))
        #expect(s.message == nil)
    }

    @Test func snoozingIntoThePastIsRefusedAndTheTextKept() {
        var s = Fx.todayState()
        s.press(.char("s"))
        #expect(s.type("昨天\\r") == [])
        #expect(s.prompt?.field.text == "昨天")
        #expect(s.prompt?.error == "snooze to today or later, not 2026-11-22")
        // Today itself is allowed.
        #expect(s.type("\\b\\b今天\\r") == [.snooze(followUpID: 101, to: When(day: Fx.today))])
    }

    @Test(arguments: [Key.tab, Key.escape])
    func tabAndEscGoToTheListAndLoadItTheFirstTime(key: Key) {
        var s = Fx.todayState()
        #expect(s.press(key) == [.loadCustomers(sort: .attention, offset: 0, limit: 200), .loadFunnel])
        #expect(s.screen == .main)
        #expect(s.list.loading)
        // Once loaded, coming back only asks for the selected customer's card.
        s.send(.customersLoaded(rows: Fx.rows, offset: 0, total: 6))
        s.press(.char("t"))
        #expect(s.screen == .today)
        #expect(s.press(key) == [.loadCard(customerID: 1)])
        s.send(.cardLoaded(Fx.wangCard))
        s.press(.char("t"))
        #expect(s.press(key) == [])
    }

    @Test func anEmptyReportSaysNothingIsDueAndListsWhatIsComing() {
        var s = Fx.todayState(report: Fx.emptyReport, upcoming: Fx.upcoming)
        #expect(s.todayRows == [
            .empty("Nothing due today, and nobody forgotten."), .empty(""), .empty("Coming up:"),
            .upcoming(Fx.upcoming[0]), .upcoming(Fx.upcoming[1]),
        ])
        // The first upcoming follow-up (row 3) is selected; it can be opened and snoozed.
        #expect(s.todayWindow.selected == 3)
        s.press(.char("s"))
        #expect(s.prompt?.purpose == .snooze(followUpID: 201, name: "欧阳子涵"))
        s.press(.escape)
        #expect(s.press(.enter) == [.loadCard(customerID: 2)])

        let text = Renderer.render(Fx.todayState(report: Fx.emptyReport, upcoming: Fx.upcoming)).text
        #expect(text.contains(" Nothing due today, and nobody forgotten."))
        #expect(text.contains(" Coming up:"))
        // "  " + RelativeDay.dated + " " + time + "  " + name + " · " + title.
        #expect(text.contains("\n  Fri 2026-11-27 10:00  欧阳子涵 · 寄送样品\n"))
        #expect(text.contains("\n  Tue 2026-12-01  Zoë Müller\n"))
        #expect(!text.contains("Overdue"))
    }

    @Test func anEmptyReportWithNothingComingSelectsNothing() {
        var s = Fx.todayState(report: Fx.emptyReport)
        #expect(s.todayRows == [.empty("Nothing due today, and nobody forgotten.")])
        #expect(s.press(.enter) == [])
        #expect(s.screen == .today)
        // With nobody selected, l asks whom for, as L does.
        #expect(s.press(.char("l")) == [])
        #expect(s.prompt?.purpose == .logFor)
    }

    @Test func tReturnsToTodayFromEveryScreen() {
        // From the list.
        var s = Fx.mainState()
        #expect(s.press(.char("t")) == [])
        #expect(s.screen == .today)
        // From a card.
        s.press(.enter)
        #expect(s.screen == .card)
        #expect(s.press(.char("t")) == [])
        #expect(s.screen == .today)
        // From the help.
        s.press(.char("?"))
        #expect(s.screen == .help)
        #expect(s.press(.char("t")) == [])
        #expect(s.screen == .today)
        // Before the report is there, t asks for it.
        var fresh = AppState(size: Fx.medium, now: Fx.now)
        fresh.screen = .help
        #expect(fresh.press(.char("t")) == [.loadToday(limit: 50)])
        #expect(fresh.screen == .today)
    }

    @Test func reloadingKeepsTheSelectionOnASelectableRow() {
        var s = Fx.todayState()
        s.press(.char("G"))  // Li Ming, row 8
        // After logging, the report comes back with only the overdue group.
        s.send(.todayLoaded(ReminderReport(reminders: [Fx.rWang], totals: [.overdue: 1]), upcoming: []))
        // Rows: 0 heading, 1 王建国; the old row 8 is clamped to 1.
        #expect(s.todayWindow.selected == 1)
    }

    @Test func scrollingKeepsTheSelectionInTheBody() {
        // 60x15: body height 11 rows; a report with 30 overdue reminders loaded.
        let reminders = (1...30).map { i in
            Reminder(customer: CustomerSummary(id: Int64(i), name: "客户\(i)", company: nil, grade: nil, status: .lead,
                                               addedOn: Fx.day(1, 1), lastContactOn: nil),
                     followUpID: Int64(1000 + i), days: i, terms: UrgencyTerms(rule: Double(100 - i)),
                     reason: .overdue(due: When(day: Fx.today.adding(days: -i)), title: ""))
        }
        var s = Fx.todayState(Fx.small, report: ReminderReport(reminders: reminders, totals: [.overdue: 30]))
        s.press(.char("G"))
        // 31 rows (heading + 30); the last is row 30, shown as the 11th body row: top = 20.
        #expect(s.todayWindow.selected == 30)
        #expect(s.todayWindow.top == 20)
        let lines = Renderer.render(s).lines
        // Body rows are y 2…12; the last one shows 客户30.
        #expect(lines[12].hasPrefix("  客户30"))
        #expect(s.buffer[0, 12].style == .selected)
    }
}

extension AppState {
    var buffer: ScreenBuffer { Renderer.render(self) }
}
