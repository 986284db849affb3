import RapportBase

/// A time of day, to the minute.
public struct ClockTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    /// A time of day, or nil when hour or minute is out of range.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// A time of day with hour and minute clamped into range.
    public init(clampingHour hour: Int, minute: Int) {
        self.hour = min(max(hour, 0), 23)
        self.minute = min(max(minute, 0), 59)
    }

    /// Parses `H:MM` or `HH:MM`.
    public init?(text: String) {
        var text = text
        guard let value = text.withUTF8({ b -> ClockTime? in
            guard b.count == 4 || b.count == 5, b[b.count - 3] == 0x3A,
                  let h = Day.digits(b, 0, b.count - 3), let m = Day.digits(b, b.count - 2, 2)
            else { return nil }
            return ClockTime(hour: h, minute: m)
        }) else { return nil }
        self = value
    }

    /// Minutes since midnight.
    public var minutes: Int { hour * 60 + minute }

    /// `HH:MM`.
    public var description: String {
        var sink = ByteSink(capacity: 16)
        appendText(to: &sink)
        return sink.text
    }

    /// Appends `HH:MM` as UTF-8.
    public func appendText(to bytes: inout ByteSink) {
        bytes.appendDigits(UInt(hour), minimumWidth: 2)
        bytes.append(UInt8(ascii: ":"))
        bytes.appendDigits(UInt(minute), minimumWidth: 2)
    }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}

/// A moment on the seller's own wall clock: a day and a time of day, in local time.
///
/// Rapport keeps instants as local wall-clock text (`YYYY-MM-DD HH:MM`): a seller's book
/// lives in one place's time, and keeping it so makes "days since last contact" plain
/// day arithmetic and the file readable in the sqlite3 shell.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let day: Day
    public let time: ClockTime

    public init(day: Day, time: ClockTime) {
        self.day = day
        self.time = time
    }

    /// `YYYY-MM-DD HH:MM`, the form the store keeps; it sorts as text in time order.
    public var text: String {
        // Written once, not joined from three strings: an import writes two for every row.
        var sink = ByteSink(capacity: 16)
        day.appendISO(to: &sink)
        sink.append(UInt8(ascii: " "))
        time.appendText(to: &sink)
        return sink.text
    }

    public var description: String { text }

    /// Parses `YYYY-MM-DD HH:MM` (a `T` separator is accepted too).
    public init?(text: String) {
        // Byte-level and non-generic: the store decodes two of these per customer it reads.
        var text = text
        guard let value = text.withUTF8({ b -> LocalDateTime? in
            guard b.count == 16, b[10] == 0x20 || b[10] == 0x54, b[13] == 0x3A,
                  let day = Day.parseISO(b, from: 0), let h = Day.digits(b, 11, 2), let m = Day.digits(b, 14, 2),
                  let time = ClockTime(hour: h, minute: m)
            else { return nil }
            return LocalDateTime(day: day, time: time)
        }) else { return nil }
        self = value
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.day, lhs.time.minutes) < (rhs.day, rhs.time.minutes)
    }
}
