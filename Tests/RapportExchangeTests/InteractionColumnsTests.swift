import RapportCore
import Testing
@testable import RapportExchange

@Suite struct InteractionColumnsTests {
    @Test(arguments: [
        (["客户", "方式", "时间", "结果", "内容"], [InteractionColumns.Target.customer, .kind, .at, .outcome, .note]),
        (["Customer", "Type", "Date", "Time", "Result", "Summary"], [.customer, .kind, .at, .at, .outcome, .note]),
        (["customer_id", "When", "Notes"], [.customerID, .at, .note]),
        (["姓名", "类型", "日期", "备注"], [.customer, .kind, .at, .note]),
    ])
    func mapsHeaders(_ header: [String], targets: [InteractionColumns.Target]) throws {
        #expect(try InteractionColumns(header: header).mapped.map(\.target) == targets)
    }

    @Test(arguments: [["Note", "Kind"], ["Customer", "Kind"], ["Date", "Outcome"]])
    func needsCustomerAndDateColumns(_ header: [String]) {
        #expect(throws: RapportError.invalid(
            field: "header", value: header.joined(separator: ","),
            expected: "a call history needs a customer column (Customer, 客户) and a date column (Date, 日期)")) {
            try InteractionColumns(header: header)
        }
    }

    @Test func readsAChineseRow() throws {
        let columns = try InteractionColumns(header: ["客户", "方式", "时间", "结果", "内容"])
        let row = try columns.row(from: ["王建国", "电话", "2026-11-20 14:30", "接通", "谈了报价"], line: 2, restToNotes: false)
        #expect(row == InteractionRow(reference: "王建国", kind: .call, at: Fixtures.at(2026, 11, 20, 14, 30),
                                      outcome: .reached, note: "谈了报价", line: 2))
    }

    @Test func joinsSeparateDateAndTimeColumnsAndReadsIDs() throws {
        let columns = try InteractionColumns(header: ["Customer ID", "Date", "Time", "Type", "Outcome"])
        let row = try columns.row(from: ["12", "2026-11-20", "9:05", "visit", "no_answer"], line: 7, restToNotes: false)
        #expect(row == InteractionRow(reference: "#12", kind: .visit, at: Fixtures.at(2026, 11, 20, 9, 5),
                                      outcome: .noAnswer, note: "", line: 7))
    }

    @Test func withoutAKindColumnEveryRowIsACall() throws {
        let columns = try InteractionColumns(header: ["Customer", "Date", "Note", "Channel Owner"])
        let row = try columns.row(from: ["Anna", "2026/11/20 14:30", "sent the proposal", "Li"], line: 3, restToNotes: true)
        #expect(row == InteractionRow(reference: "Anna", kind: .call, at: Fixtures.at(2026, 11, 20, 14, 30),
                                      outcome: nil, note: "sent the proposal\nChannel Owner: Li", line: 3))
    }

    @Test(arguments: [
        ("2026-11-20 14:30", Fixtures.at(2026, 11, 20, 14, 30)),
        ("2026-11-20", Fixtures.at(2026, 11, 20, 0, 0)),
        ("2026/11/20 14:30", Fixtures.at(2026, 11, 20, 14, 30)),
        ("2026年11月20日", Fixtures.at(2026, 11, 20, 0, 0)),
        ("2026年11月20日 9:05", Fixtures.at(2026, 11, 20, 9, 5)),
        ("2026-11-20T14:30:59", Fixtures.at(2026, 11, 20, 14, 30)),
        ("2026-11-20 14:30:00", Fixtures.at(2026, 11, 20, 14, 30)),
        ("2024-02-29", Fixtures.at(2024, 2, 29, 0, 0)),
    ])
    func readsDates(_ text: String, expected: LocalDateTime) {
        #expect(InteractionColumns.timestamp(text) == expected)
    }

    @Test(arguments: ["tomorrow", "明天", "11/20/2026", "20-11-2026", "2026-13-01", "2025-02-29", "2026-11-20 25:00", "", "2026"])
    func refusesDatesWithoutAYearOrThatDoNotExist(_ text: String) {
        #expect(InteractionColumns.timestamp(text) == nil)
    }

    @Test(arguments: [
        (["王建国", "fax", "2026-11-20", ""], RapportError.invalid(
            field: "方式", value: "fax", expected: "line 4: use call, email, visit, meeting, message, note (or 电话, 拜访 …)")),
        (["王建国", "电话", "tomorrow", ""], .invalid(
            field: "时间", value: "tomorrow",
            expected: "line 4: write 2026-11-20 14:30, 2026-11-20, 2026/11/20 14:30 or 2026年11月20日")),
        (["王建国", "电话", "2026-11-20", "maybe"], .invalid(
            field: "结果", value: "maybe", expected: "line 4: use reached, no-answer, replied, no-reply (or 接通, 未接 …)")),
        (["", "电话", "2026-11-20", ""], .empty(field: "customer on line 4")),
        (["王建国", "电话", " ", ""], .empty(field: "date on line 4")),
    ])
    func badCellsNameColumnValueAndLine(_ fields: [String], error: RapportError) throws {
        let columns = try InteractionColumns(header: ["客户", "方式", "时间", "结果"])
        #expect(throws: error) { try columns.row(from: fields, line: 4, restToNotes: false) }
    }

    @Test func exportedRowsImportBack() throws {
        var call = Interaction(customerID: 3, kind: .meeting, at: Fixtures.at(2026, 11, 2, 15, 0), outcome: .noReply,
                               note: "met the CFO\n-next: quote")
        call.id = 9
        let cells = InteractionColumns.exportRow(call, customer: "Zoë Müller")
        #expect(cells == ["Zoë Müller", "meeting", "2026-11-02 15:00", "no-reply", "met the CFO\n-next: quote"])
        let text = CSV.line(InteractionColumns.exportHeader) + CSV.line(cells.map(CSV.neutralized))
        let records = try CSV.records(text)
        let row = try InteractionColumns(header: records[0].fields).row(from: records[1].fields, line: 2, restToNotes: false)
        #expect(row == InteractionRow(reference: "Zoë Müller", kind: .meeting, at: call.at, outcome: .noReply,
                                      note: call.note, line: 2))
    }
}
