/// A signed contract and its payment plan: what the customer owes, and when.
public struct Contract: Hashable, Sendable {
    public var id: Int64?
    public var customerID: Int64
    /// The deal it closed; nil for a contract recorded by itself (one signed before Rapport).
    public var dealID: Int64?
    /// The seller's contract number, unique in the book (`2026-007`, `HT-0451`).
    public var number: String
    public var signedOn: Day
    public var startsOn: Day
    public var endsOn: Day?
    public var amount: Money
    /// What has been paid so far, all instalments together.
    public var received: Money
    /// Due dates and amounts, in order; they add up to the amount.
    public var instalments: [Instalment]
    public var createdAt: LocalDateTime

    public init(customerID: Int64, dealID: Int64? = nil, number: String, signedOn: Day, startsOn: Day, endsOn: Day?,
                amount: Money, instalments: [Instalment], createdAt: LocalDateTime) {
        self.customerID = customerID
        self.dealID = dealID
        self.number = number
        self.signedOn = signedOn
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.amount = amount
        self.received = Money(minorUnits: 0, currency: amount.currency)
        self.instalments = instalments
        self.createdAt = createdAt
    }

    /// The contract amount less what has been received; negative when overpaid.
    public var outstanding: Money { Money(minorUnits: amount.minorUnits - received.minorUnits, currency: amount.currency) }

    /// Checks the number, the dates and that the plan adds up to the amount.
    public func validated() throws(RapportError) -> Contract {
        var c = self
        c.number = try FieldLimits.required(number, field: "contract number", limit: FieldLimits.contractNumber)
        guard !c.number.contains("/") else {
            throw .invalid(field: "contract number", value: number, expected: "a contract number has no slash (it names instalments: 2026-001/2)")
        }
        guard amount.minorUnits > 0 else {
            throw .invalid(field: "contract amount", value: amount.formatted, expected: "a contract is for more than nothing")
        }
        if let endsOn, endsOn < startsOn {
            throw .invalid(field: "end", value: endsOn.iso, expected: "a contract cannot end before it starts (\(startsOn.iso))")
        }
        guard !instalments.isEmpty else { throw .invalid(field: "payment plan", value: "", expected: "a plan has at least one instalment") }
        let planned = instalments.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        guard planned == amount.minorUnits else {
            throw .invalid(field: "payment plan", value: Money(minorUnits: planned, currency: amount.currency).formatted,
                           expected: "the instalments must add up to the contract's \(amount.formatted)")
        }
        return c
    }
}

/// One payment due under a contract.
public struct Instalment: Hashable, Sendable {
    public var id: Int64?
    /// 1, 2, … in due order: `2026-001/2` is the second.
    public var position: Int
    public var dueOn: Day
    public var amount: Money
    public var received: Money

    public init(id: Int64? = nil, position: Int, dueOn: Day, amount: Money, received: Money? = nil) {
        self.id = id
        self.position = position
        self.dueOn = dueOn
        self.amount = amount
        self.received = received ?? Money(minorUnits: 0, currency: amount.currency)
    }

    /// What is still to come in on it (never below zero: an overpayment is the contract's credit).
    public var remaining: Money { Money(minorUnits: max(0, amount.minorUnits - received.minorUnits), currency: amount.currency) }

    public var isPaid: Bool { received.minorUnits >= amount.minorUnits }
}

/// Money received against an instalment.
public struct Payment: Hashable, Sendable {
    public var id: Int64?
    public var contractID: Int64
    public var instalmentID: Int64
    public var paidOn: Day
    public var amount: Money
    public var note: String
    /// When it was voided: a payment recorded by mistake stays listed, but counts nowhere.
    public var voidedAt: LocalDateTime?
    /// Why it was voided.
    public var voidNote = ""

    public init(contractID: Int64, instalmentID: Int64, paidOn: Day, amount: Money, note: String = "") {
        self.contractID = contractID
        self.instalmentID = instalmentID
        self.paidOn = paidOn
        self.amount = amount
        self.note = note
    }
}

/// How a contract's amount falls due: worked out from what the seller typed, exactly, with
/// no minor unit lost or made up.
public enum PaymentPlan {
    /// `count` instalments a month apart from `first`; the remainder of the division goes on
    /// the last, so they add up to the total to the minor unit.
    public static func even(total: Money, count: Int, first: Day) throws(RapportError) -> [Instalment] {
        guard (1...120).contains(count) else {
            throw .invalid(field: "instalments", value: String(count), expected: "use 1 to 120 instalments")
        }
        let base = total.minorUnits / Int64(count)
        let remainder = total.minorUnits - base * Int64(count)
        return (0..<count).map { i in
            Instalment(position: i + 1, dueOn: first.adding(months: i),
                       amount: Money(minorUnits: base + (i == count - 1 ? remainder : 0), currency: total.currency))
        }
    }

    /// A plan as typed: `2026-12-01 30%, 2027-01-15 12,000, 2027-03-01 rest` — each entry a
    /// day (any date expression) and an amount, a percentage of the total, or `rest`
    /// (剩余, 尾款) for what the others leave. Without `rest` the entries must add up to the
    /// total exactly. Instalments are numbered in due order.
    public static func parse(_ text: String, total: Money, today: Day) throws(RapportError) -> [Instalment] {
        // A comma after a digit with exactly three digits following groups thousands (12,000);
        // any other comma or semicolon ends an entry.
        let chars = Array(text)
        let endsEntry = { (i: Int) -> Bool in
            switch chars[i] {
            case "，", ";", "；": return true
            case ",": return !(i > 0 && chars[i - 1].isASCIIDigit && chars[(i + 1)...].prefix(while: \.isASCIIDigit).count == 3)
            default: return false
            }
        }
        let entries = chars.indices.split(whereSeparator: endsEntry).map { String(chars[$0]).trimmingSpaces() }.filter { !$0.isEmpty }
        guard !entries.isEmpty else { throw .invalid(field: "payment plan", value: text, expected: "write 2026-12-01 30%, 2027-01-15 rest") }
        guard entries.count <= 120 else { throw .invalid(field: "payment plan", value: text, expected: "a plan has at most 120 instalments") }
        var planned: [(day: Day, amount: Int64?)] = []
        for entry in entries {
            guard let space = entry.lastIndex(of: " ") else {
                throw .invalid(field: "payment plan entry", value: entry, expected: "write a day and an amount: 2026-12-01 30%")
            }
            let when = String(entry[..<space])
            let amountText = entry[entry.index(after: space)...].trimmingSpaces()
            let day: Day
            do {
                day = try DateExpression.parse(when, today: today).day
            } catch { throw .date(error) }
            if ["rest", "剩余", "尾款", "余款"].contains(amountText.lowercased()) {
                guard !planned.contains(where: { $0.amount == nil }) else {
                    throw .invalid(field: "payment plan", value: text, expected: "only one entry can be the rest")
                }
                planned.append((day, nil))
            } else if amountText.hasSuffix("%") {
                let points: Int
                do {
                    points = try DealItem.percentBasisPoints(String(amountText.dropLast()), typed: amountText)
                } catch {
                    throw .invalid(field: "payment plan entry", value: amountText,
                                   expected: "write a share of the total from 0% to 100%, e.g. 30% or 12.5%")
                }
                // Percentages round down; the rest (or the exact-sum check) settles the difference.
                // Split so that a large total times the basis points cannot overflow.
                let whole = total.minorUnits / 10_000, part = total.minorUnits % 10_000
                planned.append((day, whole * Int64(points) + part * Int64(points) / 10_000))
            } else {
                do {
                    planned.append((day, try Money(parsing: amountText, currency: total.currency).minorUnits))
                } catch { throw .money(error) }
            }
        }
        let fixed = planned.compactMap(\.amount).reduce(0, +)
        if planned.contains(where: { $0.amount == nil }) {
            guard fixed < total.minorUnits else {
                throw .invalid(field: "payment plan", value: Money(minorUnits: fixed, currency: total.currency).formatted,
                               expected: "the other entries already reach the total \(total.formatted); nothing is left for the rest")
            }
        } else if fixed != total.minorUnits {
            throw .invalid(field: "payment plan", value: Money(minorUnits: fixed, currency: total.currency).formatted,
                           expected: "the entries must add up to \(total.formatted), or end one with rest")
        }
        for entry in planned where (entry.amount ?? 1) <= 0 {
            throw .invalid(field: "payment plan", value: text, expected: "every instalment must be more than nothing")
        }
        let ordered = planned.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
        return ordered.enumerated().map { position, entry in
            Instalment(position: position + 1, dueOn: entry.element.day,
                       amount: Money(minorUnits: entry.element.amount ?? total.minorUnits - fixed, currency: total.currency))
        }
    }
}

/// How a payment is spread over a contract's instalments.
public enum PaymentAllocation {
    /// Splits `amount` over the instalments: the named one first (or, for the contract, the
    /// earliest unpaid), then the later ones, then the earlier ones. More than the contract's
    /// outstanding is refused unless `allowOverpay`, which puts the excess on the last
    /// instalment the payment touched.
    ///
    /// Returns (instalment index, amount) pairs in the order they were filled.
    public static func allocate(_ amount: Money, over instalments: [Instalment], outstanding: Money, startingAt start: Int?,
                                allowOverpay: Bool, contract: String) throws(RapportError) -> [(index: Int, amount: Money)] {
        guard amount.minorUnits > 0 else {
            throw .invalid(field: "payment", value: amount.formatted, expected: "a payment is more than nothing")
        }
        guard !instalments.isEmpty else { throw .conflict("contract \(contract) has no instalments") }
        let owed = Money(minorUnits: max(0, outstanding.minorUnits), currency: amount.currency)
        if amount > owed, !allowOverpay {
            throw .conflict("paying \(amount.formatted) is more than the \(owed.formatted) outstanding on contract \(contract); "
                            + "add --allow-overpay to record it anyway")
        }
        let first = start ?? instalments.indices.first { !instalments[$0].isPaid } ?? instalments.count - 1
        let order = Array(instalments.indices[first...]) + Array(instalments.indices[..<first])
        var left = amount.minorUnits
        var split: [(index: Int, amount: Money)] = []
        for i in order where left > 0 {
            let take = min(left, instalments[i].remaining.minorUnits)
            guard take > 0 else { continue }
            split.append((i, Money(minorUnits: take, currency: amount.currency)))
            left -= take
        }
        if left > 0 {
            // Only with allowOverpay: the excess stays on the last instalment touched.
            let last = split.last?.index ?? first
            if let j = split.lastIndex(where: { $0.index == last }) {
                split[j].amount.minorUnits += left
            } else {
                split.append((last, Money(minorUnits: left, currency: amount.currency)))
            }
        }
        return split
    }
}
