import RapportCore
import Testing
@testable import RapportExchange

@Suite struct ICalendarWriterTests {
    static let wang = CustomerSummary(id: 1, name: "王建国", company: "华信科技有限公司", grade: .a, status: .customer,
                                      addedOn: Fixtures.day(2025, 1, 2), lastContactOn: nil)
    static let zoe = CustomerSummary(id: 2, name: "Zoë Müller", company: nil, grade: nil, status: .lead,
                                     addedOn: Fixtures.day(2025, 1, 2), lastContactOn: nil)

    @Test func writesDayFollowUpsAsTodosAndTimedOnesAsEvents() {
        let followUps = [
            DueFollowUp(id: 41, customer: Self.wang, due: When(day: Fixtures.day(2026, 11, 24)), title: "发报价",
                        createdOn: Fixtures.day(2026, 11, 20)),
            DueFollowUp(id: 42, customer: Self.zoe, due: When(day: Fixtures.day(2026, 11, 27), time: Fixtures.time(14, 30)),
                        title: "Call back; bring the quote, v2", createdOn: Fixtures.day(2026, 11, 23)),
        ]
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Rapport//Rapport follow-ups//EN",
            "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:Rapport follow-ups",
            "BEGIN:VTODO",
            "UID:followup-41@rapport",
            "DTSTAMP:20261123T090000Z",
            "DUE;VALUE=DATE:20261124",
            "SUMMARY:发报价 · 王建国",
            // 75 octets end right after "Promised"; the fold's space comes before the value's own.
            "DESCRIPTION:王建国 (华信科技有限公司) · grade A · #1\\nPromised\r\n  on 2026-11-20",
            "STATUS:NEEDS-ACTION",
            "END:VTODO",
            "BEGIN:VEVENT",
            "UID:followup-42@rapport",
            "DTSTAMP:20261123T090000Z",
            "DTSTART:20261127T143000",
            "DURATION:PT30M",
            "SUMMARY:Call back\\; bring the quote\\, v2 · Zoë Müller",
            "DESCRIPTION:Zoë Müller · #2\\nPromised on 2026-11-23",
            "END:VEVENT",
            "END:VCALENDAR",
        ].map { $0 + "\r\n" }.joined()
        #expect(ICalendarWriter.calendar(followUps, stamp: Fixtures.stamp) == expected)
    }

    @Test func anEmptyCalendarIsStillACalendar() {
        #expect(ICalendarWriter.calendar([], stamp: Fixtures.at(2027, 1, 5, 23, 59)) == [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Rapport//Rapport follow-ups//EN", "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:Rapport follow-ups", "END:VCALENDAR",
        ].map { $0 + "\r\n" }.joined())
    }

    @Test(arguments: [
        ("", "Follow up · 王建国"),
        ("  ", "Follow up · 王建国"),
        ("发报价", "发报价 · 王建国"),
    ])
    func summaryHasTitleAndCustomer(_ title: String, expected: String) {
        let f = DueFollowUp(id: 1, customer: Self.wang, due: When(day: Fixtures.day(2026, 11, 24)), title: title)
        #expect(ICalendarWriter.summary(f) == expected)
    }

    @Test func theSameFollowUpKeepsItsUID() {
        let before = DueFollowUp(id: 77, customer: Self.zoe, due: When(day: Fixtures.day(2026, 11, 24)), title: "a")
        let moved = DueFollowUp(id: 77, customer: Self.zoe, due: When(day: Fixtures.day(2026, 12, 1), time: Fixtures.time(9, 0)),
                                title: "b")
        for f in [before, moved] {
            #expect(ICalendarWriter.calendar([f], stamp: Fixtures.stamp).contains("\r\nUID:followup-77@rapport\r\n"))
        }
    }
}
