import RapportCore
import Testing
@testable import RapportTUI

/// The `/` filter: it filters as you type, keeps the newest answer only, Enter keeps it,
/// Esc clears it.
struct FilterTests {
    @Test func slashFromTodayOpensTheFilterOnTheListAndLoadsIt() {
        var s = Fx.todayState()
        #expect(s.press(.char("/")) == [.loadCustomers(sort: .attention, offset: 0, limit: 200), .loadFunnel])
        #expect(s.screen == .main)
        #expect(s.prompt?.purpose == .filter)
        #expect(s.prompt?.field.text == "")
    }

    @Test func slashWhenTheListIsLoadedAsksForNothing() {
        var main = Fx.mainState()
        #expect(main.press(.char("/")) == [])
        #expect(main.prompt?.purpose == .filter)
        var today = Fx.mainState()
        today.press(.char("t"))
        #expect(today.press(.char("/")) == [])
        #expect(today.screen == .main)
    }

    @Test func everyKeyAsksForTheWholeTextSoFar() {
        var s = Fx.mainState()
        s.press(.char("/"))
        #expect(s.press(.char("w")) == [.filterCustomers(query: "w")])
        #expect(s.press(.char("j")) == [.filterCustomers(query: "wj")])
        #expect(s.press(.char("g")) == [.filterCustomers(query: "wjg")])
        #expect(s.list.filter == "wjg")
        #expect(s.list.loading)
        #expect(s.press(.backspace) == [.filterCustomers(query: "wj")])
        #expect(s.list.filter == "wj")
    }

    @Test func chineseIsFilteredCharacterByCharacter() {
        var s = Fx.mainState()
        s.press(.char("/"))
        #expect(s.type("王建") == [.filterCustomers(query: "王"), .filterCustomers(query: "王建")])
        // Editing in the middle sends the edited whole: 王|建 + 小 = 王小建.
        s.press(.left)
        #expect(s.press(.char("小")) == [.filterCustomers(query: "王小建")])
    }

    @Test func keysThatMoveOrQuitAreTextInTheFilter() {
        var s = Fx.mainState()
        s.press(.char("/"))
        #expect(s.type("jq") == [.filterCustomers(query: "j"), .filterCustomers(query: "jq")])
        #expect(!s.quitting)
        #expect(s.list.window.selected == 0)
        #expect(s.press(.tab) == [])
        #expect(s.prompt?.field.text == "jq")
        #expect(s.focus == .list)
    }

    @Test func anAnswerToAnOlderQueryIsIgnored() {
        var s = Fx.mainState()
        s.type("/wjg")
        // The answer to "wj" arrives after "wjg" was typed.
        #expect(s.send(.filtered(query: "wj", ids: [1, 4], rows: [Fx.rows[0], Fx.rows[3]])) == [])
        #expect(s.list.rows == Fx.rows)
        #expect(s.list.total == 6)
        #expect(s.list.filterIDs == [])
        // The answer to "wjg" is taken.
        #expect(s.send(.filtered(query: "wjg", ids: [2], rows: [Fx.rows[1]])) == [.loadCard(customerID: 2)])
        #expect(s.list.rows == [Fx.rows[1]])
        #expect(s.list.total == 1)
        #expect(s.list.filterIDs == [2])
        #expect(s.list.window.selected == 0)
        #expect(!s.list.loading)
    }

    @Test func aNewAnswerStartsAtTheTop() {
        var s = Fx.mainState()
        s.type("/w")
        s.send(.filtered(query: "w", ids: [1, 2, 3, 4, 5, 6], rows: Fx.rows))
        s.press(.enter)
        s.type("jjj")
        #expect(s.list.window.selected == 3)
        s.type("/wj")
        s.send(.filtered(query: "wj", ids: [1, 4], rows: [Fx.rows[0], Fx.rows[3]]))
        #expect(s.list.window.selected == 0)
    }

    @Test func enterKeepsTheFilterAndClosesThePrompt() {
        var s = Fx.mainState()
        s.type("/wjg")
        s.send(.filtered(query: "wjg", ids: [1, 4], rows: [Fx.rows[0], Fx.rows[3]]))
        #expect(s.press(.enter) == [])  // 王建国's card is already loaded
        #expect(s.prompt == nil)
        #expect(s.list.filter == "wjg")
        #expect(s.list.total == 2)
        // The next / starts a new search, typed from nothing; ↑ brings back the kept one.
        s.press(.char("/"))
        #expect(s.prompt?.field.text == "")
        #expect(s.type("sh") == [.filterCustomers(query: "s"), .filterCustomers(query: "sh")])
        // While typing, ↑ brings back the filter kept before this one.
        var recalled = s
        #expect(recalled.press(.up) == [.filterCustomers(query: "wjg")])
        #expect(recalled.prompt?.field.text == "wjg")
        var back = s
        back.press(.enter)
        back.press(.char("/"))
        #expect(back.press(.up) == [.filterCustomers(query: "sh")])
        #expect(back.prompt?.field.text == "sh")
    }

    @Test func escClearsTheFilterAndReloadsTheList() {
        var s = Fx.mainState()
        s.type("/wjg")
        s.send(.filtered(query: "wjg", ids: [1, 4], rows: [Fx.rows[0], Fx.rows[3]]))
        #expect(s.press(.escape) == [.loadCustomers(sort: .attention, offset: 0, limit: 200)])
        #expect(s.prompt == nil)
        #expect(s.list.filter == nil)
        #expect(s.list.filterIDs == [])
        #expect(s.list.window.selected == 0)
        #expect(s.list.loading)
        // A late answer for the cleared filter is ignored.
        #expect(s.send(.filtered(query: "wjg", ids: [1], rows: [Fx.rows[0]])) == [])
        #expect(s.list.filter == nil)
    }

    @Test func escOnTheListClearsAKeptFilter() {
        var s = Fx.mainState()
        s.type("/wjg")
        s.send(.filtered(query: "wjg", ids: [1, 4], rows: [Fx.rows[0], Fx.rows[3]]))
        s.press(.enter)
        #expect(s.press(.escape) == [.loadCustomers(sort: .attention, offset: 0, limit: 200)])
        #expect(s.list.filter == nil)
        #expect(s.screen == .main)
    }

    @Test func erasingTheWholeQueryClearsTheFilter() {
        var s = Fx.mainState()
        s.type("/w")
        #expect(s.press(.backspace) == [.loadCustomers(sort: .attention, offset: 0, limit: 200)])
        #expect(s.list.filter == nil)
        #expect(s.prompt?.purpose == .filter)  // still typing
        // Spaces alone are no query, and with no filter there is nothing to clear.
        #expect(s.type("  ") == [])
        #expect(s.list.filter == nil)
    }

    @Test func sortingWhileFilteredDoesNotReloadTheList() {
        var s = Fx.mainState()
        s.type("/wjg\\r")
        #expect(s.press(.char("o")) == [])
        #expect(s.list.sort == .name)
        #expect(s.list.filter == "wjg")
    }

    @Test func theListTitleShowsTheMatchCountAndTheQuery() {
        var s = Fx.mainState()
        s.type("/wjg")
        s.send(.filtered(query: "wjg", ids: [1, 4], rows: [Fx.rows[0], Fx.rows[3]]))
        let lines = s.buffer.lines
        // 80 columns: the list pane is 44 cells; " Customers (2) matching “wjg”" is 29.
        #expect(lines[1].hasPrefix(" Customers (2) matching “wjg”" + sp(44 - 29) + "│"))
        // The prompt line: "/ " then the text, the cursor after it at x = 2 + 3.
        #expect(lines[23] == "/ wjg")
        #expect(s.buffer.cursor?.x == 5)
        #expect(s.buffer.cursor?.y == 23)
        #expect(lines[22] == "name, company, phone or pinyin (wjg) · Enter keep · Esc clear")
    }

    @Test func noMatchSaysSo() {
        var s = Fx.mainState()
        s.type("/zzz")
        s.send(.filtered(query: "zzz", ids: [], rows: []))
        #expect(s.list.total == 0)
        let lines = s.buffer.lines
        #expect(lines[1].hasPrefix(" Customers (0) matching “zzz”"))
        #expect(lines[3].hasPrefix(" Nobody matches." + sp(44 - 16) + "│"))
        // The timeline shows nobody rather than the customer selected before.
        #expect(s.card == nil)
        #expect(lines[1].hasSuffix("│ Timeline"))
        #expect(lines[2].hasSuffix("│ No customer selected."))
        // Enter keeps the filter; with nothing selected, l asks whom the call was with.
        s.press(.enter)
        #expect(s.press(.char("l")) == [])
        #expect(s.prompt?.purpose == .logFor)
    }

    @Test func aChineseQueryInTheTitleIsCutAtTheListBorderWithoutSplittingACharacter() {
        // 60 columns: the list pane is 33 cells. " Customers (10) matching “" is 26 cells, so
        // 王 26-27, 建 28-29, 国 30-31, and 华 would take 32-33: it does not fit and cell 32 is
        // left blank; the border stays at 33.
        var s = Fx.mainState(Fx.small)
        s.type("/王建国华")
        s.send(.filtered(query: "王建国华", ids: (1...10).map { Int64($0) }, rows: Fx.manyRows(1...10)))
        let b = s.buffer
        #expect(b.cells(1, 0, 32) == " Customers (10) matching “王建国")
        #expect(b[32, 1] == Cell(text: " ", width: 1, style: .title))
        #expect(b[33, 1].text == "│")
        #expect(b.cellModelViolations == [])
    }
}
