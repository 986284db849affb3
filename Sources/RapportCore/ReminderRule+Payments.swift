import RapportBase

/// Instalments with money still owed, overdue or due within `payment.days`: collecting
/// the money (回款) is the end of the sale.
public struct PaymentDueRule: ReminderRule {
    public var kind: ReminderRuleKind { .payment }
    public var heading: String { Language.say("Payments due (回款)", "待回款") }
    public var tally: String { Language.say("to collect", "待回款") }
    public var settings: [Setting] { [Self.ahead, Self.weight] }

    public init() {}

    public func summary(_ settings: ReminderSettings) -> String {
        "instalments with money owed, overdue or due within \(settings.paymentDays) days"
    }

    static let ahead = Setting.days("payment.days", "days ahead to show instalments coming due", \.paymentDays)
    static let weight = Setting.weight("urgency.payment", "weight of an instalment's due date", \.payment)

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        inputs.instalmentsDue.compactMap { i in
            let ahead = context.today.days(until: i.dueOn)
            guard i.remaining.minorUnits > 0, ahead <= context.settings.paymentDays else { return nil }
            return Reminder(
                customer: i.customer, dealID: i.dealID, contractID: i.contractID, instalmentID: i.id, days: -ahead,
                terms: UrgencyTerms(grade: context.urgency.grade(i.customer.grade), payment: context.urgency.paymentTerm(daysUntilDue: ahead)),
                reason: .payment(contract: i.contractNumber, position: i.position, due: i.dueOn, remaining: i.remaining)
            )
        }
    }

    static func write(days: Int, contract: String, position: Int, due: Day, remaining: Money, to out: inout ByteSink) {
        if Language.current == .zh {
            let when = days > 0 ? "逾期\(days)天（" : days == 0 ? "今天到期（" : "\(-days)天后到期（"
            out.append(contract + "第\(position)期 " + remaining.said + " " + when
                       + RelativeDay.chinese(due, today: due.adding(days: days)) + (days > 0 ? "到期）" : "）"))
            return
        }
        out.append(remaining.formatted)
        out.append(" ")
        out.append(remaining.currency.code)
        out.append(" on ")
        out.append(contract)
        out.append("/")
        out.appendDecimal(position)
        switch days {
        case 1...:
            out.append(" is ")
            out.appendDecimal(days)
            out.append(days == 1 ? " day overdue (due " : " days overdue (due ")
        case 0: out.append(" is due today (")
        default:
            out.append(" is due in ")
            out.appendDecimal(-days)
            out.append(days == -1 ? " day (" : " days (")
        }
        due.appendISO(to: &out)
        out.append(")")
    }
}

/// Contracts ending within `renewal.days`, unless a deal for the customer has been begun
/// since the window opened (the renewal is under way).
public struct RenewalRule: ReminderRule {
    public var kind: ReminderRuleKind { .renewal }
    public var heading: String { Language.say("Contracts up for renewal", "待续约的合同") }
    public var tally: String { Language.say("to renew", "待续约") }
    public var settings: [Setting] { [Self.window, Self.weight] }
    public var looksAhead: Bool { true }

    public init() {}

    public func summary(_ settings: ReminderSettings) -> String {
        settings.renewalDays > 0
            ? "contracts ending within \(settings.renewalDays) days with no new deal begun for the customer" : "contract renewals (off)"
    }

    static let window = Setting.days("renewal.days", "days before a contract ends to suggest its renewal", none: true, \.renewalDays)
    static let weight = Setting.weight("urgency.renewal", "weight of a contract ending, on the day", \.renewal)

    public func reminders(from inputs: ReminderInputs, context: ScanContext) -> [Reminder] {
        let window = context.settings.renewalDays
        return inputs.endingContracts.compactMap { c in
            let ahead = context.today.days(until: c.endsOn)
            guard window > 0, (0...window).contains(ahead) else { return nil }
            return Reminder(
                customer: c.customer, dealID: c.dealID, contractID: c.id, days: ahead,
                terms: UrgencyTerms(grade: context.urgency.grade(c.customer.grade),
                                    renewal: context.urgency.renewalTerm(daysUntil: ahead, window: window)),
                reason: .renewal(contract: c.number, ends: c.endsOn)
            )
        }
    }

    static func write(days: Int, contract: String, ends: Day, to out: inout ByteSink) {
        if Language.current == .zh {
            // Spaced: a contract number runs into the days after it otherwise (`HT-143天后`).
            out.append("合同 " + contract + (days == 0 ? " 今天到期（" : " \(days)天后到期（")
                       + RelativeDay.chinese(ends, today: ends.adding(days: -days)) + "）——续约吗？")
            return
        }
        out.append("contract ")
        out.append(contract)
        out.append(days == 0 ? " ends today (" : " ends in ")
        if days != 0 {
            out.appendDecimal(days)
            out.append(days == 1 ? " day (" : " days (")
        }
        ends.appendISO(to: &out)
        out.append(") — renew?")
    }
}

extension ScanPlan {
    /// Instalments with money owed due on or before this day (overdue ones included).
    public var paymentsDueBy: Day { today.adding(days: settings.paymentDays) }
    /// Contracts ending from today to this day are up for renewal; nil when the rule is off.
    public var renewalBy: Day? { settings.renewalDays > 0 ? today.adding(days: settings.renewalDays) : nil }
}
