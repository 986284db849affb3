import Testing
@testable import RapportCore

struct BirthdayTests {
    @Test(arguments: [
        ("1980-03-15", 3, 15, Int?.some(1980), "1980-03-15"),
        ("03-15", 3, 15, nil, "--03-15"),
        ("--03-15", 3, 15, nil, "--03-15"),
        ("3/15", 3, 15, nil, "--03-15"),
        ("03/15", 3, 15, nil, "--03-15"),
        ("3-5", 3, 5, nil, "--03-05"),
        ("3月15日", 3, 15, nil, "--03-15"),
        ("3月15号", 3, 15, nil, "--03-15"),
        ("三月十五日", 3, 15, nil, "--03-15"),
        ("02-29", 2, 29, nil, "--02-29"),        // exists in leap years, so valid without a year
        ("2024-02-29", 2, 29, 2024, "2024-02-29"),
        ("12-31", 12, 31, nil, "--12-31"),
        (" 1980-03-15 ", 3, 15, 1980, "1980-03-15"),
        ("0999-01-02", 1, 2, 999, "0999-01-02"),
        // Address books' slashes, where the order leaves no doubt.
        ("20/01/1991", 1, 20, 1991, "1991-01-20"),   // day first: 20 cannot be a month
        ("01/20/1991", 1, 20, 1991, "1991-01-20"),   // month first (US): 20 cannot be a month
        ("1991/01/20", 1, 20, 1991, "1991-01-20"),
    ])
    func parses(text: String, month: Int, day: Int, year: Int?, description: String) throws {
        let b = try #require(Birthday(text: text))
        #expect(b.month == month)
        #expect(b.day == day)
        #expect(b.year == year)
        #expect(b.description == description)
    }

    @Test(arguments: [
        "2023-02-29",   // 2023 is not a leap year
        "1900-02-29",
        "13-01",
        "00-10",
        "02-30",
        "04-31",
        "3/0",
        "13月1日",
        "",
        "abc",
        "1980-03",
        "3-15-1980",
        "--13-01",
        "01/02/1991",   // the 1st of February or the 2nd of January: refused rather than guessed
        "31/02/1991",
        "20/13/1991",
    ])
    func rejects(text: String) {
        #expect(Birthday(text: text) == nil)
    }

    @Test(arguments: [
        // (month, day, onOrAfter, expected)
        (3, 15, "2026-03-14", "2026-03-15"),
        (3, 15, "2026-03-15", "2026-03-15"),     // on the day itself
        (3, 15, "2026-03-16", "2027-03-15"),
        (12, 31, "2026-12-30", "2026-12-31"),
        (1, 2, "2026-12-30", "2027-01-02"),
        (1, 1, "2026-12-31", "2027-01-01"),
        (2, 29, "2026-02-01", "2026-02-28"),     // kept on 28 February in a common year
        (2, 29, "2026-02-28", "2026-02-28"),
        (2, 29, "2026-03-01", "2027-02-28"),
        (2, 29, "2027-03-01", "2028-02-29"),
        (2, 29, "2028-02-01", "2028-02-29"),
        (2, 29, "2028-02-29", "2028-02-29"),
        (2, 28, "2028-02-29", "2029-02-28"),
    ])
    func nextOccurrence(month: Int, day: Int, from: String, expected: String) throws {
        let birthday = try #require(Birthday(month: month, day: day))
        let today = try #require(Day(iso: from))
        #expect(birthday.nextOccurrence(onOrAfter: today).iso == expected)
    }

    @Test func yearDoesNotChangeNextOccurrence() throws {
        let b = try #require(Birthday(text: "1980-03-15"))
        let today = try #require(Day(iso: "2026-11-23"))
        #expect(b.nextOccurrence(onOrAfter: today).iso == "2027-03-15")
    }

    @Test(arguments: [
        (2, 29, Int?.none, true),
        (2, 29, Int?.some(2024), true),
        (2, 29, Int?.some(2023), false),
        (4, 31, Int?.none, false),
        (0, 1, Int?.none, false),
        (1, 0, Int?.none, false),
    ])
    func memberwise(month: Int, day: Int, year: Int?, valid: Bool) {
        #expect((Birthday(month: month, day: day, year: year) != nil) == valid)
    }
}
