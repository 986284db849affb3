import RapportBase

/// Days said the way a seller says them: `today`, `tomorrow`, `in 4 days`, `3 days ago`.
public enum RelativeDay {
    public static func describe(_ day: Day, today: Day) -> String {
        let n = today.days(until: day)
        switch n {
        case 0: return Language.say("today", "今天")
        case 1: return Language.say("tomorrow", "明天")
        case -1: return Language.say("yesterday", "昨天")
        case 2...: return Language.say("in \(n) days", "\(n)天后")
        default: return Language.say("\(-n) days ago", "\(-n)天前")
        }
    }

    /// `Fri 2026-11-27`; in Chinese `11月27日 周五`, with the year unless it is `today`'s.
    public static func dated(_ day: Day, today: Day? = nil) -> String {
        Language.say(day.weekday.shortName + " " + day.iso, chinese(day, withYear: day.year != today?.year) + " " + day.weekday.chinese)
    }

    /// `Fri 2026-11-27 14:30`, or without the time when it has none.
    public static func dated(_ when: When, today: Day? = nil) -> String {
        dated(when.day, today: today) + (when.time.map { " " + $0.description } ?? "")
    }

    /// `11月27日`, with the year when it is not `today`'s.
    public static func chinese(_ day: Day, today: Day) -> String {
        chinese(day, withYear: day.year != today.year)
    }

    /// `11月27日`, or `2026年11月27日`.
    public static func chinese(_ day: Day, withYear: Bool) -> String {
        (withYear ? "\(day.year)年" : "") + "\(day.month)月\(day.dayOfMonth)日"
    }
}
