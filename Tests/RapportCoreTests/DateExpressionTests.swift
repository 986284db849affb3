import Testing
@testable import RapportCore

/// Expected values are read off a calendar: 2026-11-23 is a Monday, its week runs to
/// Sunday 2026-11-29, and the next week runs Monday 2026-11-30 to Sunday 2026-12-06.
struct DateExpressionTests {
    static let monday = "2026-11-23"

    /// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` as a `When`.
    static func when(_ text: String) throws -> When {
        let parts = text.split(separator: " ")
        let day = try #require(Day(iso: String(parts[0])))
        guard parts.count == 2 else { return When(day: day) }
        let hm = parts[1].split(separator: ":").map { Int($0)! }
        let time = ClockTime(hour: hm[0], minute: hm[1])
        #expect(time != nil, "bad expected time \(text)")
        return When(day: day, time: time)
    }

    static func day(_ iso: String) throws -> Day { try #require(Day(iso: iso)) }

    // MARK: - English and numeric forms, today Monday 2026-11-23

    @Test(arguments: [
        ("today", "2026-11-23"),
        ("tomorrow", "2026-11-24"),
        ("yesterday", "2026-11-22"),
        ("Tomorrow", "2026-11-24"),
        ("TODAY", "2026-11-23"),
        ("+3d", "2026-11-26"),
        ("+0d", "2026-11-23"),
        ("+10d", "2026-12-03"),
        ("-2d", "2026-11-21"),
        ("+2w", "2026-12-07"),
        ("-1w", "2026-11-16"),
        ("+1m", "2026-12-23"),
        ("-1m", "2026-10-23"),
        ("+2m", "2027-01-23"),
        ("+1y", "2027-11-23"),
        ("mon", "2026-11-30"),        // strictly after today, a Monday
        ("monday", "2026-11-30"),
        ("tue", "2026-11-24"),
        ("wednesday", "2026-11-25"),
        ("thu", "2026-11-26"),
        ("fri", "2026-11-27"),
        ("Friday", "2026-11-27"),
        ("FRI", "2026-11-27"),
        ("sat", "2026-11-28"),
        ("sun", "2026-11-29"),
        ("sunday", "2026-11-29"),
        ("next week", "2026-11-30"),
        ("NEXT WEEK", "2026-11-30"),
        ("Next Week", "2026-11-30"),
        ("next mon", "2026-11-30"),
        ("next fri", "2026-12-04"),
        ("next friday", "2026-12-04"),
        ("next sun", "2026-12-06"),
        ("eow", "2026-11-29"),
        ("EOW", "2026-11-29"),
        ("eom", "2026-11-30"),
        ("next month", "2026-12-23"),
        ("2026-12-01", "2026-12-01"),
        ("2026/12/01", "2026-12-01"),
        ("2027-03-05", "2027-03-05"),
        ("2025-01-01", "2025-01-01"),  // a full date may be in the past
        ("12-01", "2026-12-01"),
        ("12/01", "2026-12-01"),
        ("1/5", "2027-01-05"),
        ("01-05", "2027-01-05"),
        ("11-23", "2026-11-23"),      // today itself, not next year
        ("11-22", "2027-11-22"),
        ("11-24", "2026-11-24"),
        ("02-29", "2028-02-29"),      // next year that has the day
        ("12-31", "2026-12-31"),
    ])
    func englishOnMonday(input: String, expected: String) throws {
        let when = try DateExpression.parse(input, today: Self.day(Self.monday))
        #expect(when == (try Self.when(expected)))
        #expect(when.time == nil)
    }

    // MARK: - Chinese forms, today Monday 2026-11-23

    @Test(arguments: [
        ("今天", "2026-11-23"),
        ("明天", "2026-11-24"),
        ("后天", "2026-11-25"),
        ("大后天", "2026-11-26"),
        ("昨天", "2026-11-22"),
        ("前天", "2026-11-21"),
        ("周一", "2026-11-30"),       // strictly after today
        ("周二", "2026-11-24"),
        ("周三", "2026-11-25"),
        ("周四", "2026-11-26"),
        ("周五", "2026-11-27"),
        ("周六", "2026-11-28"),
        ("周日", "2026-11-29"),
        ("周天", "2026-11-29"),
        ("星期一", "2026-11-30"),
        ("星期二", "2026-11-24"),
        ("星期三", "2026-11-25"),
        ("星期四", "2026-11-26"),
        ("星期五", "2026-11-27"),
        ("星期六", "2026-11-28"),
        ("星期日", "2026-11-29"),
        ("星期天", "2026-11-29"),
        ("礼拜五", "2026-11-27"),
        ("下周一", "2026-11-30"),
        ("下周五", "2026-12-04"),
        ("下周日", "2026-12-06"),
        ("下星期三", "2026-12-02"),
        ("下礼拜二", "2026-12-01"),
        ("本周一", "2026-11-23"),     // this week's Monday is today
        ("本周五", "2026-11-27"),
        ("这周五", "2026-11-27"),
        ("这周日", "2026-11-29"),
        ("下周", "2026-11-30"),
        ("下星期", "2026-11-30"),
        ("3天后", "2026-11-26"),
        ("3天以后", "2026-11-26"),
        ("三天后", "2026-11-26"),
        ("两周后", "2026-12-07"),
        ("2周后", "2026-12-07"),
        ("2个星期后", "2026-12-07"),
        ("十天后", "2026-12-03"),
        ("十二天后", "2026-12-05"),
        ("二十天后", "2026-12-13"),
        ("1个月后", "2026-12-23"),
        ("两个月后", "2027-01-23"),
        ("下个月", "2026-12-23"),
        ("月底", "2026-11-30"),
        ("年底", "2026-12-31"),
        ("12月1日", "2026-12-01"),
        ("12月1号", "2026-12-01"),
        ("十二月一日", "2026-12-01"),
        ("11月23日", "2026-11-23"),
        ("11月22日", "2027-11-22"),
        ("1月5日", "2027-01-05"),
        ("2月29日", "2028-02-29"),
        ("2027年3月5日", "2027-03-05"),
        ("2027年3月5号", "2027-03-05"),
    ])
    func chineseOnMonday(input: String, expected: String) throws {
        let when = try DateExpression.parse(input, today: Self.day(Self.monday))
        #expect(when == (try Self.when(expected)))
    }

    // MARK: - Times of day

    @Test(arguments: [
        ("tomorrow 14:30", "2026-11-24 14:30"),
        ("明天 14:30", "2026-11-24 14:30"),
        ("明天14:30", "2026-11-24 14:30"),
        ("明天\u{3000}14:30", "2026-11-24 14:30"),
        ("下周一 9:00", "2026-11-30 09:00"),
        ("fri 09:05", "2026-11-27 09:05"),
        ("2026-12-01 08:00", "2026-12-01 08:00"),
        ("12/01 23:59", "2026-12-01 23:59"),
        ("+3d 00:00", "2026-11-26 00:00"),
        ("14:30", "2026-11-23 14:30"),   // a time alone is today
        ("9:15", "2026-11-23 09:15"),
        ("00:00", "2026-11-23 00:00"),
        ("  23:59  ", "2026-11-23 23:59"),
    ])
    func withTime(input: String, expected: String) throws {
        let when = try DateExpression.parse(input, today: Self.day(Self.monday))
        #expect(when == (try Self.when(expected)))
        #expect(when.time != nil)
    }

    // MARK: - Forms as people type them, today Monday 2026-11-23

    @Test(arguments: [
        // A day of the month alone is the next such day, today when it is today.
        ("15号", "2026-12-15"),        // the 15th of November has passed
        ("1号", "2026-12-01"),
        ("23号", "2026-11-23"),
        ("24日", "2026-11-24"),
        ("30号", "2026-11-30"),
        ("31号", "2026-12-31"),        // November has no 31st
        ("十五号", "2026-12-15"),
        // The week after next: next week's Monday is 11-30, so that week's is 12-07.
        ("下下周一", "2026-12-07"),
        ("下下周五", "2026-12-11"),
        ("下下星期三", "2026-12-09"),
        ("下下周", "2026-12-07"),
        // Dots, as the Chinese write dates.
        ("12.1", "2026-12-01"),
        ("11.23", "2026-11-23"),
        ("1.5", "2027-01-05"),
        ("2026.12.01", "2026-12-01"),
        // Start, middle and end of a month: the next 1st and 15th, this month's end; of next month.
        ("月初", "2026-12-01"),
        ("月中", "2026-12-15"),
        ("月底", "2026-11-30"),
        ("下月初", "2026-12-01"),
        ("下月中", "2026-12-15"),
        ("下月底", "2026-12-31"),
        ("下个月初", "2026-12-01"),
        ("下个月底", "2026-12-31"),
        // Full-width digits and signs, as an input method types them.
        ("１２月１日", "2026-12-01"),
        ("２０２６－１２－０１", "2026-12-01"),
        ("１５号", "2026-12-15"),
        ("＋３ｄ", "2026-11-26"),
    ])
    func typedDays(input: String, expected: String) throws {
        let when = try DateExpression.parse(input, today: Self.day(Self.monday))
        #expect(when == (try Self.when(expected)))
        #expect(when.time == nil)
    }

    @Test(arguments: [
        // 2026-11-01 is a Sunday: the 1st is today, the 15th this month.
        ("1号", "2026-11-01", "2026-11-01"),
        ("月初", "2026-11-01", "2026-11-01"),
        ("月中", "2026-11-01", "2026-11-15"),
        ("月中", "2026-11-15", "2026-11-15"),
        ("月中", "2026-11-16", "2026-12-15"),
        // 2027-01-31: February has no 30th, so the next is March's.
        ("30号", "2027-01-31", "2027-03-30"),
        ("31号", "2027-01-31", "2027-01-31"),
        ("下月底", "2027-01-31", "2027-02-28"),
        ("下月初", "2026-12-31", "2027-01-01"),
        ("1号", "2026-12-31", "2027-01-01"),
    ])
    func typedDaysOtherTodays(input: String, today: String, expected: String) throws {
        let when = try DateExpression.parse(input, today: Self.day(today))
        #expect(when == (try Self.when(expected)))
    }

    @Test(arguments: [
        ("明天下午3点", "2026-11-24 15:00"),
        ("明天 下午3点", "2026-11-24 15:00"),
        ("下周一 9点", "2026-11-30 09:00"),
        ("下周一9点", "2026-11-30 09:00"),
        ("周五 14：30", "2026-11-27 14:30"),    // the full-width colon
        ("周五 １４：３０", "2026-11-27 14:30"),
        ("下午3点", "2026-11-23 15:00"),
        ("上午10点", "2026-11-23 10:00"),
        ("晚上8点", "2026-11-23 20:00"),
        ("中午12点", "2026-11-23 12:00"),
        ("中午1点", "2026-11-23 13:00"),
        ("凌晨2点", "2026-11-23 02:00"),
        ("下午15点", "2026-11-23 15:00"),       // already past noon
        ("9点半", "2026-11-23 09:30"),
        ("下午3点半", "2026-11-23 15:30"),
        ("3点15分", "2026-11-23 03:15"),
        ("3点15", "2026-11-23 03:15"),
        ("十点", "2026-11-23 10:00"),
        ("两点", "2026-11-23 02:00"),
        ("周一十点", "2026-11-30 10:00"),       // 一 is the weekday's, 十 the hour
        ("8点钟", "2026-11-23 08:00"),
        ("下午2:30", "2026-11-23 14:30"),
        ("tomorrow 2pm", "2026-11-24 14:00"),
        ("tomorrow 2 pm", "2026-11-24 14:00"),
        ("mon 9am", "2026-11-30 09:00"),
        ("9:30am", "2026-11-23 09:30"),
        ("9:30pm", "2026-11-23 21:30"),
        ("9:30PM", "2026-11-23 21:30"),
        ("12am", "2026-11-23 00:00"),         // midnight
        ("12pm", "2026-11-23 12:00"),         // noon
        ("12:15am", "2026-11-23 00:15"),
        ("fri 11pm", "2026-11-27 23:00"),
    ])
    func typedTimes(input: String, expected: String) throws {
        let when = try DateExpression.parse(input, today: Self.day(Self.monday))
        #expect(when == (try Self.when(expected)))
        #expect(when.time != nil)
    }

    @Test(arguments: [
        ("13pm", Expected.noSuchTime),
        ("0am", .noSuchTime),
        ("25点", .noSuchTime),
        ("3点60分", .noSuchTime),
        ("晚上25点", .noSuchTime),
        ("32号", .noSuchDay),
        ("0号", .noSuchDay),
        ("12.32", .noSuchDay),
        ("pm", .unrecognized),
        ("明天下午", .unrecognized),
        ("1.2.3", .unrecognized),
    ])
    func typedErrors(input: String, expected: Expected) throws {
        try errors(input: input, expected: expected)
    }

    @Test(arguments: [
        ("next tuesdy", "next tue"),
        ("nxt fri", "next fri"),
        ("tomorow", "tomorrow"),
        ("tomorow 9am", "tomorrow 9am"),
        ("yesterdy", "yesterday"),
        ("fridya", "fri"),
        ("next wendsday", "next wed"),
    ])
    func typoSuggestsTheNearestForm(input: String, suggestion: String) {
        #expect(DateExpressionError.unrecognized(input).description
            == "unrecognized date \"\(input)\"; did you mean \"\(suggestion)\"?")
    }

    @Test(arguments: ["someday", "+3x", "next", "周八", String(repeating: "x", count: 300)])
    func unrecognizedWithoutNearFormGivesAFewExamplesOnOneShortLine(input: String) {
        let message = DateExpressionError.unrecognized(input).description
        #expect(message.hasPrefix("unrecognized date \(input.quotedForMessage); try "))
        #expect(!message.contains("\n"))
        // A long value is cut to 40 cells; the rest is under a hundred characters.
        #expect(message.count <= 140, "\(message.count) characters")
        for form in ["tomorrow", "+3d", "next fri", "12-01", "明天", "下周一", "15号"] {
            #expect(message.contains(form), "missing \(form)")
        }
    }

    // MARK: - Spaces

    @Test(arguments: [
        ("  tomorrow  ", "2026-11-24"),
        ("\ttomorrow", "2026-11-24"),
        ("\u{3000}明天\u{3000}", "2026-11-24"),
        ("\u{3000}\u{3000}下周五", "2026-12-04"),
        (" next week ", "2026-11-30"),
    ])
    func trimsSpaces(input: String, expected: String) throws {
        let when = try DateExpression.parse(input, today: Self.day(Self.monday))
        #expect(when == (try Self.when(expected)))
    }

    // MARK: - Other todays: year rollover, month ends, leap days, Sundays

    @Test(arguments: [
        // 2026-12-28 is a Monday
        ("+1w", "2026-12-28", "2027-01-04"),
        ("next week", "2026-12-28", "2027-01-04"),
        ("eow", "2026-12-28", "2027-01-03"),
        ("next fri", "2026-12-28", "2027-01-08"),
        ("下周一", "2026-12-28", "2027-01-04"),
        // 2026-12-31 is a Thursday
        ("明天", "2026-12-31", "2027-01-01"),
        ("tomorrow", "2026-12-31", "2027-01-01"),
        ("fri", "2026-12-31", "2027-01-01"),
        ("thu", "2026-12-31", "2027-01-07"),
        ("eom", "2026-12-31", "2026-12-31"),
        ("年底", "2026-12-31", "2026-12-31"),
        ("月底", "2026-12-31", "2026-12-31"),
        ("12-31", "2026-12-31", "2026-12-31"),
        ("12-30", "2026-12-31", "2027-12-30"),
        ("1/5", "2026-12-31", "2027-01-05"),
        ("本周一", "2026-12-31", "2026-12-28"),
        ("这周五", "2026-12-31", "2027-01-01"),
        ("next month", "2026-12-31", "2027-01-31"),
        ("+2m", "2026-12-31", "2027-02-28"),
        // 2027-01-31 is a Sunday
        ("+1m", "2027-01-31", "2027-02-28"),
        ("next month", "2027-01-31", "2027-02-28"),
        ("下个月", "2027-01-31", "2027-02-28"),
        ("1个月后", "2027-01-31", "2027-02-28"),
        ("eow", "2027-01-31", "2027-01-31"),        // on a Sunday, today
        ("sun", "2027-01-31", "2027-02-07"),
        ("next week", "2027-01-31", "2027-02-01"),
        ("next mon", "2027-01-31", "2027-02-01"),
        ("next sun", "2027-01-31", "2027-02-07"),
        ("本周一", "2027-01-31", "2027-01-25"),
        ("下周", "2027-01-31", "2027-02-01"),
        ("-1m", "2027-03-31", "2027-02-28"),
        // 2024 and 2028 are leap years; 2028-02-10 is a Thursday
        ("+1m", "2024-01-31", "2024-02-29"),
        ("eom", "2028-02-10", "2028-02-29"),
        ("月底", "2028-02-10", "2028-02-29"),
        ("02-29", "2028-02-10", "2028-02-29"),
        ("02-29", "2028-02-29", "2028-02-29"),
        ("02-29", "2028-03-01", "2032-02-29"),
        ("2月29日", "2028-03-01", "2032-02-29"),
        ("+1y", "2028-02-29", "2029-02-28"),
        ("+1d", "2028-02-28", "2028-02-29"),
        ("明天", "2027-02-28", "2027-03-01"),
        // 2100 is not a leap year, so after 2097-02-28 the next 29 February is in 2104
        ("02-29", "2097-03-01", "2104-02-29"),
    ])
    func otherTodays(input: String, today: String, expected: String) throws {
        let when = try DateExpression.parse(input, today: Self.day(today))
        #expect(when == (try Self.when(expected)))
    }

    // MARK: - Errors

    enum Expected: Sendable {
        case unrecognized, noSuchDay, noSuchTime
    }

    @Test(arguments: [
        ("someday", Expected.unrecognized),
        ("+3x", .unrecognized),
        ("+d", .unrecognized),
        ("3d", .unrecognized),
        ("next", .unrecognized),
        ("next someday", .unrecognized),
        ("周八", .unrecognized),
        ("星期八", .unrecognized),
        ("", .unrecognized),
        ("   ", .unrecognized),
        ("\u{3000}", .unrecognized),
        ("tomorrow 9:5", .unrecognized),   // not HH:MM
        ("tomorrow 14:305", .unrecognized),
        ("tomorrow :30", .unrecognized),
        ("12/01/2026", .unrecognized),
        ("13月1日", .noSuchDay),
        ("2月30日", .noSuchDay),
        ("2026年2月30日", .noSuchDay),
        ("2026-02-30", .noSuchDay),
        ("2026-02-29", .noSuchDay),
        ("2026/04/31", .noSuchDay),
        ("13-01", .noSuchDay),
        ("04-31", .noSuchDay),
        ("0/5", .noSuchDay),
        ("25:00", .noSuchTime),
        ("24:00", .noSuchTime),
        ("12:60", .noSuchTime),
        ("tomorrow 25:00", .noSuchTime),
    ])
    func errors(input: String, expected: Expected) throws {
        let today = try Self.day(Self.monday)
        do {
            let when = try DateExpression.parse(input, today: today)
            Issue.record("\(input.debugDescription) parsed as \(when)")
        } catch {
            switch (error, expected) {
            case (.unrecognized(let quoted), .unrecognized),
                 (.noSuchDay(let quoted), .noSuchDay),
                 (.noSuchTime(let quoted), .noSuchTime):
                #expect(quoted == input)
            default:
                Issue.record("\(input.debugDescription) threw \(error), expected \(expected)")
            }
        }
    }

    @Test func thrownMessagesQuoteInput() throws {
        let today = try Self.day(Self.monday)
        for input in ["someday", "2026-02-30", "25:00", "13月1日"] {
            do {
                _ = try DateExpression.parse(input, today: today)
                Issue.record("\(input) parsed")
            } catch {
                #expect(error.description.contains("\"\(input)\""))
            }
        }
    }

    @Test func emptyInputMessageQuotesEmptyString() throws {
        let today = try Self.day(Self.monday)
        do {
            _ = try DateExpression.parse("", today: today)
            Issue.record("empty input parsed")
        } catch {
            #expect(error == .unrecognized(""))
            #expect(error.description.hasPrefix("unrecognized date \"\";"))
        }
    }

    @Test func noSuchDayAndTimeMessages() {
        #expect(DateExpressionError.noSuchDay("2026-02-30").description == "no such day: \"2026-02-30\"")
        let time = DateExpressionError.noSuchTime("25:00").description
        #expect(time.contains("\"25:00\""))
        #expect(time.contains("00:00") && time.contains("23:59"))
    }

    @Test func messageStripsEscapesFromInput() {
        let message = DateExpressionError.unrecognized("\u{1B}[31mred").description
        #expect(message.hasPrefix("unrecognized date \"red\";"))
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    // MARK: - When and ClockTime

    @Test(arguments: [
        (ClockTime(hour: 9, minute: 5), "09:05"),
        (ClockTime(hour: 0, minute: 0), "00:00"),
        (ClockTime(hour: 23, minute: 59), "23:59"),
    ])
    func clockTimeText(time: ClockTime?, text: String) throws {
        let t = try #require(time)
        #expect(t.description == text)
        #expect(ClockTime(text: text) == t)
    }

    @Test(arguments: ["24:00", "12:60", "1:2", "123:45", "ab:cd", "12-30", ""])
    func clockTimeRejects(text: String) {
        #expect(ClockTime(text: text) == nil)
    }

    @Test func whenDescription() throws {
        #expect(try Self.when("2026-11-24").description == "2026-11-24")
        #expect(try Self.when("2026-11-24 09:05").description == "2026-11-24 09:05")
    }

    @Test(arguments: [
        ("一", 1), ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("二十五", 25), ("九十九", 99),
        ("3", 3), ("12", 12),
    ])
    func chineseNumbers(text: String, value: Int) {
        #expect(DateExpression.chineseNumber(text) == value)
    }

    @Test(arguments: ["", "零", "两十", "十十", "一百", "abc", "1234"])
    func chineseNumbersRejected(text: String) {
        #expect(DateExpression.chineseNumber(text) == nil)
    }
}
