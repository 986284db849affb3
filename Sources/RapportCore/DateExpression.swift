/// A day with an optional time of day, as a date expression names it.
public struct When: Hashable, Sendable, CustomStringConvertible {
    public var day: Day
    public var time: ClockTime?

    public init(day: Day, time: ClockTime? = nil) {
        self.day = day
        self.time = time
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`.
    public var description: String { time.map { day.iso + " " + $0.description } ?? day.iso }
}

/// The date grammar every part of Rapport shares: `tomorrow`, `+2w`, `fri`, `eom`,
/// `12-01`, `明天`, `下周一`, `3天后`, `12月1日`, each optionally followed by `HH:MM`.
public enum DateExpression {
    /// The accepted forms, as error messages and help text list them.
    public static let acceptedForms =
        "today, tomorrow, yesterday, +3d, +2w, +1m, -2d, fri, next week, next fri, eow, eom, "
        + "2026-12-01, 12-01, 12/01, 今天, 明天, 后天, 周五, 星期五, 下周一, 3天后, 两周后, 下个月, 月底, 12月1日, "
        + "optionally followed by HH:MM"

    /// Parses a date expression relative to `today`.
    public static func parse(_ input: String, today: Day) throws(DateExpressionError) -> When {
        let trimmed = input.trimmingSpaces()
        guard !trimmed.isEmpty else { throw .unrecognized(input) }
        let (datePart, time) = try splitTime(trimmed, original: input)
        if datePart.isEmpty {
            guard let time else { throw .unrecognized(input) }
            return When(day: today, time: time)
        }
        let text = datePart.lowercased()
        if let day = try english(text, today: today, original: input) {
            return When(day: day, time: time)
        }
        if let day = try chinese(text, today: today, original: input) {
            return When(day: day, time: time)
        }
        throw .unrecognized(input)
    }

    // MARK: - Time of day

    /// Splits a trailing `HH:MM` (with or without a space before it) from the date part.
    private static func splitTime(_ text: String, original: String) throws(DateExpressionError) -> (String, ClockTime?) {
        let chars = Array(text)
        guard let colon = chars.lastIndex(of: ":") else { return (text, nil) }
        // The time is the digits around the last colon, at the end of the text.
        var start = colon
        while start > 0, chars[start - 1].isASCIIDigit { start -= 1 }
        let tail = String(chars[start...])
        guard colon - start >= 1, chars.count - colon == 3, chars[(colon + 1)...].allSatisfy(\.isASCIIDigit) else {
            throw .unrecognized(original)
        }
        guard let time = ClockTime(text: tail) else { throw .noSuchTime(original) }
        return (String(chars[..<start]).trimmingSpaces(), time)
    }

    // MARK: - English and numeric forms

    private static func english(_ text: String, today: Day, original: String) throws(DateExpressionError) -> Day? {
        switch text {
        case "today": return today
        case "tomorrow": return today.adding(days: 1)
        case "yesterday": return today.adding(days: -1)
        case "eow": return today.adding(days: 7 - today.weekday.rawValue)
        case "eom": return today.endOfMonth
        case "eoy": return Day(year: today.year, month: 12, day: 31)
        case "next week": return next(.monday, after: today)
        case "next month": return today.adding(months: 1)
        default: break
        }
        if let weekday = weekday(named: text) { return next(weekday, after: today) }
        if text.hasPrefix("next "), let weekday = weekday(named: String(text.dropFirst(5)).trimmingSpaces()) {
            return day(weekday, weeksFromNow: 1, today: today)
        }
        if let day = relative(text, today: today) { return day }
        return try numeric(text, today: today, original: original)
    }

    private static func weekday(named text: String) -> Weekday? {
        Weekday.allCases.first { $0.name == text || String($0.name.prefix(3)) == text }
    }

    /// `+3d`, `-2d`, `+2w`, `+1m`, `+1y`.
    private static func relative(_ text: String, today: Day) -> Day? {
        guard let sign = text.first, sign == "+" || sign == "-", let unit = text.last else { return nil }
        let digits = text.dropFirst().dropLast()
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCIIDigit), let n = Int(digits) else { return nil }
        let amount = sign == "-" ? -n : n
        switch unit {
        case "d": return today.adding(days: amount)
        case "w": return today.adding(days: 7 * amount)
        case "m": return today.adding(months: amount)
        case "y": return today.adding(months: 12 * amount)
        default: return nil
        }
    }

    /// `2026-12-01`, `2026/12/01`, `12-01`, `12/01`, `1/5`.
    private static func numeric(_ text: String, today: Day, original: String) throws(DateExpressionError) -> Day? {
        let separator: Character = text.contains("/") ? "/" : "-"
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        switch numbers.count {
        case 3 where parts[0].count == 4:
            guard let day = Day(year: numbers[0], month: numbers[1], day: numbers[2]) else {
                throw .noSuchDay(original)
            }
            return day
        case 2 where parts.allSatisfy({ $0.count <= 2 }):
            return try upcoming(month: numbers[0], day: numbers[1], today: today, original: original)
        default:
            return nil
        }
    }

    // MARK: - Chinese forms

    private static func chinese(_ text: String, today: Day, original: String) throws(DateExpressionError) -> Day? {
        switch text {
        case "今天", "今日": return today
        case "明天", "明日": return today.adding(days: 1)
        case "后天": return today.adding(days: 2)
        case "大后天": return today.adding(days: 3)
        case "昨天", "昨日": return today.adding(days: -1)
        case "前天": return today.adding(days: -2)
        case "下周", "下星期", "下礼拜": return next(.monday, after: today)
        case "下个月", "下月": return today.adding(months: 1)
        case "月底", "本月底", "这个月底": return today.endOfMonth
        case "年底": return Day(year: today.year, month: 12, day: 31)
        default: break
        }
        for (prefix, weeks) in [("下周", 1), ("下星期", 1), ("下礼拜", 1), ("本周", 0), ("这周", 0), ("这星期", 0)] {
            if text.hasPrefix(prefix), let weekday = chineseWeekday(String(text.dropFirst(prefix.count))) {
                return day(weekday, weeksFromNow: weeks, today: today)
            }
        }
        for prefix in ["周", "星期", "礼拜"] where text.hasPrefix(prefix) {
            if let weekday = chineseWeekday(String(text.dropFirst(prefix.count))) {
                return next(weekday, after: today)
            }
        }
        if let day = chineseOffset(text, today: today) { return day }
        return try chineseDate(text, today: today, original: original)
    }

    private static func chineseWeekday(_ text: String) -> Weekday? {
        switch text {
        case "一": .monday
        case "二": .tuesday
        case "三": .wednesday
        case "四": .thursday
        case "五": .friday
        case "六": .saturday
        case "日", "天": .sunday
        default: nil
        }
    }

    /// `3天后`, `两周后`, `2个星期后`, `1个月后`.
    private static func chineseOffset(_ text: String, today: Day) -> Day? {
        var body = Substring(text)
        for suffix in ["以后", "之后", "后"] where body.hasSuffix(suffix) {
            body = body.dropLast(suffix.count)
            break
        }
        guard body.count < text.count else { return nil }
        let units: [(String, (Int) -> Day)] = [
            ("个星期", { today.adding(days: 7 * $0) }), ("个礼拜", { today.adding(days: 7 * $0) }),
            ("星期", { today.adding(days: 7 * $0) }), ("周", { today.adding(days: 7 * $0) }),
            ("个月", { today.adding(months: $0) }), ("天", { today.adding(days: $0) }), ("日", { today.adding(days: $0) }),
        ]
        for (unit, apply) in units where body.hasSuffix(unit) {
            if let n = chineseNumber(String(body.dropLast(unit.count))) { return apply(n) }
        }
        return nil
    }

    /// `12月1日`, `12月1号`, `2026年12月1日`.
    private static func chineseDate(_ text: String, today: Day, original: String) throws(DateExpressionError) -> Day? {
        var body = Substring(text)
        guard let last = body.last, last == "日" || last == "号" else { return nil }
        body = body.dropLast()
        var year: Int?
        if let yearMark = body.firstIndex(of: "年") {
            guard let y = Int(body[..<yearMark]), body[..<yearMark].count == 4 else { return nil }
            year = y
            body = body[body.index(after: yearMark)...]
        }
        let parts = body.split(separator: "月", omittingEmptySubsequences: false)
        guard parts.count == 2, let month = chineseNumber(String(parts[0])), let day = chineseNumber(String(parts[1])) else {
            return nil
        }
        if let year {
            guard let d = Day(year: year, month: month, day: day) else { throw .noSuchDay(original) }
            return d
        }
        return try upcoming(month: month, day: day, today: today, original: original)
    }

    /// Arabic digits or Chinese numerals from 1 to 99 (`3`, `三`, `两`, `十二`, `二十五`).
    static func chineseNumber(_ text: String) -> Int? {
        if !text.isEmpty, text.count <= 3, text.allSatisfy(\.isASCIIDigit) { return Int(text) }
        let digits: [Character: Int] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        let chars = Array(text)
        switch chars.count {
        case 1:
            if chars[0] == "十" { return 10 }
            return digits[chars[0]]
        case 2:
            if chars[0] == "十", let units = digits[chars[1]] { return 10 + units }
            if let tens = digits[chars[0]], chars[1] == "十", chars[0] != "两" { return tens * 10 }
            return nil
        case 3:
            guard let tens = digits[chars[0]], chars[1] == "十", let units = digits[chars[2]], chars[0] != "两" else {
                return nil
            }
            return tens * 10 + units
        default:
            return nil
        }
    }

    // MARK: - Shared rules

    /// The next day with this weekday strictly after `today`.
    private static func next(_ weekday: Weekday, after today: Day) -> Day {
        let ahead = (weekday.rawValue - today.weekday.rawValue + 7) % 7
        return today.adding(days: ahead == 0 ? 7 : ahead)
    }

    /// The given weekday of the week `weeks` from the current one (weeks run Monday to Sunday).
    private static func day(_ weekday: Weekday, weeksFromNow weeks: Int, today: Day) -> Day {
        let monday = today.adding(days: 1 - today.weekday.rawValue)
        return monday.adding(days: 7 * weeks + weekday.rawValue - 1)
    }

    /// A month and day without a year: this year's, or the next year's that exists if it has passed
    /// (so `02-29` finds the next leap year).
    private static func upcoming(month: Int, day: Int, today: Day, original: String) throws(DateExpressionError) -> Day {
        guard (1...12).contains(month), (1...31).contains(day), day <= Day.length(ofMonth: month, year: 2000) else {
            throw .noSuchDay(original)
        }
        for year in today.year...(today.year + 8) {
            if let candidate = Day(year: year, month: month, day: day), candidate >= today { return candidate }
        }
        throw .noSuchDay(original)
    }
}

/// Why a date expression could not be read; the message quotes the input.
public enum DateExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
    case unrecognized(String)
    case noSuchDay(String)
    case noSuchTime(String)

    public var description: String {
        switch self {
        case .unrecognized(let input):
            "unrecognized date \(input.quotedForMessage); use \(DateExpression.acceptedForms)"
        case .noSuchDay(let input):
            "no such day: \(input.quotedForMessage)"
        case .noSuchTime(let input):
            "no such time of day in \(input.quotedForMessage); use HH:MM from 00:00 to 23:59"
        }
    }
}

extension Character {
    /// 0–9 only (`isNumber` alone also accepts 五 and ²).
    public var isASCIIDigit: Bool { asciiValue.map { $0 &- UInt8(ascii: "0") < 10 } ?? false }
}

extension StringProtocol {
    /// The text without leading and trailing spaces (ASCII and the ideographic space U+3000).
    public func trimmingSpaces() -> String {
        // Most text has nothing to trim. Those three characters begin with 0x20, 0x09 or 0xE3 and
        // end with 0x20, 0x09 or 0x80 in UTF-8, so other end bytes settle it without walking
        // Characters (an import trims every cell several times).
        var whole = String(self)
        let untouched = whole.withUTF8 { bytes in
            guard let head = bytes.first, let tail = bytes.last else { return true }
            return head != 0x20 && head != 0x09 && head != 0xE3 && tail != 0x20 && tail != 0x09 && tail != 0x80
        }
        if untouched { return whole }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
