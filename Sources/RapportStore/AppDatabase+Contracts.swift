import GRDB
import RapportBase
import RapportCore

// MARK: - Writes

extension AppDatabase {
    /// Records a contract by itself (one signed before Rapport, or without a deal), with its
    /// instalments, in one transaction.
    public func addContract(_ contract: Contract, now: LocalDateTime) throws -> Contract {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [contract.customerID]) == true else {
                throw RapportError.notFound(what: "customer", reference: "#\(contract.customerID)")
            }
            return try Self.insertContract(contract, now: now, db)
        }
    }

    /// Writes a validated contract and its plan; an empty number gets the year's next
    /// (`2026-001`), a taken one is refused.
    static func insertContract(_ draft: Contract, now: LocalDateTime, _ db: Database) throws -> Contract {
        var contract = draft
        if contract.number.isEmpty { contract.number = try nextContractNumber(year: contract.signedOn.year, db) }
        contract = try contract.validated()
        if let taken = try String.fetchOne(db, sql: "SELECT number FROM contract WHERE number = ?", arguments: [contract.number]) {
            throw RapportError.conflict("contract number \(taken.quotedForMessage) is taken; choose another with --number")
        }
        try db.execute(sql: """
            INSERT INTO contract (customer_id, deal_id, number, signed_on, starts_on, ends_on, amount, currency, received, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
            """, arguments: [contract.customerID, contract.dealID, contract.number, contract.signedOn.iso, contract.startsOn.iso,
                             contract.endsOn?.iso, contract.amount.minorUnits, contract.amount.currency.code, now.text])
        let id = db.lastInsertedRowID
        contract.id = id
        contract.createdAt = now
        contract.received = Money(minorUnits: 0, currency: contract.amount.currency)
        let insert = try db.cachedStatement(sql: """
            INSERT INTO instalment (contract_id, position, due_on, amount, currency, received) VALUES (?, ?, ?, ?, ?, 0)
            """)
        for i in contract.instalments.indices {
            try insert.execute(arguments: [id, contract.instalments[i].position, contract.instalments[i].dueOn.iso,
                                           contract.instalments[i].amount.minorUnits, contract.amount.currency.code])
            contract.instalments[i].id = db.lastInsertedRowID
        }
        return contract
    }

    /// `2026-001`: the year's contracts numbered in order, past any number already taken.
    private static func nextContractNumber(year: Int, _ db: Database) throws -> String {
        let prefix = String(year) + "-"
        var n = (try Int.fetchOne(db, sql: "SELECT count(*) FROM contract WHERE number LIKE ?", arguments: [prefix + "%"]) ?? 0) + 1
        while true {
            var digits = String(n)
            if digits.count < 3 { digits = String(repeating: "0", count: 3 - digits.count) + digits }
            let number = prefix + digits
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM contract WHERE number = ?", arguments: [number]) != true { return number }
            n += 1
        }
    }

    /// Records a payment in one transaction: spread over the contract's instalments (the
    /// named one first, else the earliest unpaid), refused beyond what is outstanding unless
    /// `allowOverpay`. A won deal whose contract is then paid in full moves to paid.
    public func recordPayment(contractID: Int64, instalment position: Int?, amount: Money, on day: Day, note: String,
                              allowOverpay: Bool, now: LocalDateTime) throws -> RecordedPayment {
        try write { db in
            guard var contract = try Self.fetchContract(id: contractID, db) else {
                throw RapportError.notFound(what: "contract", reference: "\(contractID)")
            }
            guard amount.currency == contract.amount.currency else {
                throw RapportError.invalid(field: "currency", value: amount.currency.code,
                                           expected: "contract \(contract.number) is in \(contract.amount.currency.code)")
            }
            var start: Int?
            if let position {
                guard let i = contract.instalments.firstIndex(where: { $0.position == position }) else {
                    throw RapportError.notFound(what: "instalment", reference: "\(contract.number)/\(position)")
                }
                start = i
            }
            let split = try PaymentAllocation.allocate(amount, over: contract.instalments, outstanding: contract.outstanding,
                                                       startingAt: start, allowOverpay: allowOverpay, contract: contract.number)
            var payments: [Payment] = []
            for part in split {
                guard let instalmentID = contract.instalments[part.index].id else { continue }
                try db.execute(sql: """
                    INSERT INTO payment (contract_id, instalment_id, paid_on, amount, currency, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [contractID, instalmentID, day.iso, part.amount.minorUnits, amount.currency.code, note, now.text])
                var p = Payment(contractID: contractID, instalmentID: instalmentID, paidOn: day, amount: part.amount, note: note)
                p.id = db.lastInsertedRowID
                payments.append(p)
                try db.execute(sql: "UPDATE instalment SET received = received + ? WHERE id = ?", arguments: [part.amount.minorUnits, instalmentID])
                contract.instalments[part.index].received.minorUnits += part.amount.minorUnits
            }
            contract.received.minorUnits += amount.minorUnits
            try db.execute(sql: "UPDATE contract SET received = ? WHERE id = ?", arguments: [contract.received.minorUnits, contractID])

            var paidDeal: Deal?
            if contract.outstanding.minorUnits <= 0, let dealID = contract.dealID, var deal = try Self.fetchDeal(id: dealID, db),
               deal.stage == .won {
                try Self.enter(&deal, .paid, note: "paid in full · 回款完成", now: now, db)
                paidDeal = deal
            }
            return RecordedPayment(contract: contract, payments: payments, paidDeal: paidDeal)
        }
    }
}

extension AppDatabase {
    /// Deletes a contract recorded by mistake, with its instalments (and voided payments), in
    /// one transaction. Refused while payments stand on it (they are voided first). The deal it was
    /// signed for stays won, or goes back to won from paid, by a stage move.
    public func cancelContract(id: Int64, now: LocalDateTime) throws -> CancelledContract {
        try write { db in
            guard let contract = try Self.fetchContract(id: id, db) else {
                throw RapportError.notFound(what: "contract", reference: "\(id)")
            }
            let paid = try Int64.fetchAll(db, sql: "SELECT id FROM payment WHERE contract_id = ? AND voided_at IS NULL ORDER BY id", arguments: [id])
            if !paid.isEmpty {
                let total = Money(minorUnits: try Int64.fetchOne(db, sql: "SELECT sum(amount) FROM payment WHERE contract_id = ? AND voided_at IS NULL",
                                                                 arguments: [id]) ?? 0, currency: contract.amount.currency)
                let number = TerminalText.sanitized(contract.number)
                throw RapportError.conflict("contract \(number) has \(paid.count) payment\(paid.count == 1 ? "" : "s") "
                    + "(\(total.formatted) \(total.currency.code)); void \(paid.count == 1 ? "it" : "them") first (rapport pay void "
                    + paid.map(String.init).joined(separator: ", then ") + ")")
            }
            var reopened: Deal?
            if let dealID = contract.dealID, var deal = try Self.fetchDeal(id: dealID, db), deal.stage == .paid {
                try Self.enter(&deal, .won, note: "contract \(contract.number) cancelled · 合同取消", now: now, db)
                reopened = deal
            }
            try db.execute(sql: "DELETE FROM contract WHERE id = ?", arguments: [id])
            return CancelledContract(contract: contract, reopenedDeal: reopened)
        }
    }
}

extension AppDatabase {
    /// Voids a payment recorded by mistake, in one transaction: the row stays, marked void
    /// with the note, and counts nowhere. What its instalment and contract have received is
    /// summed again from the payments that stand, so the instalment is owed again and
    /// reminds; a paid deal whose contract is no longer paid in full goes back to won.
    public func voidPayment(id: Int64, note: String, now: LocalDateTime) throws -> VoidedPayment {
        try write { db in
            guard var payment = try Payment.fetchOne(db, sql: "SELECT * FROM payment WHERE id = ?", arguments: [id]) else {
                throw RapportError.notFound(what: "payment", reference: "\(id)")
            }
            if let voided = payment.voidedAt { throw RapportError.conflict("payment \(id) is already void (since \(voided.day.iso))") }
            payment.voidedAt = now
            payment.voidNote = note
            try db.execute(sql: "UPDATE payment SET voided_at = ?, void_note = ? WHERE id = ?", arguments: [now.text, note, id])
            try db.execute(sql: """
                UPDATE instalment SET received = (SELECT coalesce(sum(amount), 0) FROM payment
                  WHERE instalment_id = instalment.id AND voided_at IS NULL) WHERE id = ?
                """, arguments: [payment.instalmentID])
            try db.execute(sql: """
                UPDATE contract SET received = (SELECT coalesce(sum(amount), 0) FROM payment
                  WHERE contract_id = contract.id AND voided_at IS NULL) WHERE id = ?
                """, arguments: [payment.contractID])
            guard let contract = try Self.fetchContract(id: payment.contractID, db) else {
                throw RapportError.notFound(what: "contract", reference: "\(payment.contractID)")
            }
            var reopened: Deal?
            if contract.outstanding.minorUnits > 0, let dealID = contract.dealID, var deal = try Self.fetchDeal(id: dealID, db),
               deal.stage == .paid {
                try Self.enter(&deal, .won, note: "payment \(id) void · 回款作废", now: now, db)
                reopened = deal
            }
            return VoidedPayment(payment: payment, contract: contract, reopenedDeal: reopened)
        }
    }
}

/// What voiding a payment changed.
public struct VoidedPayment: Sendable {
    /// The payment, marked void.
    public var payment: Payment
    /// The contract as it stands after.
    public var contract: Contract
    /// The deal moved back from paid to won.
    public var reopenedDeal: Deal?
}

/// What cancelling a contract took away.
public struct CancelledContract: Sendable {
    /// The contract with its instalments.
    public var contract: Contract
    /// The deal moved back from paid to won.
    public var reopenedDeal: Deal?
}

/// What recording a payment wrote.
public struct RecordedPayment: Sendable {
    /// The contract as it stands after the payment.
    public var contract: Contract
    /// One row per instalment the payment went to.
    public var payments: [Payment]
    /// The deal that moved to paid, when this payment completed its contract.
    public var paidDeal: Deal?
}

// MARK: - Reads

extension AppDatabase {
    /// A contract with its instalments, or nil.
    public func contract(id: Int64) throws -> Contract? {
        try read { db in try Self.fetchContract(id: id, db) }
    }

    static func fetchContract(id: Int64, _ db: Database) throws -> Contract? {
        guard var contract = try Contract.fetchOne(db, sql: "SELECT * FROM contract WHERE id = ?", arguments: [id]) else { return nil }
        contract.instalments = try Instalment.fetchAll(db, sql: "SELECT * FROM instalment WHERE contract_id = ? ORDER BY position",
                                                       arguments: [id])
        return contract
    }

    /// A contract with its customer and payments.
    public func contractDetail(id: Int64) throws -> ContractDetail? {
        try read { db in
            guard let contract = try Self.fetchContract(id: id, db) else { return nil }
            var customer: CustomerSummary?
            try db.cachedStatement(sql: "SELECT \(Self.summaryColumns) FROM customer c WHERE c.id = ?")
                .forEachRow(arguments: [contract.customerID]) { customer = Self.summary($0) }
            guard let customer else { return nil }
            let payments = try Payment.fetchAll(db, sql: "SELECT * FROM payment WHERE contract_id = ? ORDER BY paid_on, id", arguments: [id])
            let title = try contract.dealID.flatMap { try String.fetchOne(db, sql: "SELECT title FROM deal WHERE id = ?", arguments: [$0]) }
            return ContractDetail(contract: contract, customer: customer, payments: payments, dealTitle: title)
        }
    }

    /// A customer's contracts, newest first.
    public func contracts(customerID: Int64) throws -> [Contract] {
        try read { db in try Self.fetchContracts(customerID: customerID, db) }
    }

    static func fetchContracts(customerID: Int64, _ db: Database) throws -> [Contract] {
        try Int64.fetchAll(db, sql: "SELECT id FROM contract WHERE customer_id = ? ORDER BY signed_on DESC, id DESC",
                           arguments: [customerID]).compactMap { try fetchContract(id: $0, db) }
    }

    /// Contracts with money outstanding (or all), soonest instalment first, at most `limit`.
    public func contractList(owingOnly: Bool, limit: Int) throws -> [ContractListRow] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT k.id, k.number, k.amount, k.received, k.currency, k.ends_on, c.name, c.id AS customer_id,
                  (SELECT min(i.due_on) FROM instalment i WHERE i.contract_id = k.id AND i.received < i.amount) AS next_due
                FROM contract k JOIN customer c ON c.id = k.customer_id
                \(owingOnly ? "WHERE k.received < k.amount" : "")
                ORDER BY next_due IS NULL, next_due, k.id LIMIT ?
                """, arguments: [limit]).map { row in
                ContractListRow(id: row["id"], number: row["number"], amount: try row.money("amount"), received: try row.money("received", bounded: false),
                                endsOn: try row.optionalDay("ends_on"), nextDue: try row.optionalDay("next_due"),
                                customerID: row["customer_id"], customerName: row["name"])
            }
        }
    }

    /// Resolves what the seller typed to a contract and maybe one of its instalments:
    /// `2026-001/2` (the second instalment), a contract number, or a customer (#id, name,
    /// pinyin, …) with exactly one contract still owed money.
    public func resolvePaymentTarget(_ reference: String) throws -> (contract: Contract, instalment: Int?) {
        let trimmed = reference.trimmingSpaces()
        if let slash = trimmed.lastIndex(of: "/"), let position = Int(trimmed[trimmed.index(after: slash)...]) {
            let number = String(trimmed[..<slash])
            guard let contract = try contract(number: number) else { throw RapportError.notFound(what: "contract", reference: number) }
            return (contract, position)
        }
        if let contract = try contract(number: trimmed) { return (contract, nil) }
        let customer = try resolveCustomer(trimmed)
        guard let customerID = customer.id else { throw RapportError.customerNotFound(reference) }
        let owing = try contracts(customerID: customerID).filter { $0.outstanding.minorUnits > 0 }
        switch owing.count {
        case 1: return (owing[0], nil)
        case 0: throw RapportError.conflict("\(customer.name.quotedForMessage) owes nothing on any contract")
        default:
            throw RapportError.conflict("\(customer.name.quotedForMessage) owes on \(owing.count) contracts ("
                                        + owing.map(\.number).joined(separator: ", ") + "); name one")
        }
    }

    /// A contract by its number, whatever the case.
    public func contract(number: String) throws -> Contract? {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM contract WHERE number = ?", arguments: [number]).flatMap { try Self.fetchContract(id: $0, db) }
        }
    }
}

/// A contract with what `rapport contract show` prints beside it.
public struct ContractDetail: Sendable {
    public var contract: Contract
    public var customer: CustomerSummary
    public var payments: [Payment]
    public var dealTitle: String?
}

/// One line of `rapport contract list`.
public struct ContractListRow: Hashable, Sendable {
    public var id: Int64
    public var number: String
    public var amount: Money
    public var received: Money
    public var endsOn: Day?
    /// The earliest instalment still owed.
    public var nextDue: Day?
    public var customerID: Int64
    public var customerName: String

    public var outstanding: Money { Money(minorUnits: amount.minorUnits - received.minorUnits, currency: amount.currency) }
}
