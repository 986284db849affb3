import Testing
@testable import RapportCore

struct DayTests {
    // Ordinals worked out by hand: 365 per year plus one per leap day since 1970-01-01
    // (2000-01-01 = 30 × 365 + 7 leap days = 10957; 2026-01-01 = 56 × 365 + 14 = 20454, and
    // 23 November is day 327 of 2026; 2400-01-01 = 430 × 365 + 104 = 157054).
    @Test(arguments: [
        (1970, 1, 1, 0),
        (1970, 1, 2, 1),
        (1970, 12, 31, 364),
        (1971, 1, 1, 365),
        (2000, 1, 1, 10957),
        (2000, 2, 29, 11016),
        (2000, 3, 1, 11017),
        (1900, 1, 1, -25567),
        (1900, 3, 1, -25508),
        (1969, 12, 31, -1),
        (1969, 1, 1, -365),
        (2026, 1, 1, 20454),
        (2026, 11, 23, 20780),
        (2399, 12, 31, 157053),
        (2400, 1, 1, 157054),
    ])
    func civilRoundTrip(year: Int, month: Int, day: Int, ordinal: Int) throws {
        let d = try #require(Day(year: year, month: month, day: day))
        #expect(d.ordinal == ordinal)
        let back = Day(ordinal: ordinal).components
        #expect(back.year == year)
        #expect(back.month == month)
        #expect(back.day == day)
        #expect(d.year == year && d.month == month && d.dayOfMonth == day)
    }

    @Test(arguments: [
        (2026, 2, 29),   // 2026 is not a leap year
        (2100, 2, 29),   // divisible by 100, not by 400
        (2026, 4, 31),
        (2026, 6, 31),
        (2026, 9, 31),
        (2026, 11, 31),
        (2026, 0, 1),
        (2026, 13, 1),
        (2026, 1, 0),
        (2026, 1, 32),
        (2026, -1, 10),
    ])
    func invalidDayIsNil(year: Int, month: Int, day: Int) {
        #expect(Day(year: year, month: month, day: day) == nil)
    }

    @Test(arguments: [
        (2000, 2, 29),   // divisible by 400
        (2024, 2, 29),
        (2026, 2, 28),
        (2026, 4, 30),
        (2026, 12, 31),
    ])
    func lastDaysOfMonthsExist(year: Int, month: Int, day: Int) {
        #expect(Day(year: year, month: month, day: day) != nil)
    }

    @Test(arguments: [
        (1970, 1, 1, Weekday.thursday),
        (1969, 12, 31, .wednesday),
        (1900, 1, 1, .monday),
        (1900, 3, 1, .thursday),
        (2000, 1, 1, .saturday),
        (2000, 2, 29, .tuesday),
        (2024, 2, 29, .thursday),
        (2026, 11, 23, .monday),
        (2026, 11, 27, .friday),
        (2026, 11, 29, .sunday),
        (2026, 12, 31, .thursday),
        (2399, 12, 31, .friday),
    ])
    func weekdayOfKnownDates(year: Int, month: Int, day: Int, weekday: Weekday) throws {
        let d = try #require(Day(year: year, month: month, day: day))
        #expect(d.weekday == weekday)
    }

    @Test(arguments: [
        (Weekday.monday, "monday", "Mon"),
        (.wednesday, "wednesday", "Wed"),
        (.sunday, "sunday", "Sun"),
    ])
    func weekdayNames(weekday: Weekday, name: String, short: String) {
        #expect(weekday.name == name)
        #expect(weekday.shortName == short)
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2026-12-15", 1, "2027-01-15"),
        ("2026-03-31", -1, "2026-02-28"),
        ("2026-01-15", -1, "2025-12-15"),
        ("2026-05-31", 1, "2026-06-30"),
        ("2026-08-31", -2, "2026-06-30"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2026-11-23", 0, "2026-11-23"),
        ("2026-11-23", 14, "2028-01-23"),
        ("2026-11-23", -23, "2024-12-23"),
        ("1970-01-31", -1, "1969-12-31"),
    ])
    func addingMonthsClamps(start: String, months: Int, expected: String) throws {
        let day = try #require(Day(iso: start))
        #expect(day.adding(months: months).iso == expected)
    }

    @Test(arguments: [
        ("2026-11-23", 7, "2026-11-30"),
        ("2026-12-28", 7, "2027-01-04"),
        ("2027-01-01", -1, "2026-12-31"),
        ("2024-02-28", 1, "2024-02-29"),
        ("2026-02-28", 1, "2026-03-01"),
    ])
    func addingDays(start: String, days: Int, expected: String) throws {
        let day = try #require(Day(iso: start))
        #expect(day.adding(days: days).iso == expected)
        #expect(day.days(until: day.adding(days: days)) == days)
    }

    @Test(arguments: [
        ("2026-02-10", "2026-02-28"),
        ("2024-02-01", "2024-02-29"),
        ("1900-02-15", "1900-02-28"),
        ("2000-02-15", "2000-02-29"),
        ("2026-11-23", "2026-11-30"),
        ("2026-12-31", "2026-12-31"),
        ("2026-04-01", "2026-04-30"),
    ])
    func endOfMonth(start: String, expected: String) throws {
        let day = try #require(Day(iso: start))
        #expect(day.endOfMonth.iso == expected)
    }

    @Test(arguments: [
        ("2026-11-23", 2026, 11, 23),
        ("1970-01-01", 1970, 1, 1),
        ("2000-02-29", 2000, 2, 29),
        ("0005-03-07", 5, 3, 7),
    ])
    func isoParses(text: String, year: Int, month: Int, day: Int) throws {
        let d = try #require(Day(iso: text))
        #expect(d == Day(year: year, month: month, day: day))
        #expect(d.iso == text)
    }

    @Test(arguments: [
        "2026-1-01",
        "2026-11-23 ",
        " 2026-11-23",
        "20261123",
        "2026-13-01",
        "2026-00-10",
        "2026-02-29",
        "2026-04-31",
        "2026/11/23",
        "2026-11-2a",
        "+026-11-23",
        "２０２６-11-23",
        "2026-11-23T10:00",
        "",
    ])
    func isoRejects(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test(arguments: [
        (5, 3, 7, "0005-03-07"),
        (2026, 1, 5, "2026-01-05"),
        (999, 12, 31, "0999-12-31"),
        (2026, 11, 23, "2026-11-23"),
    ])
    func isoZeroPads(year: Int, month: Int, day: Int, expected: String) throws {
        let d = try #require(Day(year: year, month: month, day: day))
        #expect(d.iso == expected)
        #expect(d.description == expected)
    }

    @Test func ordering() throws {
        let a = try #require(Day(iso: "2026-11-23"))
        let b = try #require(Day(iso: "2026-11-24"))
        #expect(a < b)
        #expect(!(b < a))
        #expect(a.days(until: b) == 1)
        #expect(b.days(until: a) == -1)
    }

    @Test(arguments: [(2000, true), (2024, true), (1900, false), (2100, false), (2026, false), (2400, true)])
    func leapYears(year: Int, leap: Bool) {
        #expect(Day.isLeap(year) == leap)
    }
}
