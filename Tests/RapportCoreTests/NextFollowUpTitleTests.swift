import Testing
@testable import RapportCore

/// The title of the follow-up a log's `next` schedules.
struct NextFollowUpTitleTests {
    static let at = LocalDateTime(day: Day(year: 2026, month: 11, day: 23)!, time: ClockTime(clampingHour: 10, minute: 0))

    @Test(arguments: [
        (InteractionKind.call, "谈了报价\n下周再谈", "王建国", "谈了报价"),          // the note's first line
        (.call, "  sent the deck  ", "Anna", "sent the deck"),                       // trimmed
        (.call, "", "王建国", "电话后跟进"),                                           // no note: Chinese for a Chinese name
        (.visit, "", "欧阳子涵", "拜访后跟进"),
        (.email, "", "Zoë 王", "邮件后跟进"),                                          // one Chinese character is enough
        (.meeting, "", "华信科技", "会议后跟进"),
        (.message, "", "李明", "消息后跟进"),
        (.note, "", "李明", "跟进"),
        (.call, "", "Anna Andersson", "follow up after the call"),                    // else English
        (.visit, "", "Søren Müller", "follow up after the visit"),
    ])
    func title(kind: InteractionKind, note: String, customer: String, expected: String) {
        let call = Interaction(customerID: 1, kind: kind, at: Self.at, outcome: nil, note: note)
        #expect(NextFollowUpTitle.from(call, customerName: customer) == expected)
    }

    @Test func aLongFirstLineIsCutTo100Characters() {
        let call = Interaction(customerID: 1, kind: .call, at: Self.at, outcome: nil, note: String(repeating: "报", count: 120))
        #expect(NextFollowUpTitle.from(call, customerName: "王建国") == String(repeating: "报", count: 99) + "…")
    }
}
