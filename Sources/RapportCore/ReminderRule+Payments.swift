/// Instalments with money still owed, overdue or due within `payment.days`: collecting
/// the money (回款) is the end of the sale.
public struct PaymentDueRule: ReminderRule {
    public var kind: ReminderRuleKind { .payment }

    public init() {}

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
}

/// Contracts ending within `renewal.days`, unless a deal for the customer has been begun
/// since the window opened (the renewal is under way).
public struct RenewalRule: ReminderRule {
    public var kind: ReminderRuleKind { .renewal }

    public init() {}

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
}
