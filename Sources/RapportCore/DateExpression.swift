import RapportBase

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
/// `12-01`, `12.1`, `明天`, `下周一`, `3天后`, `12月1日`, `15号`, `月初`, each optionally
/// with a time of day (`14:30`, `2pm`, `下午3点`, `9点半`).
public enum DateExpression {
    /// The accepted forms, as help text lists them.
    public static let acceptedForms =
        "today, tomorrow, yesterday, +3d, +2w, +1m, -2d, fri, next week, next fri, eow, eom, "
        + "2026-12-01, 12-01, 12/01, 12.1, 今天, 明天, 后天, 周五, 星期五, 下周一, 下下周一, 3天后, 两周后, 下个月, "
        + "15号, 月初, 月中, 月底, 下月初, 12月1日, optionally with a time: 14:30, 2pm, 9:30am, 下午3点, 9点半"

    /// A few forms, for the message that refuses a date.
    static var exampleForms: String {
        Language.say("tomorrow, +3d, fri, next fri, 12-01, 明天, 下周一, 15号 or 14:30", "明天、下周一、周五、15号、12-01、+3d 或 14:30")
    }

    /// Parses a date expression relative to `today`.
    public static func parse(_ input: String, today: Day) throws(DateExpressionError) -> When {
        // Full-width digits and signs (`１５号`, `14：30`) are what a Chinese input method types.
        let trimmed = SearchKeys.fold(input).trimmingSpaces()
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

    /// Splits a trailing time of day from the date part: `14:30`, `2pm`, `9:30am`, `下午3点`,
    /// `9点半`, `3点15分`, with or without a space before it.
    private static func splitTime(_ text: String, original: String) throws(DateExpressionError) -> (String, ClockTime?) {
        var chars = Array(text)
        var meridiem: Character?
        if chars.count >= 2, let m = chars[chars.count - 2].lowercased().first, m == "a" || m == "p",
           chars[chars.count - 1].lowercased() == "m" {
            let rest = String(chars.dropLast(2)).trimmingSpaces()
            if rest.last?.isASCIIDigit == true {
                meridiem = m
                chars = Array(rest)
            }
        }
        var time: (hour: Int, minute: Int, start: Int)
        if let colon = chars.lastIndex(of: ":") {
            // The time is the digits around the last colon, at the end of the text.
            var start = colon
            while start > 0, chars[start - 1].isASCIIDigit { start -= 1 }
            guard colon - start >= 1, chars.count - colon == 3, chars[(colon + 1)...].allSatisfy(\.isASCIIDigit) else {
                throw .unrecognized(original)
            }
            guard let clock = ClockTime(text: String(chars[start...])) else { throw .noSuchTime(original) }
            time = (clock.hour, clock.minute, start)
        } else if meridiem != nil {
            var start = chars.count
            while start > 0, chars[start - 1].isASCIIDigit { start -= 1 }
            guard chars.count - start <= 2, let hour = Int(String(chars[start...])) else { throw .noSuchTime(original) }
            time = (hour, 0, start)
        } else if let chinese = try chineseTime(chars, original: original) {
            time = chinese
        } else {
            return (text, nil)
        }
        var datePart = String(chars[..<time.start]).trimmingSpaces()
        if let meridiem {
            guard (1...12).contains(time.hour) else { throw .noSuchTime(original) }
            time.hour = time.hour % 12 + (meridiem == "p" ? 12 : 0)
        } else if let (word, afternoon) = dayParts.first(where: { datePart.hasSuffix($0.0) }) {
            datePart = String(datePart.dropLast(word.count)).trimmingSpaces()
            // 中午1点 is one in the afternoon, 中午12点 noon.
            if afternoon, time.hour < 12, word != "中午" || time.hour < 6 { time.hour += 12 }
        }
        guard let clock = ClockTime(hour: time.hour, minute: time.minute) else { throw .noSuchTime(original) }
        return (datePart, clock)
    }

    /// The parts of a Chinese day before a time, and whether they are past noon.
    private static let dayParts: [(String, Bool)] = [
        ("凌晨", false), ("早上", false), ("早晨", false), ("上午", false),
        ("中午", true), ("下午", true), ("傍晚", true), ("晚上", true),
    ]

    /// `3点`, `十点`, `9点半`, `3点15分`, `3点15`, `8点钟` at the end of the text: the hour,
    /// the minute and where the time begins.
    private static func chineseTime(_ chars: [Character], original: String) throws(DateExpressionError) -> (hour: Int, minute: Int, start: Int)? {
        guard let mark = chars.lastIndex(of: "点") else { return nil }
        var after = String(chars[(mark + 1)...])
        let minute: Int
        switch after {
        case "", "钟", "整": minute = 0
        case "半": minute = 30
        default:
            if after.hasSuffix("分") { after.removeLast() }
            guard let m = chineseNumber(after) else { return nil }
            minute = m
        }
        let numerals: Set<Character> = ["一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十"]
        var start = mark
        if start > 0, chars[start - 1].isASCIIDigit {
            while start > 0, chars[start - 1].isASCIIDigit { start -= 1 }
        } else {
            while start > 0, mark - start < 3, numerals.contains(chars[start - 1]) { start -= 1 }
            // In 周一十点 the 一 is the weekday's.
            if start > 0, "周期拜".contains(chars[start - 1]), start < mark - 1 { start += 1 }
        }
        guard start < mark, let hour = chineseNumber(String(chars[start..<mark])) else { return nil }
        guard hour <= 23, minute <= 59 else { throw .noSuchTime(original) }
        return (hour, minute, start)
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

    /// `2026-12-01`, `2026/12/01`, `2026.12.01`, `12-01`, `12/01`, `12.1`, `1/5`.
    private static func numeric(_ text: String, today: Day, original: String) throws(DateExpressionError) -> Day? {
        let separator: Character = text.contains("/") ? "/" : text.contains(".") ? "." : "-"
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
        case "月初": return try nextDay(ofMonth: 1, today: today, original: original)
        case "月中": return try nextDay(ofMonth: 15, today: today, original: original)
        case "月底", "本月底", "这个月底": return today.endOfMonth
        case "下月初", "下个月初": return firstOfNextMonth(today)
        case "下月中", "下个月中": return firstOfNextMonth(today).adding(days: 14)
        case "下月底", "下个月底": return firstOfNextMonth(today).endOfMonth
        case "下下周", "下下星期", "下下礼拜": return day(.monday, weeksFromNow: 2, today: today)
        case "年底": return Day(year: today.year, month: 12, day: 31)
        default: break
        }
        for (prefix, weeks) in [("下下周", 2), ("下下星期", 2), ("下下礼拜", 2), ("下周", 1), ("下星期", 1), ("下礼拜", 1), ("本周", 0), ("这周", 0), ("这星期", 0)] {
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

    /// `12月1日`, `12月1号`, `2026年12月1日`, and `15号` alone.
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
        if parts.count == 1, year == nil, let day = chineseNumber(String(body)) {
            return try nextDay(ofMonth: day, today: today, original: original)
        }
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

    // MARK: - Typos

    /// The input with each misspelt word put right (`next tuesdy` → `next tue`), when that
    /// is a date; nil when nothing near reads as one.
    static func nearestForm(to input: String) -> String? {
        let words = input.lowercased().split(separator: " ").map(String.init)
        let fixed = words.map { word in
            if spelled[word] != nil { return word }
            return NearestWord.to(word, among: spelledWords).flatMap { spelled[$0] } ?? word
        }
        guard fixed != words, !fixed.isEmpty else { return nil }
        let form = fixed.joined(separator: " ")
        // Whether a form reads does not hang on the day; any will do.
        return (try? parse(form, today: Day(ordinal: 0))) == nil ? nil : form
    }

    /// The English words of the grammar, each with the form a suggestion writes it in.
    private static let spelled: [String: String] = {
        var words = ["today", "tomorrow", "yesterday", "next", "week", "month", "eow", "eom", "eoy"].map { ($0, $0) }
        for weekday in Weekday.allCases {
            let short = String(weekday.name.prefix(3))
            words += [(weekday.name, short), (short, short)]
        }
        return Dictionary(words, uniquingKeysWith: { first, _ in first })
    }()

    /// `spelled`'s words in a fixed order, so a tie goes the same way every time.
    private static let spelledWords = spelled.keys.sorted()

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

    /// The next day with this day of the month, today when it is today (`31号` skips the
    /// months without a 31st).
    private static func nextDay(ofMonth day: Int, today: Day, original: String) throws(DateExpressionError) -> Day {
        guard (1...31).contains(day) else { throw .noSuchDay(original) }
        let first = Day(year: today.year, month: today.month, day: 1) ?? today
        // Every day up to the 31st comes round within a year.
        for months in 0...12 {
            let month = first.adding(months: months)
            if let candidate = Day(year: month.year, month: month.month, day: day), candidate >= today { return candidate }
        }
        throw .noSuchDay(original)
    }

    private static func firstOfNextMonth(_ today: Day) -> Day {
        let next = today.adding(months: 1)
        return Day(year: next.year, month: next.month, day: 1) ?? next
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
            Language.say("unrecognized date \(input.quotedForMessage); ", "看不懂的日期 \(input.quotedForMessage)；")
                + (DateExpression.nearestForm(to: input).map { Language.say("did you mean \($0.quotedForMessage)?", "是不是 \($0.quotedForMessage)？") }
                    ?? Language.say("try ", "可以写 ") + DateExpression.exampleForms)
        case .noSuchDay(let input):
            Language.say("no such day: \(input.quotedForMessage)", "没有这一天：\(input.quotedForMessage)")
        case .noSuchTime(let input):
            Language.say("no such time of day in \(input.quotedForMessage); use HH:MM from 00:00 to 23:59",
                         "\(input.quotedForMessage) 里的时间不存在；写 00:00 到 23:59 之间的 HH:MM")
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
