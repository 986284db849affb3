import RapportBase

/// A calendar day — a birthday, a due date — with no time of day and no time zone.
///
/// Arithmetic runs on a day count since 1970-01-01 (the civil-from-days algorithm), so
/// comparing and offsetting days never goes through Foundation's calendar or the C
/// library's time-zone code, which re-reads /etc/localtime per call when TZ is unset.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let ordinal: Int

    /// The day with this ordinal (days since 1970-01-01).
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The day for a year, month (1–12) and day of month, or nil when no such day exists.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.length(ofMonth: month, year: year) else {
            return nil
        }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// Year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var dayOfMonth: Int { components.day }

    /// The ISO weekday of this day.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO 4).
        let index = ((ordinal % 7) + 7 + 3) % 7
        return Weekday(rawValue: index + 1) ?? .monday
    }

    /// This day moved by a number of days.
    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// This day moved by whole months; the day of month is clamped (Jan 31 + 1 month = Feb 28 or 29).
    public func adding(months: Int) -> Day {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + months
        let year = total >= 0 ? total / 12 : (total - 11) / 12
        let month = total - year * 12 + 1
        let day = min(d, Day.length(ofMonth: month, year: year))
        return Day(year: year, month: month, day: day) ?? self
    }

    /// Whole days from this day to another (positive when `other` is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// The last day of this day's month.
    public var endOfMonth: Day {
        let (y, m, _) = components
        return Day(year: y, month: m, day: Day.length(ofMonth: m, year: y)) ?? self
    }

    /// True for leap years of the proleptic Gregorian calendar.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in a month (1–12) of a year.
    public static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    // MARK: - ISO 8601 text

    /// The day as `YYYY-MM-DD`, the form the store keeps.
    public var iso: String {
        var sink = ByteSink(capacity: 16)
        appendISO(to: &sink)
        return sink.text
    }

    /// Appends `YYYY-MM-DD` as UTF-8.
    public func appendISO(to bytes: inout ByteSink) {
        let (y, m, d) = components
        if y < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.appendDigits(y.magnitude, minimumWidth: 4)
        bytes.append(UInt8(ascii: "-"))
        bytes.appendDigits(UInt(m), minimumWidth: 2)
        bytes.append(UInt8(ascii: "-"))
        bytes.appendDigits(UInt(d), minimumWidth: 2)
    }

    public var description: String { iso }

    /// Parses exactly `YYYY-MM-DD`; nil for anything else or a day that does not exist.
    public init?(iso text: String) {
        // Byte-level and non-generic: the store decodes tens of thousands of these per scan.
        var text = text
        guard let day = text.withUTF8({ $0.count == 10 ? Day.parseISO($0, from: 0) : nil }) else { return nil }
        self = day
    }

    /// Reads the `YYYY-MM-DD` at the start of UTF-8 text (a stored day or timestamp).
    public init?(isoPrefixOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let day = Day.parseISO(bytes, from: 0) else { return nil }
        self = day
    }

    /// Reads the ten bytes `YYYY-MM-DD` at `from` in a UTF-8 buffer.
    static func parseISO(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Day? {
        guard b.count >= i + 10, b[i + 4] == 0x2D, b[i + 7] == 0x2D,
              let y = digits(b, i, 4), let m = digits(b, i + 5, 2), let d = digits(b, i + 8, 2)
        else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// The value of `count` ASCII digits at `from`, or nil.
    static func digits(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
        var value = 0
        for i in from..<(from + count) {
            let d = Int(b[i]) &- 48
            guard d >= 0, d <= 9 else { return nil }
            value = value * 10 + d
        }
        return value
    }

    /// The decimal value of a run of ASCII digits, or nil.
    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for b in bytes {
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }
}

/// A day of the week, numbered as ISO 8601 does (Monday 1 … Sunday 7).
public enum Weekday: Int, CaseIterable, Sendable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// English name, lower case.
    public var name: String {
        switch self {
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        case .sunday: "sunday"
        }
    }

    /// `周一` … `周日`.
    public var chinese: String { "周" + ["一", "二", "三", "四", "五", "六", "日"][rawValue - 1] }

    /// Three-letter English abbreviation, capitalised (`Mon`).
    public var shortName: String {
        let s = String(name.prefix(3))
        return s.prefix(1).uppercased() + s.dropFirst()
    }
}
