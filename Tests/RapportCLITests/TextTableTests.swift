import Testing
import RapportBase
import RapportCore
@testable import RapportCLI

/// A table wider than the terminal gives up cells from its widest columns, not whole rows.
struct TextTableTests {
    static func table() -> TextTable {
        var t = TextTable([.init(title: "ID", alignment: .right), .init(title: "Name"), .init(title: "Company")])
        t.append(["1", "王建国", "华信科技有限公司"])        // 6 and 16 cells
        t.append(["12", "Anna Andersson", "Nordwind AB"])   // 14 and 11
        return t
    }

    @Test func offATerminalEveryCellIsWhole() {
        // ID 2, Name 14, Company 16, two spaces between: 2 + 2 + 14 + 2 + 16 = 36.
        #expect(Self.table().render(width: nil) == """
            ID  Name            Company
             1  王建国          华信科技有限公司
            12  Anna Andersson  Nordwind AB

            """)
    }

    @Test(arguments: [
        // Fits: nothing changes.
        (36, [" 1  王建国          华信科技有限公司", "12  Anna Andersson  Nordwind AB"]),
        // 4 cells too many: Company (the widest, 16) gives 2, to 14 as wide as Name; then
        // they take turns, the first of the widest first: Name 13, Company 13.
        (32, [" 1  王建国         华信科技有限…", "12  Anna Anderss…  Nordwind AB"]),
        // As narrow as it goes: ID stays 2 (its title), Name and Company stop at their titles
        // (4, 7): 2 + 2 + 4 + 2 + 7 = 17, wider than 10, and no more is taken.
        (10, [" 1  王…   华信科…", "12  Ann…  Nordwi…"]),
    ])
    func theWidestColumnsGiveUpCellsFirst(width: Int, rows: [String]) {
        let lines = Self.table().render(width: width).split(separator: "\n").map(String.init)
        #expect(Array(lines.dropFirst()) == rows)
    }
}

/// `rapport today` on a terminal: a long reason ends in "…" before the numbers.
struct TodayWidthTests {
    static let today = Day(year: 2026, month: 11, day: 23)!

    static let report: ReminderReport = {
        let wang = CustomerSummary(id: 1, name: "王建国", company: "华信", grade: .a, status: .customer, addedOn: today, lastContactOn: nil)
        let r = Reminder(customer: wang, followUpID: 7, days: 3, terms: UrgencyTerms(rule: 1),
                         reason: .overdue(due: When(day: today.adding(days: -3)), title: "报价单和合同一起发过去"))
        return ReminderReport(reminders: [r], totals: [.overdue: 1])
    }()

    @Test func aLongReasonEndsInAnEllipsisBeforeTheNumbers() {
        // "  王建国  华信  " is 2 + 6 + 2 + 4 + 2 = 16 cells; "#1 f7" 5 and two spaces before it:
        // at 50 cells the reason has 27: its first 26 ("3 days overdue " 15, "(due " 5, "2026-1" 6) and "…".
        let line = TodayView.text(Self.report, today: Self.today, upcoming: [], width: 50).split(separator: "\n").last.map(String.init)
        #expect(line == "  王建国  华信  3 days overdue (due 2026-1…  #1 f7")
        #expect(line?.displayWidth == 50)
        let whole = TodayView.text(Self.report, today: Self.today, upcoming: [], width: nil).split(separator: "\n").last.map(String.init)
        #expect(whole == "  王建国  华信  3 days overdue (due 2026-11-20): 报价单和合同一起发过去  #1 f7")
    }
}
