import RapportBase

/// A birthday: month and day, with the year when it is known.
public struct Birthday: Hashable, Sendable, CustomStringConvertible {
    public let month: Int
    public let day: Int
    public let year: Int?

    /// A birthday, or nil when the month and day (in that year, or in a leap year when the year
    /// is unknown) do not exist.
    public init?(month: Int, day: Int, year: Int? = nil) {
        guard (1...12).contains(month), day >= 1, day <= Day.length(ofMonth: month, year: year ?? 2000) else {
            return nil
        }
        self.month = month
        self.day = day
        self.year = year
    }

    /// Reads `1980-03-15`, `03-15`, `--03-15` (vCard's form without a year), `3/15` or `3月15日`.
    public init?(text: String) {
        // The store's two forms, read from bytes: the reminder scan reads hundreds of these.
        var stored = text
        if let fast = stored.withUTF8({ b -> Birthday?? in
            if b.count == 10, let day = Day.parseISO(b, from: 0) {
                return .some(Birthday(month: day.month, day: day.dayOfMonth, year: day.year))
            }
            if b.count == 7, b[0] == 0x2D, b[1] == 0x2D, b[4] == 0x2D, let m = Day.digits(b, 2, 2), let d = Day.digits(b, 5, 2) {
                return .some(Birthday(month: m, day: d))
            }
            return nil
        }) {
            guard let fast else { return nil }
            self = fast
            return
        }
        let t = text.trimmingSpaces()
        if let d = Day(iso: t) {
            self.init(month: d.month, day: d.dayOfMonth, year: d.year)
            return
        }
        let body = t.hasPrefix("--") ? String(t.dropFirst(2)) : t
        let parts: [String]
        if body.hasSuffix("日") || body.hasSuffix("号") {
            parts = body.dropLast().split(separator: "月", omittingEmptySubsequences: false).map(String.init)
        } else {
            parts = body.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" }.map(String.init)
        }
        if parts.count == 3, !body.contains("-"), let numbers = Optional(parts.compactMap { Int($0) }), numbers.count == 3 {
            // Address books write 1991/01/20, 20/01/1991 (most of the world) or 01/20/1991 (the
            // US); the order is read only where the numbers leave no doubt.
            let (a, b, c) = (numbers[0], numbers[1], numbers[2])
            let (y, m, d): (Int, Int, Int)
            if parts[0].count == 4 { (y, m, d) = (a, b, c) }
            else if parts[2].count == 4, a > 12, b <= 12 { (y, m, d) = (c, b, a) }
            else if parts[2].count == 4, b > 12, a <= 12 { (y, m, d) = (c, a, b) }
            else { return nil }
            guard let day = Day(year: y, month: m, day: d) else { return nil }
            self.init(month: day.month, day: day.dayOfMonth, year: day.year)
            return
        }
        guard parts.count == 2, let m = DateExpression.chineseNumber(parts[0]), let d = DateExpression.chineseNumber(parts[1])
        else { return nil }
        self.init(month: m, day: d)
    }

    /// `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (the store's form, as in vCard 4).
    public var description: String {
        var bytes = ByteSink(capacity: 16)
        if let year {
            bytes.appendDigits(UInt(max(year, 0)), minimumWidth: 4)
            bytes.append(UInt8(ascii: "-"))
        } else {
            bytes.append("--")
        }
        bytes.appendDigits(UInt(month), minimumWidth: 2)
        bytes.append(UInt8(ascii: "-"))
        bytes.appendDigits(UInt(day), minimumWidth: 2)
        return bytes.text
    }

    /// As people write it: `1980-03-15`, or `03-15` when the year is unknown.
    public var shown: String { year == nil ? String(description.dropFirst(2)) : description }

    /// The next day, on or after `today`, that this birthday falls on; 29 February is
    /// kept on 28 February in years without it.
    public func nextOccurrence(onOrAfter today: Day) -> Day {
        for year in today.year...(today.year + 1) {
            let d = min(day, Day.length(ofMonth: month, year: year))
            if let candidate = Day(year: year, month: month, day: d), candidate >= today { return candidate }
        }
        return today
    }
}
