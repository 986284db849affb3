/// Days said the way a seller says them: `today`, `tomorrow`, `in 4 days`, `3 days ago`.
public enum RelativeDay {
    public static func describe(_ day: Day, today: Day) -> String {
        let n = today.days(until: day)
        switch n {
        case 0: return "today"
        case 1: return "tomorrow"
        case -1: return "yesterday"
        case 2...: return "in \(n) days"
        default: return "\(-n) days ago"
        }
    }

    /// `Fri 2026-11-27`.
    public static func dated(_ day: Day) -> String {
        day.weekday.shortName + " " + day.iso
    }

    /// `Fri 2026-11-27 14:30`, or without the time when it has none.
    public static func dated(_ when: When) -> String {
        dated(when.day) + (when.time.map { " " + $0.description } ?? "")
    }
}
