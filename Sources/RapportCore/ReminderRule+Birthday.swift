/// Birthdays of customers and their contact persons in the days ahead (`birthday.days`);
/// a 29 February birthday is kept on 28 February in years without one.
public struct BirthdayRule: ReminderRule {
    public var kind: ReminderRuleKind { .birthday }

    public init() {}

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
}
