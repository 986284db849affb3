import RapportCore
import Testing
@testable import RapportTUI

/// The customer list, its panes, paging, sorting, and the way to the card, the help and the form.
/// `Fx.mainState()` is 80x24 with the six customers loaded (王建国 first and selected, his card
/// shown); `Reducer.pageSize` is 200 and a page is asked from 50 rows before the selection.
struct ReducerMainTests {
    @Test(arguments: [
        (Key.tab, [Pane.timeline, .funnel, .list, .timeline]),
        (Key.backTab, [Pane.funnel, .timeline, .list, .funnel]),
    ])
    func tabCyclesThePanes(key: Key, expected: [Pane]) {
        var s = Fx.mainState()
        #expect(s.focus == .list)
        var seen: [Pane] = []
        for _ in expected {
            #expect(s.press(key) == [])
            seen.append(s.focus)
        }
        #expect(seen == expected)
        #expect(s.screen == .main)
    }

    @Test func movingTheSelectionAsksForTheNewCustomersCard() {
        var s = Fx.mainState()
        #expect(s.press(.char("j")) == [.loadCard(customerID: 2)])
        #expect(s.list.window.selected == 1)
        #expect(s.press(.down) == [.loadCard(customerID: 3)])
        #expect(s.press(.char("G")) == [.loadCard(customerID: 6)])
        // Already at the bottom: nothing moves, nothing is asked.
        #expect(s.press(.char("j")) == [])
        #expect(s.list.window.selected == 5)
        #expect(s.press(.char("g")) == [])  // back on 王建国, whose card is still loaded
        #expect(s.list.window.selected == 0)
        #expect(s.press(.char("k")) == [])
    }

    @Test func movingDownPastTheLoadedRowsAsksForTheNextPage() {
        var s = Fx.todayState()
        s.press(.tab)
        s.send(.customersLoaded(rows: Fx.manyRows(1...200), offset: 0, total: 7288))
        var effects: [Effect] = []
        for _ in 0..<199 { effects += s.press(.char("j")) }
        #expect(s.list.window.selected == 199)
        // Every move within the loaded page asks only for a card: ids 2…200.
        #expect(effects == (2...200).map { .loadCard(customerID: Int64($0)) })
        // Row 200 is not loaded: a page from 200 - 50 = 150.
        #expect(s.press(.char("j")) == [.loadCustomers(sort: .attention, offset: 150, limit: 200)])
        #expect(s.list.loading)
        #expect(s.list.window.selected == 200)
        // The page arrives (ids 151…350 at positions 150…349): the selected row is id 201.
        #expect(s.send(.customersLoaded(rows: Fx.manyRows(151...350), offset: 150, total: 7288)) == [.loadCard(customerID: 201)])
        #expect(!s.list.loading)
        #expect(s.list.window.selected == 200)
    }

    @Test func theEndOfALongListIsOnePageAway() {
        var s = Fx.todayState()
        s.press(.tab)
        s.send(.customersLoaded(rows: Fx.manyRows(1...200), offset: 0, total: 7288))
        // G: position 7287, a page from 7287 - 50 = 7237.
        #expect(s.press(.char("G")) == [.loadCustomers(sort: .attention, offset: 7237, limit: 200)])
        // g: position 0 is not in rows 7237… once they are loaded.
        s.send(.customersLoaded(rows: Fx.manyRows(7238...7288), offset: 7237, total: 7288))
        #expect(s.press(.char("g")) == [.loadCustomers(sort: .attention, offset: 0, limit: 200)])
    }

    @Test func movingPastTheLoadedRowsOfAFilterAsksForFilteredRows() {
        var s = Fx.mainState()
        s.type("/客户")
        let ids = (1...100).map { Int64($0) }
        s.send(.filtered(query: "客户", ids: ids, rows: Fx.manyRows(1...80)))
        s.press(.enter)
        #expect(s.list.total == 100)
        for _ in 0..<79 { s.press(.char("j")) }
        #expect(s.list.window.selected == 79)
        // Position 80 is past the 80 rows fetched with the filter: ids from position 30, 80 of them.
        #expect(s.press(.char("j")) == [.loadFilteredRows(ids: Array(ids[30..<100]), offset: 30)])
        // The page's total is the filter's.
        #expect(s.send(.customersLoaded(rows: Fx.manyRows(31...100), offset: 30, total: nil)) == [.loadCard(customerID: 81)])
        #expect(s.list.total == 100)
        // G goes to position 99: already loaded.
        #expect(s.press(.char("G")) == [.loadCard(customerID: 100)])
    }

    @Test func oCyclesTheSortAndReloadsFromTheTop() {
        var s = Fx.mainState()
        s.type("jj")
        #expect(s.press(.char("o")) == [.loadCustomers(sort: .name, offset: 0, limit: 200)])
        #expect(s.list.sort == .name)
        #expect(s.list.window.selected == 0)
        #expect(s.message == StatusMessage(text: "sorted by name", isError: false))
        #expect(s.press(.char("o")) == [.loadCustomers(sort: .lastContact, offset: 0, limit: 200)])
        #expect(s.message?.text == "sorted by last contact")
        #expect(s.press(.char("o")) == [.loadCustomers(sort: .attention, offset: 0, limit: 200)])
        #expect(s.message?.text == "sorted by attention")
    }

    @Test func theListTitleNamesTheSort() {
        var s = Fx.mainState()
        #expect(s.buffer.lines[1].hasPrefix(" Customers (6) · by attention"))
        s.press(.char("o"))
        s.press(.char("o"))
        #expect(s.buffer.lines[1].hasPrefix(" Customers (6) · by last contact"))
    }

    @Test func eEditsTheSelectedCustomerOnlyWhenItsCardIsLoaded() {
        var s = Fx.mainState()
        s.press(.char("j"))  // 欧阳子涵 selected; 王建国's card still shown
        #expect(s.press(.char("e")) == [])
        #expect(s.form == nil)
        s.send(.cardLoaded(Fx.ouyangCard))
        #expect(s.press(.char("e")) == [])
        #expect(s.form?.original == Fx.ouyangCustomer)
        #expect(s.form?.isNew == false)
        #expect(s.form?.selected == 0)
        #expect(s.form?.fields.first?.value.text == "欧阳子涵")
    }

    @Test func aOpensAnEmptyForm() {
        var s = Fx.mainState()
        #expect(s.press(.char("a")) == [])
        #expect(s.form?.isNew == true)
        #expect(s.form?.original == Customer(name: "", createdAt: Fx.now))
        #expect(s.form?.fields.map { $0.value.text } == CustomerField.allCases.map { field in
            // A new card: everything empty but its kind and status.
            switch field {
            case .kind: "person"
            case .status: "lead"
            default: ""
            }
        })
    }

    @Test func enterOpensTheSelectedCustomersCard() {
        var s = Fx.mainState()
        s.press(.char("j"))
        #expect(s.press(.enter) == [.loadCard(customerID: 2)])
        #expect(s.screen == .card)
        #expect(s.previousScreen == .main)
        s.send(.cardLoaded(Fx.ouyangCard))
        #expect(s.press(.char("h")) == [])
        #expect(s.screen == .main)
    }

    @Test func escOnTheListWithoutAFilterStaysPut() {
        var s = Fx.mainState()
        #expect(s.press(.escape) == [])
        #expect(s.screen == .main)
    }

    @Test func theTimelinePaneScrollsWithinItsLines() {
        // 60x15: timeline height 5, so 4 lines show; 欧阳子涵's timeline at a 26-cell pane has
        // 8 lines (the follow-up, the call header, the note in 4 lines of 11 characters, the
        // visit header, its note). j selects the next entry and shows it whole where it fits:
        // the call (lines 1–5, five lines) from its header, top 1; the visit (lines 6–7), top 4.
        var s = Fx.mainState(Fx.small)
        s.press(.char("j"))
        s.send(.cardLoaded(Fx.ouyangCard))
        s.press(.tab)
        #expect(s.focus == .timeline)
        #expect(s.press(.char("j")) == [])
        #expect(s.timelineWindow.top == 1)
        #expect(s.list.window.selected == 1)  // the list does not move
        for _ in 0..<10 { s.press(.char("j")) }
        #expect(s.timelineWindow.top == 4)
        s.press(.char("g"))
        #expect(s.timelineWindow.top == 0)
        // A new customer's card starts at the top again.
        s.press(.char("G"))
        s.send(.cardLoaded(Fx.wangCard))
        #expect(s.timelineWindow.top == 0)
    }

    @Test func helpOpensFromEveryScreenAndEscGoesBack() {
        var s = Fx.mainState()
        s.press(.char("?"))
        #expect(s.screen == .help)
        #expect(s.helpReturn == .main)
        s.press(.char("?"))
        #expect(s.screen == .main)
        s.press(.char("t"))
        s.press(.char("?"))
        s.press(.escape)
        #expect(s.screen == .today)
    }

    @Test func helpScrollsToItsLastLine() {
        // 62 help lines (52 before the form's keys: a blank, the "In a form" title, eight
        // bindings) in a 20-row body: the top stops at 42.
        var s = Fx.mainState()
        s.press(.char("?"))
        s.press(.char("G"))
        #expect(s.helpWindow.top == 42)
        s.press(.char("j"))
        #expect(s.helpWindow.top == 42)
        s.press(.char("k"))
        #expect(s.helpWindow.top == 41)
    }

    @Test func qQuits() {
        var s = Fx.mainState()
        #expect(s.press(.char("q")) == [])
        #expect(s.quitting)
    }

    @Test func closingTheHelpOpenedFromACardStillLeavesTheCardWithEsc() {
        var s = Fx.mainState()
        s.press(.enter)  // 王建国's card, from the list
        #expect(s.screen == .card)
        #expect(s.previousScreen == .main)
        s.press(.char("?"))
        s.press(.escape)
        #expect(s.screen == .card)
        s.press(.escape)
        #expect(s.screen == .main)
    }

    @Test func aStatusMessageLastsUntilTheNextKey() {
        var s = Fx.mainState()
        s.press(.char("o"))
        #expect(s.message != nil)
        s.press(.char("j"))
        #expect(s.message == nil)
    }

    @Test func aFailureWithNothingOpenIsAnErrorMessage() {
        var s = Fx.mainState()
        s.list.loading = true
        #expect(s.send(.failed("disk full")) == [])
        #expect(s.message == StatusMessage(text: "disk full", isError: true))
        #expect(!s.list.loading)
    }
}
