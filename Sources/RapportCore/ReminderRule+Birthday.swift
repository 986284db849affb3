import RapportBase

/// Birthdays of customers and their contact persons in the days ahead (`birthday.days`);
/// a 29 February birthday is kept on 28 February in years without one.
public struct BirthdayRule: ReminderRule {
    public var kind: ReminderRuleKind { .birthday }
    public var heading: String { Language.say("Birthdays", "生日") }
    public var tally: String { Language.say("to greet", "待祝贺") }
    public var order: ReminderOrder { .soonest }
    public var settings: [Setting] { [Self.window, Self.weight] }
    public var looksAhead: Bool { true }

    public init() {}

    public func summary(_ settings: ReminderSettings) -> String {
        "birthdays of customers and their contact persons in the next \(settings.birthdayDays) days"
    }

    static let window = Setting.days("birthday.days", "days ahead to show birthdays", \.birthdayDays)
    static let weight = Setting.weight("urgency.birthday", "weight of a birthday on the day", \.birthday)

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        let window = context.settings.birthdayDays
        return inputs.birthdays.compactMap { b in
            guard b.customer.status.isChased else { return nil }
            let on = b.birthday.nextOccurrence(onOrAfter: context.today)
            let until = context.today.days(until: on)
            guard until <= window else { return nil }
            return Reminder(
                customer: b.customer, contactID: b.contactID, days: until,
                terms: UrgencyTerms(grade: context.urgency.grade(b.customer.grade),
                                    birthday: context.urgency.birthdayTerm(daysUntil: until, window: window)),
                reason: .birthday(person: b.contactName, on: on, turns: b.birthday.year.map { on.year - $0 })
            )
        }
    }

    /// The month-days (`MM-DD`) a window of `days` from `today` covers, for the store's
    /// index lookup; `02-29` joins `02-28` in years without it.
    public static func monthDays(from today: Day, days: Int) -> [String] {
        var out: [String] = []
        for offset in 0...max(0, days) {
            let d = today.adding(days: offset)
            out.append(String(d.iso.suffix(5)))
            if d.month == 2, d.dayOfMonth == 28, !Day.isLeap(d.year) { out.append("02-29") }
        }
        return out
    }

    static func write(days: Int, person: String?, on: Day, turns: Int?, to out: inout ByteSink) {
        if Language.current == .zh {
            let when = days == 0 ? "今天" : days == 1 ? "明天" : "\(days)天后"
            out.append((person.map { $0 + "的" } ?? "") + "生日：" + when + "（" + RelativeDay.chinese(on, withYear: false) + " " + on.weekday.chinese + "）"
                       + (turns.map { "，满\($0)岁" } ?? ""))
            return
        }
        if let person {
            out.append(person)
            out.append("'s birthday ")
        } else {
            out.append("birthday ")
        }
        switch days {
        case 0: out.append("today")
        case 1: out.append("tomorrow")
        default:
            out.append("in ")
            out.appendDecimal(days)
            out.append(" days")
        }
        out.append(" (")
        out.append(on.weekday.shortName)
        out.append(" ")
        on.appendISO(to: &out)
        out.append(")")
        if let turns {
            out.append(", turns ")
            out.appendDecimal(turns)
        }
    }
}

extension ScanPlan {
    /// Birthdays on these month-days (`MM-DD`), 29 February included in years without it
    /// when 28 February is in the window.
    public var birthdayMonthDays: [String] { BirthdayRule.monthDays(from: today, days: settings.birthdayDays) }
}
