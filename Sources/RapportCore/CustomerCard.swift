import RapportBase

/// Everything `rapport show` and the TUI's card show about one customer.
public struct CustomerCard: Hashable, Sendable {
    public var customer: Customer
    public var contacts: [ContactPerson]
    /// Open follow-ups, soonest first.
    public var openFollowUps: [FollowUp]
    /// Interactions, newest first.
    public var timeline: [Interaction]
    /// Deals: open ones first, by expected close.
    public var deals: [Deal]
    /// Contracts, newest first, with their instalments.
    public var contracts: [Contract]
    /// Every stage move of the customer's deals and every payment, for the timeline.
    public var moves: [StageStay]
    public var payments: [Payment]

    public init(customer: Customer, contacts: [ContactPerson], openFollowUps: [FollowUp], timeline: [Interaction],
                deals: [Deal] = [], contracts: [Contract] = [], moves: [StageStay] = [], payments: [Payment] = []) {
        self.customer = customer
        self.contacts = contacts
        self.openFollowUps = openFollowUps
        self.timeline = timeline
        self.deals = deals
        self.contracts = contracts
        self.moves = moves
        self.payments = payments
    }

    /// Interactions, stage moves and payments together, newest first. A payment has a day,
    /// not a time: it sorts at the end of its day.
    public var entries: [TimelineEntry] {
        // Each list oldest first, so a later place breaks a tie of the same minute.
        var all = timeline.reversed().map(TimelineEntry.interaction)
        all += moves.map(TimelineEntry.stageMove)
        all += payments.map(TimelineEntry.payment)
        return all.enumerated().sorted { a, b in
            (a.element.at, a.element.order, a.offset) > (b.element.at, b.element.order, b.offset)
        }.map(\.element)
    }

    /// What is still owed on the customer's contracts, per currency (overpayments leave out).
    public var outstanding: [Money] {
        get throws(RapportError) {
            var owed: [Currency: Int64] = [:]
            for c in contracts where c.outstanding.minorUnits > 0 {
                let currency = c.outstanding.currency
                owed[currency] = try Money.sum(owed[currency] ?? 0, c.outstanding.minorUnits, of: "what \(customer.name) owes in \(currency.code)")
            }
            return owed.keys.sorted { $0.code < $1.code }.map { Money(minorUnits: owed[$0] ?? 0, currency: $0) }
        }
    }

    /// The deal a stage move belongs to.
    public func deal(_ id: Int64) -> Deal? { deals.first { $0.id == id } }

    /// The contract and instalment a payment went to.
    public func instalment(of payment: Payment) -> (contract: Contract, position: Int)? {
        guard let contract = contracts.first(where: { $0.id == payment.contractID }),
              let i = contract.instalments.first(where: { $0.id == payment.instalmentID }) else { return nil }
        return (contract, i.position)
    }
}

/// One line of a customer's timeline.
public enum TimelineEntry: Hashable, Sendable {
    case interaction(Interaction)
    case stageMove(StageStay)
    case payment(Payment)

    /// When it happened; a payment at the end of its day.
    public var at: LocalDateTime {
        switch self {
        case .interaction(let i): i.at
        case .stageMove(let s): s.enteredAt
        case .payment(let p): LocalDateTime(day: p.paidOn, time: ClockTime(clampingHour: 23, minute: 59))
        }
    }

    /// Among entries of the same minute, a move is taken to follow the call that led to it.
    fileprivate var order: Int {
        switch self {
        case .interaction: 0
        case .stageMove: 1
        case .payment: 2
        }
    }
}

extension CustomerCard {
    /// `deal 1 年度服务: needs → proposal · 需求确认` (user text as typed: sanitize to print).
    public func describe(move: StageStay) -> String {
        let title = deal(move.dealID).map { " " + $0.title } ?? ""
        let path = (move.from.map { $0.said + " → " } ?? Language.say("new, ", "新建，")) + move.stage.said
        let reason = move.stage == .lost ? deal(move.dealID)?.lostReason.map { Language.say(" (\($0.rawValue))", "（\($0.chinese)）") } ?? "" : ""
        return Language.say("deal \(move.dealID)", "商机 \(move.dealID)") + "\(title): \(path)\(reason)" + (move.note.isEmpty ? "" : " · " + move.note)
    }

    /// `received 5,000.00 CNY on 2026-001/1 · bank ref`, and for a voided one
    /// ` — void since 2026-11-24: wrong contract` (user text as typed: sanitize to print).
    public func describe(payment: Payment) -> String {
        let target = instalment(of: payment).map { Language.say(" on \($0.contract.number)/\($0.position)", " · \($0.contract.number)第\($0.position)期") } ?? ""
        let void = payment.voidedAt.map { Language.say(" — void since \($0.day.iso)", " —— \($0.day.iso) 起作废") + (payment.voidNote.isEmpty ? "" : ": " + payment.voidNote) } ?? ""
        return Language.say("received ", "收到 ") + "\(payment.amount.formatted) \(payment.amount.currency.code)\(target)"
            + (payment.note.isEmpty ? "" : " · " + payment.note) + void
    }
}
