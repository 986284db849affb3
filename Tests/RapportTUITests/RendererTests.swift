import RapportBase
import RapportCore
import Testing
@testable import RapportTUI

/// The renderer, checked against frames worked out by hand from `Layout`, `Presentation`
/// and the cell widths (CJK and 🌸 two cells; "·", "…", "—", "›", "◆", "█", "│", "─" one).
///
/// Layout numbers used below:
///   60x15: body rows 2…12 (height 11), hint row 13, status row 14; list pane 60·11/20 = 33
///          cells, border at x 33, right pane from x 34, 26 cells; timeline rows 2…6, funnel
///          title row 7, funnel rows 8…12. List columns: flexible 33-20 = 13, name 13·11/20 = 7,
///          company 13-7-2 = 4; a row is " " name " " company " " grade(2) days(6) " " next,
///          so the company starts at cell 9. Today: name and company columns min(20, 60/5) = 12,
///          company at cell 16, reason at cell 30.
///   80x24: body rows 2…21 (height 20), hint row 22, status row 23; list pane 44 cells, border
///          at x 44, right pane from 45, 35 cells; timeline rows 2…12, funnel title row 13,
///          funnel rows 14…21.
///          List columns: flexible 24, name 13, company 9: company at cell 15.
///          Today columns 16 and 16.
///   100 columns: today columns 20 and 20: company at cell 24, reason at cell 46.
struct RendererTests {
    // MARK: - Full frames

    /// The today view at the minimum size, every line derived by hand:
    /// - row 0: " Rapport · Today" (16 cells) left, "Mon 2026-11-23 " (15 cells) ending at
    ///   column 60, i.e. from x 45; the frame's text trims the trailing space.
    /// - row 1: each rule's total in its words, "7,288 overdue · 1 due today · 2 forgotten".
    /// - rows 2…10: the nine rows of the report (see ReducerTodayTests): headings at x 1,
    ///   reminders as "  " + name padded to 12 + "  " + company padded to 12 + "  " + reason,
    ///   cut at column 60 with "…" (so the reason shows its first 29 cells). Headings name their
    ///   order: " · most urgent first". 华信科技有限公司 (16 cells)
    ///   cut to 12 keeps 11 cells of budget: 5 characters (10 cells) + "…" + 1 space;
    ///   "Nordwind GmbH" (13) becomes "Nordwind Gm…"; 中联医疗器械有限公司 "中联医疗器…" + 1 space.
    /// - "more": 7,288 − 2 loaded = 7,286.
    /// - row 13: the today hints, "Enter open · l log · s snooze · d done · / filter · Tab customers · ? help
    ///   · q quit" (83 cells), are too many for 60: hints go from the end, "? help" kept last:
    ///   10 + 3 + 5 + 3 + 8 + 3 + 6 + 3 + 8 + 3 = 52 cells before it, + 6 = 58.
    @Test func theTodayViewAtTheMinimumSize() {
        let s = Fx.todayState(Fx.small)
        let expected = [
            " Rapport · Today" + sp(29) + "Mon 2026-11-23",
            " 7,288 overdue · 1 due today · 2 forgotten",
            " Overdue follow-ups (7,288) · most urgent first",
            "  王建国" + sp(6) + "  " + "华信科技有…" + sp(1) + "  " + "3 days overdue (due 2026-11-2…",
            "  Zoë Müller" + sp(2) + "  " + "Nordwind Gm…" + "  " + "1 day overdue (due 2026-11-22…",
            "  … 7,286 more — Enter shows more",
            " Due today (1) · most urgent first",
            "  欧阳子涵" + sp(4) + "  " + "中联医疗器…" + sp(1) + "  " + "due today at 10:00: 回访",
            " Forgotten customers (2) · most urgent first",
            "  单田芳" + sp(6) + "  " + sp(12) + "  " + "C · 45 days since last contac…",
            "  Li Ming" + sp(5) + "  " + sp(12) + "  " + "ungraded · 70 days since last…",
            "",
            "",
            "Enter open · l log · s snooze · d done · / filter · ? help",
            "",
        ]
        let b = s.buffer
        #expect(b.lines == expected)
        #expect(b.lines.count == 15)
        // The selected row (王建国, row 3) is painted across the whole width; the heading of the
        // overdue group is an alert, the others titles.
        #expect((0..<60).allSatisfy { b[$0, 3].style == .selected })
        #expect(b[1, 2].style == .alert)
        #expect(b[1, 6].style == .title)
        #expect(b[0, 4].style == .normal)
        #expect(b.cursor == nil)
    }

    /// The customer list at the minimum size with the six customers, 王建国 selected:
    /// - row 1: list title (29 cells) + 4 blank + border at 33 + " Timeline · 王建国" from 34.
    /// - row 2: column titles: " " + "Name" padded to 7 + " " + "Company" cut to "Com…" + " Gr"
    ///   + "Last" right-aligned in 6 + " Next" = 27 cells; then the first timeline line from 34,
    ///   " ◆ Fri 2026-11-20 (3 days ago) 报价单" cut at 60 after " (3 days" (+ a trimmed space).
    /// - rows 3…8: the customers. Name cut to 7: 欧阳子涵 (8) → "欧阳子…", "Zoë Müller" → "Zoë Mü…";
    ///   company cut to 4: "华…" + space, "中…" + space, "Nor…", "花…" + space. Days right-aligned
    ///   in 6: 21d, 3d, 45d, 7d, "—" (never), 114d; next by Presentation.nextDay: -3d and -1d overdue, 11-27 ahead.
    /// - row 7 right: the funnel title " Funnel · by amount (f) " (24 cells) from 35 over the
    ///   "─" rule, whose last cell (59) stays.
    /// - rows 8…11 right: four bars fit (funnel height min(8, 11/2) = 5, less the summary row):
    ///   Fx.funnel's lead 24,000 "2.4万 · 2", qualified none "0 · 0", needs 120,000 "12万 · 1",
    ///   proposal 5,000 "5,000 · 1". Texts are at most 9 cells, so bars get 26-11-9-3 = 3
    ///   cells for the largest amount (needs, 120,000; won's 36,000 is smaller): lead
    ///   24,000/120,000·3 = 0.6 → at least 1, proposal 0.125 → 1, qualified 0 → none.
    /// - row 12 right: " owed 3.6万 · overdue 1.2万 · month +0" cut at 60: the "万" of 1.2万
    ///   would take cells 59–60, so it is left blank.
    @Test func theCustomerListAtTheMinimumSize() {
        let s = Fx.mainState(Fx.small)
        let border = "│"
        let expected = [
            " Rapport · Customers" + sp(25) + "Mon 2026-11-23",
            " Customers (6) · by attention" + sp(4) + border + " Timeline · 王建国",
            " Name    Com… Gr  Last Next" + sp(6) + border + " ◆ Fri 2026-11-20 (3 days",
            " 王建国  华…  A    21d -3d" + sp(7) + border + " 2026-11-02 16:00  call",
            " 欧阳子… 中…  B     3d 11-27" + sp(5) + border + "   约了下周报价",
            " 单田芳" + sp(7) + "C" + sp(4) + "45d" + sp(11) + border,
            " Zoë Mü… Nor… A     7d -1d" + sp(7) + border,  // "Nor…" fills its 4 cells: one blank before A
            " Li Ming" + sp(6) + "-" + sp(6) + "—" + sp(11) + border + "─" + " Funnel · by amount (f) " + "─",
            " Amy 🌸" + sp(2) + "花…" + sp(2) + "B" + sp(3) + "114d" + sp(11) + border + " lead" + sp(6) + "█" + " 2.4万 · 2",
            sp(33) + border + " qualified " + " 0 · 0",
            sp(33) + border + " needs" + sp(5) + "███" + " 12万 · 1",
            sp(33) + border + " proposal" + sp(2) + "█" + " 5,000 · 1",
            sp(33) + border + " owed 3.6万 · overdue 1.2",
            "Enter open · l log · / filter · o sort · a add · ? help",
            "",
        ]
        #expect(s.buffer.lines == expected)
    }

    /// An empty book's today view at 60x15: the header, the one "nothing due" row at body row 2
    /// (x 0, " " + text), no summary row, and the today hints as in the full today view.
    @Test func anEmptyBooksTodayView() {
        let s = Fx.todayState(Fx.small, report: Fx.emptyReport)
        var expected = [" Rapport · Today" + sp(29) + "Mon 2026-11-23", "", " Nothing due today, and nobody forgotten."]
        expected += Array(repeating: "", count: 10)  // rows 3…12
        expected += ["Enter open · l log · s snooze · d done · / filter · ? help", ""]
        #expect(s.buffer.lines == expected)
    }

    /// An empty book's customer list at 60x15:
    /// - row 0: " Rapport · Customers" (20 cells), the date from x 45.
    /// - row 1: " Customers (0) · by attention" (29) + blank to the border at 33, " Timeline".
    /// - row 2: column titles (27 cells) + blank + border + " No customer selected."
    /// - row 3: " No customers yet: a adds one." (30 cells) + 3 blank + border.
    /// - row 7: the funnel title row: "─" at 34, " Funnel · by amount (f) " from 35, "─" at 59.
    /// - row 8: no deals: " No deals yet: d adds one to the selected customer." cut at 60
    ///   (26 cells: " No deals yet: d adds one" and a trimmed blank).
    /// - row 13: the list's hints cut at 60: "… · e edit · " is 58 cells, then "d" and a blank.
    @Test func anEmptyBooksCustomerList() {
        let s = Fx.emptyBookState()
        let border = "│"
        let expected = [
            " Rapport · Customers" + sp(25) + "Mon 2026-11-23",
            " Customers (0) · by attention" + sp(4) + border + " Timeline",
            " Name    Com… Gr  Last Next" + sp(6) + border + " No customer selected.",
            " No customers yet: a adds one." + sp(3) + border,
            sp(33) + border,
            sp(33) + border,
            sp(33) + border,
            sp(33) + border + "─" + " Funnel · by amount (f) " + "─",
            sp(33) + border + " No deals yet: d adds one",
            sp(33) + border,
            sp(33) + border,
            sp(33) + border,
            sp(33) + border,
            "Enter open · l log · / filter · o sort · a add · ? help",
            "",
        ]
        #expect(s.buffer.lines == expected)
    }

    // MARK: - Header and today

    @Test(arguments: [(100, 69), (80, 49), (60, 29)])
    func theHeaderPutsTheDateAtTheRightEdge(width: Int, gap: Int) {
        // " Rapport · Today" is 16 cells; "Mon 2026-11-23 " is 15 and ends at the last column.
        let s = Fx.todayState(Size(width: width, height: 20))
        let b = s.buffer
        #expect(b.lines[0] == " Rapport · Today" + sp(gap) + "Mon 2026-11-23")
        #expect(b.cells(0, width - 15, 15) == "Mon 2026-11-23 ")
        #expect((0..<width).allSatisfy { b[$0, 0].style == .header })
    }

    @Test func theTodayViewAt100Columns() {
        // Name and company columns of 20: company at cell 24, the reason at cell 46.
        let b = Fx.todayState(Fx.wide).buffer
        let lines = b.lines
        #expect(lines[1] == " 7,288 overdue · 1 due today · 2 forgotten")
        #expect(lines[2] == " Overdue follow-ups (7,288) · most urgent first")
        #expect(lines[3] == "  王建国" + sp(14) + "  " + "华信科技有限公司" + sp(4) + "  " + "3 days overdue (due 2026-11-20): 报价单")
        #expect(lines[4] == "  Zoë Müller" + sp(10) + "  " + "Nordwind GmbH" + sp(7) + "  "
            + "1 day overdue (due 2026-11-22 14:30): Send contract")
        #expect(lines[5] == "  … 7,286 more — Enter shows more")
        #expect(lines[6] == " Due today (1) · most urgent first")
        #expect(lines[7] == "  欧阳子涵" + sp(12) + "  " + "中联医疗器械有限公司" + "  " + "due today at 10:00: 回访")
        #expect(lines[8] == " Forgotten customers (2) · most urgent first")
        #expect(lines[9] == "  单田芳" + sp(14) + "  " + sp(20) + "  " + "C · 45 days since last contact (cadence 30)")
        // 46 + 58 cells: cut at 100 after "(cadence".
        #expect(lines[10] == "  Li Ming" + sp(13) + "  " + sp(20) + "  " + "ungraded · 70 days since last contact (cadence 60)")
    }

    @Test(arguments: [(60, 16, 30), (80, 20, 38), (100, 24, 46)])
    func namesAndCompaniesAlignInTheTodayView(width: Int, companyX: Int, reasonX: Int) {
        // Whatever the mix of CJK and Latin names, the company and the reason start at the
        // same cell on every reminder row (rows 3, 4, 7, 9, 10), after a blank cell.
        let b = Fx.todayState(Size(width: width, height: 20)).buffer
        let firstOfCompany: [Int: String] = [3: "华", 4: "N", 7: "中", 9: " ", 10: " "]
        let firstOfReason: [Int: String] = [3: "3", 4: "1", 7: "d", 9: "C", 10: "u"]
        for y in [3, 4, 7, 9, 10] {
            #expect(b[companyX - 1, y].text == " " && b[companyX - 1, y].width == 1, "row \(y)")
            #expect(b[companyX, y].text == firstOfCompany[y], "row \(y)")
            #expect(b[reasonX - 1, y].text == " ", "row \(y)")
            #expect(b[reasonX, y].text == firstOfReason[y], "row \(y)")
        }
    }

    // MARK: - The customer list

    @Test func theCustomerListAt80ColumnsAlignsMixedNames() {
        // Each row inside the 44-cell pane: " " + name padded to 13 + " " + company padded to 9
        // + " " + grade padded to 2 + days right-aligned in 6 + " " + next = 39 cells with a next
        // follow-up, 34 without.
        let b = Fx.mainState().buffer
        let rows = [
            " 王建国" + sp(7) + " " + "华信科技…" + " " + "A " + "   21d" + " -3d" + sp(7),
            " 欧阳子涵" + sp(5) + " " + "中联医疗…" + " " + "B " + "    3d" + " 11-27" + sp(5),
            " 单田芳" + sp(7) + " " + sp(9) + " " + "C " + "   45d" + " " + sp(10),
            " Zoë Müller" + sp(3) + " " + "Nordwind…" + " " + "A " + "    7d" + " -1d" + sp(7),
            " Li Ming" + sp(6) + " " + sp(9) + " " + "- " + "     —" + " " + sp(10),
            " Amy 🌸" + sp(7) + " " + "花漾 Stu…" + " " + "B " + "  114d" + " " + sp(10),
        ]
        for (i, row) in rows.enumerated() {
            let y = 3 + i
            #expect(b.cells(y, 0, 44) == row, "row \(y)")
            // The company starts at cell 15 on every row, the grade at 25, the days end at 32.
            #expect(b[14, y].text == " " && b[14, y].width == 1, "row \(y)")
            #expect(b[24, y].text == " ", "row \(y)")
            #expect(b[26, y].text == " ", "row \(y)")
            #expect(b[44, y].text == "│", "row \(y)")
        }
        #expect(b.lines[2].hasPrefix(" Name" + sp(10) + "Company" + sp(3) + "Gr  Last Next" + sp(6) + "│"))
    }

    @Test func theListColoursDaysAgainstTheCadenceAndOverdueNextDays() {
        let b = Fx.mainState().buffer
        // Row 3 (王建国) is selected: the whole pane is the selection.
        #expect((0..<44).allSatisfy { b[$0, 3].style == .selected })
        #expect(b[44, 3].style == .dim)
        // 欧阳子涵, B, 3 of 14 days: good; next 11-27 is ahead: normal.
        #expect(b[32, 4].style == .good)
        #expect(b[34, 4].style == .normal)
        // 单田芳, C, 45 of 30 days: alert.
        #expect(b[32, 5].style == .alert)
        // Zoë Müller, A, 7 of 14 days (7·4 < 14·3): good; next 11-22 is past: alert.
        #expect(b[32, 6].style == .good)
        #expect(b[34, 6].style == .alert)
        // Li Ming, never contacted: warning; Amy, dormant, not chased: dim.
        #expect(b[32, 7].style == .warning)
        #expect(b[32, 8].style == .dim)
    }

    @Test(arguments: [Fx.small, Fx.medium, Size(width: 61, height: 15), Size(width: 99, height: 30), Size(width: 121, height: 40)])
    func theListPaneNeverWritesPastItsBorder(size: Size) {
        let lw = Layout(size: size).listWidth
        var states = [Fx.mainState(size)]
        var filtered = Fx.mainState(size)
        filtered.type("/王建国华信科技有限公司中联医疗器械有限公司欧阳子涵")
        filtered.send(.filtered(query: filtered.list.filter ?? "", ids: [1, 2, 3, 4, 5, 6], rows: Fx.rows))
        states.append(filtered)
        var odd = Fx.mainState(size)
        odd.type("/a王建国华信科技有限公司")
        odd.send(.filtered(query: odd.list.filter ?? "", ids: [1, 2, 3, 4, 5, 6], rows: Fx.rows))
        states.append(odd)
        for s in states {
            let b = s.buffer
            for y in 1..<Layout(size: size).hintRow {
                #expect(b[lw, y].text == "│", "border at (\(lw),\(y)) for \(size)")
                #expect(b[lw - 1, y].width != 2, "a wide character straddles the border at row \(y)")
            }
            #expect(b.cellModelViolations == [])
        }
    }

    @Test func aLongNameIsCutWithAnEllipsis() {
        let long = CustomerSummary(id: 9, name: "诸葛孔明卧龙先生南阳躬耕", company: "Very Long Trading Company Limited",
                                   grade: .a, status: .customer, addedOn: Fx.day(1, 1), lastContactOn: Fx.day(11, 20))
        var s = Fx.todayState()
        s.press(.tab)
        s.send(.customersLoaded(rows: [Fx.row(long)], offset: 0, total: 1))
        let b = s.buffer
        // 80 columns: name column 13 → budget 12 → 6 characters + "…"; company 9 → 8 + "…".
        #expect(b.cells(3, 0, 24) == " 诸葛孔明卧龙…" + " " + "Very Lon…")
        #expect(b.cellModelViolations == [])
    }

    // MARK: - The timeline pane

    @Test func theTimelinePinsFollowUpsAndWrapsTheNoteInThePane() {
        // 80x24, 欧阳子涵 selected. The pane is x 45…79; each line is " " + text. Notes wrap at
        // (35 - 2) - 2 = 31 cells = 15 double-width characters, indented by "  ": from x 48.
        var s = Fx.mainState()
        s.press(.char("j"))
        s.send(.cardLoaded(Fx.ouyangCard))
        let b = s.buffer
        #expect(b.cells(1, 45, 35) == " Timeline · 欧阳子涵" + sp(15))
        // The follow-up first: " ◆ Fri 2026-11-27 (in 4 days) " is 30 cells (45…74), 寄 75-76,
        // 送 77-78, and 样 would straddle the right edge: cell 79 is left blank.
        #expect(b.cells(2, 45, 35) == " ◆ Fri 2026-11-27 (in 4 days) 寄送 ")
        #expect(b[79, 2] .width == 1)
        #expect(b[46, 2].style == .title)
        // Then the call, newest first, with its contact person, cut at the edge.
        #expect(b.cells(3, 45, 35) == " 2026-11-20 15:00  call  reached · ")
        #expect(b[46, 3].style == .header)
        // The note in three lines of 15, 15 and 10 characters.
        #expect(b.cells(4, 45, 35) == "   " + Fx.notePart1 + "  ")
        #expect(b.cells(5, 45, 35) == "   " + Fx.notePart2 + "  ")
        #expect(b.cells(6, 45, 35) == "   " + Fx.notePart3 + sp(12))
        #expect(b[48, 4].style == .normal)
        // Then the older visit.
        #expect(b.cells(7, 45, 35) == " 2026-11-10 10:00  visit" + sp(11))
        #expect(b.cells(8, 45, 35) == "   初次拜访" + sp(24))
        #expect(b.cells(9, 45, 35) == sp(35))
        #expect(b.cellModelViolations == [])
        // Sanity of the fixture the expectations rest on.
        #expect(Fx.notePart1.count == 15 && Fx.notePart2.count == 15 && Fx.notePart3.count == 10)
        #expect(Fx.longNote.allSatisfy { DisplayWidth.of($0) == 2 })
    }

    @Test func anOverdueFollowUpIsPinnedAsAnAlert() {
        let b = Fx.mainState().buffer  // 王建国: follow-up due Fri 2026-11-20, 3 days ago
        // " ◆ Fri 2026-11-20 (3 days ago) " is 31 cells (45…75); 报 76-77, 价 78-79; 单 is cut.
        #expect(b.cells(2, 45, 35) == " ◆ Fri 2026-11-20 (3 days ago) 报价")
        #expect(b[46, 2].style == .alert)
        #expect(b.cells(3, 45, 23) == " 2026-11-02 16:00  call")
        #expect(b.cells(4, 45, 15) == "   约了下周报价")
    }

    @Test func theTimelineWrapsInTheNarrowPane() {
        // 60x15: pane 26 cells, notes wrap at 24 - 2 = 22 cells = 11 characters; timeline rows
        // 2…6 show the follow-up, the call and the first three note lines.
        var s = Fx.mainState(Fx.small)
        s.press(.char("j"))
        s.send(.cardLoaded(Fx.ouyangCard))
        let b = s.buffer
        #expect(b.cells(4, 34, 26) == "   客户对报价基本满意，但" + sp(1))
        #expect(b.cells(5, 34, 26) == "   希望交货期提前两周，并" + sp(1))
        #expect(b.cells(6, 34, 26) == "   要求下周五前提供三家同" + sp(1))
        // The visit selected (the last entry), the last note line and the visit show.
        s.press(.tab)
        for _ in 0..<4 { s.press(.char("j")) }
        let c = s.buffer
        #expect(c.cells(2, 34, 26) == "   要求下周五前提供三家同" + sp(1))
        #expect(c.cells(3, 34, 26) == "   类项目的案例。" + sp(9))
        #expect(c.cells(4, 34, 26) == " 2026-11-10 10:00  visit" + sp(2))
        #expect(c.cells(5, 34, 26) == "   初次拜访" + sp(15))
    }

    // MARK: - The prompt line

    @Test func thePromptShowsTheLabelAndPutsTheCursorAfterTheText() {
        // "log 王建国 ›" + " " is 4 + 6 + 2 + 1 = 13 cells: the text starts at x 13.
        var s = Fx.todayState(Fx.small)
        s.press(.char("l"))
        var b = s.buffer
        #expect(b.lines[14] == "log 王建国 ›")
        #expect(b.cursor?.x == 13)
        #expect(b.cursor?.y == 14)
        #expect(b[0, 14].style == .title)
        #expect(b.lines[13] == "kind note … next WHEN outcome X · Tab: next · Enter save · …")
        s.type("谈了")
        b = s.buffer
        #expect(b.lines[14] == "log 王建国 › 谈了")
        #expect(b.cursor?.x == 13 + 4)
        s.type("报价 next")
        #expect(s.buffer.cursor?.x == 13 + 4 + 4 + 5)
        s.press(.home)
        #expect(s.buffer.cursor?.x == 13)
    }

    @Test func aLongLineScrollsAndTheCursorStaysOnScreen() {
        // 47 cells for the text (60 - 13); at most 46 before the cursor: 23 characters of 2 cells.
        var s = Fx.todayState(Fx.small)
        s.press(.char("l"))
        let typed = String(repeating: "谈了报价", count: 8)  // 32 characters, 64 cells
        s.type(typed)
        let b = s.buffer
        #expect(b.cursor?.x == 13 + 46)
        #expect(b.cells(14, 13, 47) == String(Array(typed).suffix(23)) + " ")
        #expect(b.cellModelViolations == [])
    }

    @Test func theSnoozePromptNamesTheCustomer() {
        var s = Fx.todayState(Fx.small)
        s.press(.char("s"))
        s.type("周五")
        // "snooze 王建国 until ›" + " " = 7 + 6 + 8 + 1 = 22 cells.
        #expect(s.buffer.lines[14] == "snooze 王建国 until › 周五")
        #expect(s.buffer.cursor?.x == 22 + 4)
        #expect(s.buffer.lines[13] == "a day: tomorrow, 周五, +1w, 12-01 … · Enter save · Esc canc…")  // 61 cells cut at 60 with "…"
    }

    @Test func aStatusMessageIsShownOnTheLastRow() {
        var s = Fx.todayState(Fx.small)
        s.send(.saved("Logged call · next Tue 2026-11-24", customerID: 1))
        let b = s.buffer
        #expect(b.lines[14] == "Logged call · next Tue 2026-11-24 · u undoes it")
        #expect(b[0, 14].style == .good)
        s.type("jjjjs")  // 单田芳 cannot be snoozed
        #expect(s.buffer.lines[14] == "only a follow-up can be snoozed")
        #expect(s.buffer[0, 14].style == .error)
    }

    // MARK: - Help and card

    @Test func theHelpListsEveryBinding() {
        // 80x24: 62 help lines, 21 rows from y 1; PgDn scrolls by 19 (lines 19…39 on rows
        // 1…21, then 38…58), G to line 42 (62 - 20), so lines 42…61 are on rows 1…20: the
        // four frames together show them all.
        var s = Fx.mainState()
        s.press(.char("?"))
        let top = s.buffer.lines
        s.press(.pageDown)
        let middle = s.buffer.lines
        s.press(.pageDown)
        let lower = s.buffer.lines
        #expect(top[0].hasPrefix(" Rapport · Help"))
        #expect(top[1] == " Everywhere")
        #expect(top[2] == "   t" + sp(13) + "today: who to call, who is forgotten")
        #expect(top[4] == "   q" + sp(13) + "quit")
        #expect(top[5] == "   u" + sp(13) + "undo the last change (rapport history lists them)")
        #expect(top[8] == "   j ↓" + sp(11) + "down")
        s.press(.char("G"))
        let bottom = s.buffer.lines
        #expect(bottom[20] == "   Tab writes “next ”; Enter saves; Esc cancels with nothing written.")
        let text = (top + middle + lower + bottom).joined(separator: "\n")
        for binding in KeyBindings.table {
            #expect(text.contains(binding.help), "help misses \(binding.help)")
            #expect(text.contains("   " + KeyBindings.keyNames(binding)), "help misses the keys \(KeyBindings.keyNames(binding))")
        }
        #expect(top[22] == "Esc back · q quit")
    }

    @Test func theCardScreenShowsTheFields() {
        // 80x24: the card from y 1, its company and title under the name; labels padded to 9
        // ("Contacted"), values from x 13; the region on the city's line.
        var s = Fx.mainState()
        s.press(.char("j"))
        s.send(.cardLoaded(Fx.ouyangCard))
        s.press(.enter)
        let lines = s.buffer.lines
        #expect(lines[0].hasPrefix(" Rapport · 欧阳子涵 "))
        #expect(lines[1] == " 欧阳子涵  #2  grade B · prospect · company")
        #expect(lines[2] == "  中联医疗器械有限公司 · 采购总监")
        #expect(lines[3] == "  Phone" + sp(4) + "  " + "mobile:138-0013-8000, work:010-1234")
        #expect(lines[4] == "  Email" + sp(4) + "  " + "ouyang@zhonglian.cn")
        #expect(lines[5] == "  City" + sp(5) + "  " + "上海, 华东")
        #expect(lines[22] == "l log · e correct · x remove · m move · p paid · u undo · Esc back · q quit")
    }

    @Test func theCardScreenKeepsEveryCharacterOfAWrappedNote() {
        // 60x15: card lines are drawn from x 1 and the timeline is indented two more, so the
        // card asks the timeline for 60 - 3 = 57 cells; the timeline wraps notes at
        // 57 - 2 - 2 = 53 cells, 26 CJK characters, and indents them by 2:
        // 1 + 2 + 2 + 52 = 57 cells, inside the 60-cell row.
        var s = Fx.mainState(Fx.small)
        s.press(.char("j"))
        s.send(.cardLoaded(Fx.ouyangCard))
        s.press(.enter)
        s.press(.char("G"))
        let b = s.buffer
        #expect(b.cellModelViolations == [])
        let firstLine = String((Fx.notePart1 + "期提前两周，并要求下周五前").prefix(26))
        #expect(b.text.split(separator: "\n").contains { $0.hasSuffix(firstLine) })
    }

    // MARK: - Terminal size

    /// "Terminal too small", the size line and "q quits", centred: y = height/2 - 1 + i,
    /// x = (width - length) / 2.
    @Test(arguments: [
        (Size(width: 59, height: 15), 20, 12, 26, "Rapport needs 60x15; this is 59x15."),
        (Size(width: 60, height: 14), 21, 12, 26, "Rapport needs 60x15; this is 60x14."),
        (Size(width: 20, height: 5), 1, 0, 6, "Rapport needs 60x15; this is 20x5."),
    ])
    func aTooSmallTerminalSaysSo(size: Size, x0: Int, x1: Int, x2: Int, sizeLine: String) {
        var s = Fx.mainState()
        #expect(s.send(.resized(size)) == [])
        let b = s.buffer
        var expected = Array(repeating: "", count: size.height)
        let y = size.height / 2 - 1
        expected[y] = sp(x0) + "Terminal too small"
        expected[y + 1] = sp(x1) + sizeLine
        expected[y + 2] = sp(x2) + "q quits"
        #expect(b.lines == expected.map { String($0.prefix(size.width)) })
        #expect(b[x0, y].style == .title)
        // Keys do nothing but q.
        #expect(s.type("jjo/a\\t\\r") == [])
        #expect(s.screen == .main && s.list.window.selected == 0 && s.prompt == nil && s.form == nil)
        #expect(s.press(.char("q")) == [])
        #expect(s.quitting)
    }

    @Test func growingBackDrawsTheScreenAgain() {
        var s = Fx.todayState(Fx.small)
        s.send(.resized(Size(width: 59, height: 15)))
        #expect(s.buffer.text.contains("Terminal too small"))
        s.send(.resized(Fx.small))
        #expect(s.buffer.lines == Fx.todayState(Fx.small).buffer.lines)
    }

    @Test func shrinkingKeepsTheSelectionInView() {
        let reminders = (1...30).map { i in
            Reminder(customer: CustomerSummary(id: Int64(i), name: "客户\(i)", company: nil, grade: nil, status: .lead,
                                               addedOn: Fx.day(1, 1), lastContactOn: nil),
                     days: 60 + i, terms: UrgencyTerms(rule: Double(100 - i)), reason: .forgotten(grade: nil, cadence: 60, own: false))
        }
        var s = Fx.todayState(Fx.medium, report: ReminderReport(reminders: reminders, totals: [.forgotten: 30]))
        for _ in 0..<24 { s.press(.char("j")) }
        // Row 25 of 31 in a 20-row body: top 6. At 60x15 (11 rows): top 25 - 11 + 1 = 15.
        #expect(s.todayWindow.top == 6)
        s.send(.resized(Fx.small))
        #expect(s.todayWindow.top == 15)
        #expect(s.buffer.lines[12].hasPrefix("  客户25 "))
    }

    // MARK: - Every screen

    /// Every screen and overlay, for a size.
    static func everyScreen(_ size: Size) -> [(String, AppState)] {
        var out: [(String, AppState)] = []
        out.append(("today", Fx.todayState(size)))
        out.append(("today, empty", Fx.todayState(size, report: Fx.emptyReport, upcoming: Fx.upcoming)))
        var s = Fx.todayState(size)
        s.press(.char("l"))
        s.type("c 谈了报价，客户要求下周五之前把样品寄到上海的仓库\\t明天")
        out.append(("log prompt", s))
        s.type("x fridya\\r")
        out.append(("log prompt error", s))
        var z = Fx.todayState(size)
        z.press(.char("s"))
        out.append(("snooze prompt", z))
        var m = Fx.mainState(size)
        m.press(.char("j"))
        m.send(.cardLoaded(Fx.ouyangCard))
        out.append(("main", m))
        m.press(.tab)
        out.append(("main, timeline", m))
        m.press(.tab)
        out.append(("main, funnel", m))
        var f = Fx.mainState(size)
        f.type("/欧阳子涵中联医疗")
        f.send(.filtered(query: "欧阳子涵中联医疗", ids: [2], rows: [Fx.rows[1]]))
        out.append(("filter", f))
        var c = Fx.mainState(size)
        c.press(.char("j"))
        c.send(.cardLoaded(Fx.ouyangCard))
        c.press(.enter)
        out.append(("card", c))
        c.press(.char("G"))
        out.append(("card, bottom", c))
        c.press(.char("?"))
        out.append(("help", c))
        c.press(.char("G"))
        out.append(("help, bottom", c))
        var a = Fx.mainState(size)
        a.press(.char("a"))
        a.type("王建国华信科技有限公司中联医疗器械有限公司欧阳子涵单田芳")
        out.append(("new form", a))
        var e = Fx.mainState(size)
        e.press(.char("j"))
        e.send(.cardLoaded(Fx.ouyangCard))
        e.press(.char("e"))
        for _ in 0..<FormTests.grade { e.press(.tab) }
        e.type("D\\r")
        out.append(("edit form, error", e))
        out.append(("empty book", Fx.emptyBookState(size)))
        out.append(("empty book's today", Fx.todayState(size, report: Fx.emptyReport, emptyBook: true)))
        var p = Fx.todayState(size, report: Fx.emptyReport, emptyBook: true)
        p.press(.char("i"))
        p.type("~/客户.csv")
        out.append(("import prompt", p))
        p.send(.importPreviewed(ImportTests.preview))
        out.append(("import preview", p))
        var k = ReducerCardTests.cardState()
        k.send(.resized(size))
        out.append(("card, a deal selected", { var d = k; d.type("jj"); return d }()))
        out.append(("contact form", { var d = k; d.type("je"); return d }()))
        out.append(("deal form, correcting", { var d = k; d.type("jje"); return d }()))
        out.append(("deal chooser", { var d = k; d.type("m"); return d }()))
        out.append(("removal question", { var d = k; d.type("jjjjx"); return d }()))
        var n = Fx.mainState(size)
        n.press(.char("d"))
        out.append(("new deal form", n))
        var v = Fx.mainState(size)
        v.send(.dealLoaded(DealKeyTests.detail(DealKeyTests.needsDeal), .win, hasPlaybook: true))
        out.append(("move form, a win", v))
        return out
    }

    /// What has the keyboard, by name; exhaustive, so a new kind of modal must be named here
    /// and then drawn in `everyScreen`.
    static func modalKind(_ modal: Modal?) -> String {
        switch modal {
        case nil: "none"
        case .prompt?: "prompt"
        case .customerForm?: "customer form"
        case .dealForm?: "deal form"
        case .contactForm?: "contact form"
        case .moveForm?: "move form"
        case .picker?: "picker"
        case .importPreview?: "import preview"
        }
    }

    @Test func everyScreenHoldsEachScreenAndEachModal() {
        let states = Self.everyScreen(Fx.medium).map(\.1)
        #expect(Set(states.map(\.screen)) == Set(Screen.allCases))
        #expect(Set(states.map { Self.modalKind($0.modal) })
                == ["none", "prompt", "customer form", "deal form", "contact form", "move form", "picker", "import preview"])
    }

    @Test(arguments: [Fx.small, Fx.medium, Size(width: 61, height: 16), Size(width: 100, height: 30)])
    func everyScreenFitsTheTerminal(size: Size) {
        for (name, s) in Self.everyScreen(size) {
            let b = s.buffer
            #expect(b.width == size.width && b.height == size.height)
            #expect(b.lines.count == size.height, "\(name)")
            for (y, line) in b.lines.enumerated() {
                #expect(line.displayWidth <= size.width, "\(name): row \(y) is \(line.displayWidth) cells: \(line)")
            }
            #expect(b.cellModelViolations == [], "\(name)")
            #expect(b.controlCells == [], "\(name)")
            if let cursor = b.cursor {
                #expect(cursor.x >= 0 && cursor.x < size.width && cursor.y >= 0 && cursor.y < size.height, "\(name): cursor \(cursor)")
            }
        }
    }

    // MARK: - Hostile text

    static let evil = CustomerSummary(id: 9, name: "Evil\u{1B}[31mRed\u{9B}1m", company: "\u{1B}]0;pwned\u{07}公司\u{85}",
                                      grade: .a, status: .customer, addedOn: Fx.day(1, 1), lastContactOn: Fx.day(11, 1))

    static var evilCard: CustomerCard {
        var c = Customer(name: evil.name, createdAt: Fx.at(1, 1, 9, 0))
        c.id = 9
        c.company = evil.company
        c.notes = "a\u{1B}[2Jb\u{7}c"
        c.customFields = ["\u{1B}[1mkey": "\u{9D}8;;http://x\u{9C}value"]
        var f = FollowUp(customerID: 9, due: When(day: Fx.day(11, 20)), title: "\u{1B}[5mcall\u{0}", createdAt: Fx.at(1, 1, 9, 0))
        f.id = 901
        var person = ContactPerson(customerID: 9, name: "Bob\u{1B}[0m\u{8}\u{8}")
        person.id = 91
        var i = Interaction(customerID: 9, kind: .call, at: Fx.at(11, 1, 9, 0), note: "第一行\r\n\u{1B}[2J第二行\u{7F}\u{1B}P1;2q\u{1B}\\ end")
        i.contactID = 91
        return CustomerCard(customer: c, contacts: [person], openFollowUps: [f], timeline: [i])
    }

    @Test(arguments: [Fx.small, Fx.medium])
    func noControlCharacterReachesTheFrame(size: Size) {
        let reminder = Reminder(customer: Self.evil, followUpID: 901, days: 3, terms: UrgencyTerms(rule: 20),
                                reason: .overdue(due: When(day: Fx.day(11, 20)), title: "\u{1B}[1mURGENT\u{1B}[0m"))
        let report = ReminderReport(reminders: [reminder], totals: [.overdue: 1])
        var states: [(String, AppState)] = []
        var t = Fx.todayState(size, report: report)
        states.append(("today", t))
        t.press(.char("l"))
        t.type("c \u{1B}[31mred")
        t.send(.failed("write failed: \u{1B}[2J\u{7}"))
        states.append(("log prompt", t))
        var u = Fx.todayState(size, report: Fx.emptyReport,
                              upcoming: [DueFollowUp(id: 901, customer: Self.evil, due: When(day: Fx.day(11, 27)), title: "\u{1B}[4mx")])
        states.append(("upcoming", u))
        u.press(.char("s"))
        states.append(("snooze prompt", u))
        var m = Fx.todayState(size, report: report)
        m.press(.tab)
        m.send(.customersLoaded(rows: [Fx.row(Self.evil, next: When(day: Fx.day(11, 20)))], offset: 0, total: 1))
        m.send(.cardLoaded(Self.evilCard))
        m.send(.failed("\u{1B}]0;title\u{7}boom"))
        states.append(("main", m))
        m.press(.enter)
        states.append(("card", m))
        m.press(.char("G"))
        states.append(("card, bottom", m))
        m.press(.char("e"))
        states.append(("form", m))

        for (name, s) in states {
            let b = s.buffer
            #expect(b.controlCells == [], "\(name)")
            #expect(b.cellModelViolations == [], "\(name)")
            #expect(!b.text.contains("[31m") && !b.text.contains("pwned") && !b.text.contains("[2J"), "\(name)")
        }
        // What is left is the text itself.
        #expect(Fx.todayState(size, report: report).buffer.lines[3].hasPrefix("  EvilRed"))
        #expect(states[4].1.buffer.lines[1].hasPrefix(" Customers (1) · by attention"))
        #expect(states[4].1.buffer.lines[size.height - 1] == "boom")
    }

    // MARK: - Known issues

    @Test func aLongNameLeavesRoomForTheTypedText() {
        // 28 double-width characters: "log " + 56 cells + " ›" + " " = 63 cells on a 60-cell row.
        let name = "北京华信科技有限公司上海分公司采购部王建国经理办公室内勤"
        #expect(name.count == 28)
        let summary = CustomerSummary(id: 8, name: name, company: nil, grade: .a, status: .customer,
                                      addedOn: Fx.day(1, 1), lastContactOn: Fx.day(11, 1))
        let reminder = Reminder(customer: summary, followUpID: 801, days: 2, terms: UrgencyTerms(rule: 10),
                                reason: .overdue(due: When(day: Fx.day(11, 21)), title: ""))
        var s = Fx.todayState(Fx.small, report: ReminderReport(reminders: [reminder], totals: [.overdue: 1]))
        s.press(.char("l"))
        s.type("谈了")
        let b = s.buffer
        #expect(b.lines[14].hasSuffix("谈了"))
        #expect((b.cursor?.x ?? 60) < 60)
    }

    @Test func aNameHoldingAnEscapeSequenceKeepsTheColumnsAligned() {
        // 80 columns: the company column starts at cell 20 on every reminder row. "Eve\u{1B}[31m"
        // shows as "Eve" (3 cells), so it is padded to 16 with 13 blanks.
        let eve = CustomerSummary(id: 7, name: "Eve\u{1B}[31m", company: "Acme", grade: .b, status: .customer,
                                  addedOn: Fx.day(1, 1), lastContactOn: Fx.day(11, 1))
        let r = Reminder(customer: eve, followUpID: 701, days: 2, terms: UrgencyTerms(rule: 14), reason: .overdue(due: When(day: Fx.day(11, 21)), title: ""))
        let b = Fx.todayState(report: ReminderReport(reminders: [Fx.rWang, r], totals: [.overdue: 2])).buffer
        #expect(b[20, 3].text == "华")
        #expect(b.controlCells == [])
        #expect(b.cells(4, 0, 24) == "  Eve" + sp(13) + "  " + "Acme")
    }
}
