import Testing
@testable import RapportCore

/// Rule 5: birthdays within `birthday.days` (7) days, the customers' and their contact persons'.
struct BirthdayRuleTests {
    typealias F = RuleFixtures

    static func scan(_ entries: [BirthdayEntry], today: Day = F.today, settings: ReminderSettings = .defaults) -> [Reminder] {
        var inputs = ReminderInputs()
        inputs.birthdays = entries
        return ReminderScanner(settings: settings).scan(inputs, today: today)
    }

    static func own(_ text: String, grade: Grade? = nil, status: CustomerStatus = .customer, today: Day = F.today) -> BirthdayEntry {
        BirthdayEntry(customer: F.customer(1, grade: grade, status: status, contacted: 3, today: today), birthday: Birthday(text: text)!)
    }

    @Test(arguments: [
        // (today, birthday, days until, sentence or nil) — weekdays from a calendar: 2026-11-23 is a Monday.
        ("2026-11-23", "--11-23", 0, String?.some("birthday today (Mon 2026-11-23)")),
        ("2026-11-23", "--11-24", 1, "birthday tomorrow (Tue 2026-11-24)"),
        ("2026-11-23", "--11-26", 3, "birthday in 3 days (Thu 2026-11-26)"),
        ("2026-11-23", "1980-11-26", 3, "birthday in 3 days (Thu 2026-11-26), turns 46"),
        ("2026-11-23", "--11-30", 7, "birthday in 7 days (Mon 2026-11-30)"),
        ("2026-11-23", "--12-01", 8, nil),
        ("2026-11-23", "--11-22", 364, nil),       // yesterday: next year's
        ("2026-11-23", "--05-01", 0, nil),
        // Across the year end: 2026-12-28 is a Monday, 2027-01-02 a Saturday.
        ("2026-12-28", "--01-02", 5, "birthday in 5 days (Sat 2027-01-02)"),
        ("2026-12-28", "1980-01-02", 5, "birthday in 5 days (Sat 2027-01-02), turns 47"),
        ("2026-12-28", "--01-04", 7, "birthday in 7 days (Mon 2027-01-04)"),
        ("2026-12-28", "--01-05", 8, nil),
        ("2026-12-28", "--12-27", 364, nil),
        ("2026-12-28", "--12-31", 3, "birthday in 3 days (Thu 2026-12-31)"),
        // 29 February in a common year is kept on the 28th: 2027-02-25 is a Thursday, 2027-02-28 a Sunday.
        ("2027-02-25", "--02-29", 3, "birthday in 3 days (Sun 2027-02-28)"),
        ("2027-02-25", "2000-02-29", 3, "birthday in 3 days (Sun 2027-02-28), turns 27"),
        ("2027-02-25", "--02-28", 3, "birthday in 3 days (Sun 2027-02-28)"),
        ("2027-02-25", "--03-01", 4, "birthday in 4 days (Mon 2027-03-01)"),
        ("2027-02-28", "--02-29", 0, "birthday today (Sun 2027-02-28)"),
        // In the leap year 2028 it is on the 29th: 2028-02-25 is a Friday, 2028-02-29 a Tuesday.
        ("2028-02-25", "--02-29", 4, "birthday in 4 days (Tue 2028-02-29)"),
        ("2028-02-25", "2000-02-29", 4, "birthday in 4 days (Tue 2028-02-29), turns 28"),
        ("2028-02-25", "--03-01", 5, "birthday in 5 days (Wed 2028-03-01)"),
        ("2028-02-25", "--03-04", 8, nil),
    ] as [(String, String, Int, String?)])
    func customerBirthday(today: String, birthday: String, days: Int, sentence: String?) {
        let t = F.day(today)
        let found = Self.scan([Self.own(birthday, today: t)], today: t)
        #expect(found.map(\.detail) == (sentence.map { [$0] } ?? []))
        if let r = found.first {
            #expect(r.rule == .birthday)
            #expect(r.days == days)
            #expect(r.contactID == nil)
            #expect(r.followUpID == nil)
        }
    }

    @Test func contactPersonBirthdayCarriesTheContactAndTheirName() throws {
        let c = F.customer(9, grade: .b, contacted: 3)
        let entries = [
            BirthdayEntry(customer: c, contactID: 5, contactName: "李明", birthday: Birthday(text: "--11-26")!),
            BirthdayEntry(customer: c, contactID: 6, contactName: "Wang Fang", birthday: Birthday(text: "1980-11-24")!),
            BirthdayEntry(customer: c, contactID: 7, contactName: "Zhao", birthday: Birthday(text: "--12-02")!),
        ]
        let found = Self.scan(entries)
        let byContact = Dictionary(uniqueKeysWithValues: found.map { ($0.contactID, $0.detail) })
        #expect(found.count == 2)
        #expect(byContact[5] == "李明's birthday in 3 days (Thu 2026-11-26)")
        #expect(byContact[6] == "Wang Fang's birthday tomorrow (Tue 2026-11-24), turns 46")
        #expect(found.allSatisfy { $0.customer.id == 9 && $0.rule == .birthday })
    }

    @Test(arguments: [CustomerStatus.lost, .dormant])
    func lostAndDormantAreLeftOut(status: CustomerStatus) {
        let c = F.customer(1, grade: .a, status: status, contacted: 3)
        let entries = [
            BirthdayEntry(customer: c, birthday: Birthday(text: "--11-23")!),
            BirthdayEntry(customer: c, contactID: 2, contactName: "李明", birthday: Birthday(text: "--11-24")!),
        ]
        #expect(Self.scan(entries).isEmpty)
    }

    @Test(arguments: [CustomerStatus.lead, .prospect, .customer])
    func chasedStatusesGetBirthdays(status: CustomerStatus) {
        #expect(Self.scan([Self.own("--11-25", status: status)]).count == 1)
    }

    @Test func windowFollowsTheSetting() {
        var s = ReminderSettings.defaults
        s.birthdayDays = 14
        let entries = [Self.own("--12-07"), Self.own("--12-08")]   // in 14 and 15 days
        #expect(Self.scan(entries, settings: s).map(\.days) == [14])
    }

    // MARK: - Urgency: 4 × (1 − days / (window + 1)) plus the grade

    @Test(arguments: [
        // (birthday, grade, birthday term, total)
        ("--11-23", Grade?.some(.a), 4.0, 7.0),             // today: 4 × (1 − 0/8)
        ("--11-23", nil, 4.0, 4.0),
        ("--11-26", .b, 2.5, 4.5),                          // 4 × (1 − 3/8)
        ("--11-30", nil, 0.5, 0.5),                         // 4 × (1 − 7/8)
        ("--11-30", .c, 0.5, 1.5),
    ] as [(String, Grade?, Double, Double)])
    func urgency(birthday: String, grade: Grade?, term: Double, total: Double) throws {
        let r = try #require(Self.scan([Self.own(birthday, grade: grade)]).first)
        #expect(F.close(r.terms.birthday, term))
        #expect(F.close(r.terms.grade, UrgencyCoefficients.defaults.grade(grade)))
        #expect(F.close(r.urgency, total))
    }

    // MARK: - Month-days for the store's lookup

    @Test(arguments: [
        ("2026-11-23", 7, ["11-23", "11-24", "11-25", "11-26", "11-27", "11-28", "11-29", "11-30"]),
        ("2026-11-23", 0, ["11-23"]),
        ("2026-12-28", 7, ["12-28", "12-29", "12-30", "12-31", "01-01", "01-02", "01-03", "01-04"]),
        // 2027 has no 29 February: it joins the 28th.
        ("2027-02-25", 7, ["02-25", "02-26", "02-27", "02-28", "02-29", "03-01", "03-02", "03-03", "03-04"]),
        ("2027-02-28", 0, ["02-28", "02-29"]),
        // 2028 is a leap year: 02-29 once, as a day of its own.
        ("2028-02-25", 7, ["02-25", "02-26", "02-27", "02-28", "02-29", "03-01", "03-02", "03-03"]),
    ] as [(String, Int, [String])])
    func monthDays(from: String, days: Int, expected: [String]) {
        let got = BirthdayRule.monthDays(from: F.day(from), days: days)
        #expect(got == expected)
        #expect(Set(got).count == got.count)
    }
}
