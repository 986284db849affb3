import GRDB
import RapportBase
import RapportCore

// MARK: - Writes

extension AppDatabase {
    /// Adds a deal (already validated) with its first stay; a lead, dormant or lost customer
    /// with a new deal is a prospect again.
    public func addDeal(_ deal: Deal, note: String = "", now: LocalDateTime) throws -> Deal {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [deal.customerID]) == true else {
                throw RapportError.notFound(what: "customer", reference: "#\(deal.customerID)")
            }
            var saved = deal
            saved.createdAt = now
            saved.updatedAt = now
            saved.stageEnteredAt = now
            saved.lastActivityAt = now
            saved.id = try Self.insertDeal(saved, db)
            try Self.insertItems(of: saved, db)
            try Self.insert(StageStay(dealID: saved.id ?? 0, stage: deal.stage, from: nil, enteredAt: now, note: note), db)
            try db.execute(sql: """
                UPDATE customer SET status = 'prospect', updated_at = ? WHERE id = ? AND status IN ('lead', 'dormant', 'lost')
                """, arguments: [now.text, deal.customerID])
            return saved
        }
    }

    /// Rewrites a deal's own fields and line items (already validated); its stage moves
    /// only through `moveDeal` and `winDeal`.
    public func updateDeal(_ deal: Deal, now: LocalDateTime) throws {
        guard let id = deal.id else { return }
        try write { db in
            guard let stored = try Self.fetchDeal(id: id, db) else { throw RapportError.notFound(what: "deal", reference: "\(id)") }
            guard stored.stage.isOpen || stored.stage == deal.stage else {
                throw RapportError.conflict("\(deal.reference) moved to \(stored.stage.rawValue) meanwhile; nothing was changed")
            }
            try db.execute(sql: """
                UPDATE deal SET title = ?, amount = ?, currency = ?, probability = ?, expected_close_on = ?, lost_note = ?,
                  updated_at = ?, last_activity_at = ? WHERE id = ?
                """, arguments: [deal.title, deal.amount.minorUnits, deal.amount.currency.code, deal.probability, deal.expectedClose?.iso,
                                 deal.lostNote, now.text, now.text, id])
            try Self.replaceItems(of: deal, db)
        }
    }

    /// Ticks (or, with `undo`, unticks) checklist items of a deal.
    public func tick(dealID: Int64, _ ticks: [ChecklistTick], undo: Bool = false, now: LocalDateTime) throws {
        try write { db in
            guard try Self.fetchDeal(id: dealID, db) != nil else { throw RapportError.notFound(what: "deal", reference: "\(dealID)") }
            try Self.store(ticks, dealID: dealID, undo: undo, now: now, db)
            try db.execute(sql: "UPDATE deal SET last_activity_at = ?, updated_at = ? WHERE id = ?", arguments: [now.text, now.text, dealID])
        }
    }

    /// Moves a deal to another stage (not won: see `winDeal`), in one transaction: ticks the
    /// items given, refuses when the stages left behind still have unticked items (unless
    /// `force`), a lost deal without a reason, or paid with money outstanding (unless `force`).
    /// A move resets the deal's own probability: the new stage's default applies.
    public func moveDeal(id: Int64, to stage: Stage, note: String, ticking ticks: [ChecklistTick] = [], force: Bool = false,
                         lost: (reason: LostReason, note: String?)? = nil, now: LocalDateTime) throws -> Deal {
        try write { db in
            guard var deal = try Self.fetchDeal(id: id, db) else { throw RapportError.notFound(what: "deal", reference: "\(id)") }
            let change = try StageChange.between(deal.stage, stage, deal: deal.reference)
            switch change {
            case .win:
                throw RapportError.conflict("\(deal.reference) is won with its contract: use `rapport deal won \(id)`")
            case .lose:
                guard let lost else {
                    throw RapportError.invalid(field: "lost reason", value: "", expected: "say why: --reason "
                                               + LostReason.allCases.map(\.rawValue).joined(separator: "|"))
                }
                deal.lostReason = lost.reason
                deal.lostNote = lost.note
            case .collect:
                if !force, let owed = try Self.outstanding(dealID: id, db), owed.minorUnits > 0 {
                    throw RapportError.conflict("\(deal.reference) still has \(owed.formatted) \(owed.currency.code) outstanding on its contract; "
                                                + "record the payments with `rapport pay`, or move with --force")
                }
            case .forward, .back:
                break
            }
            try Self.requireTicks(deal, to: stage, adding: ticks, force: force, now: now, db)
            try Self.enter(&deal, stage, note: note, now: now, db)
            return deal
        }
    }

    /// Wins a deal, in one transaction: the checklists of the stages left behind (unless
    /// `force`), the move to won, the contract and its instalments, the customer made a
    /// customer, and the playbook's follow-ups when one is named.
    public func winDeal(id: Int64, contract draft: Contract, note: String, ticking ticks: [ChecklistTick] = [], force: Bool = false,
                        playbook: String? = nil, now: LocalDateTime) throws -> WonDeal {
        try write { db in
            guard var deal = try Self.fetchDeal(id: id, db) else { throw RapportError.notFound(what: "deal", reference: "\(id)") }
            guard try StageChange.between(deal.stage, .won, deal: deal.reference) == .win else {
                throw RapportError.conflict("\(deal.reference) cannot be won from \(deal.stage.rawValue)")
            }
            guard draft.customerID == deal.customerID else {
                throw RapportError.conflict("the contract is for another customer than \(deal.reference)")
            }
            try Self.requireTicks(deal, to: .won, adding: ticks, force: force, now: now, db)
            try Self.enter(&deal, .won, note: note, now: now, db)
            var contract = draft
            contract.dealID = id
            let saved = try Self.insertContract(contract, now: now, db)
            try db.execute(sql: "UPDATE customer SET status = 'customer', updated_at = ? WHERE id = ? AND status != 'customer'",
                           arguments: [now.text, deal.customerID])
            let planned = try playbook.map {
                try Self.planFollowUps(customerID: deal.customerID, playbook: $0, from: contract.startsOn, now: now, db)
            } ?? []
            return WonDeal(deal: deal, contract: saved, followUps: planned)
        }
    }

    /// Deletes a deal entered by mistake, with its line items, stage stays and checklist
    /// ticks; the funnel's rollups follow by trigger. A deal with a contract is refused: the
    /// contract is cancelled first.
    public func removeDeal(id: Int64) throws -> RemovedDeal {
        try write { db in
            guard let deal = try Self.fetchDeal(id: id, db) else { throw RapportError.notFound(what: "deal", reference: "\(id)") }
            if let number = try String.fetchOne(db, sql: "SELECT number FROM contract WHERE deal_id = ?", arguments: [id]) {
                let shown = TerminalText.sanitized(number)
                throw RapportError.conflict("\(deal.reference) has contract \(shown); cancel the contract first (rapport contract cancel \(shown))")
            }
            let customerName = try String.fetchOne(db, sql: "SELECT name FROM customer WHERE id = ?", arguments: [deal.customerID]) ?? ""
            let stays = try Int.fetchOne(db, sql: "SELECT count(*) FROM deal_stage WHERE deal_id = ?", arguments: [id]) ?? 0
            try db.execute(sql: "DELETE FROM deal WHERE id = ?", arguments: [id])
            return RemovedDeal(deal: deal, customerName: customerName, stays: stays)
        }
    }

    /// Adds a product to the catalogue (already validated); codes are unique, whatever the case.
    public func addProduct(_ product: Product, now: LocalDateTime) throws -> Product {
        try write { db in
            if let existing = try String.fetchOne(db, sql: "SELECT code FROM product WHERE code = ?", arguments: [product.code]) {
                throw RapportError.conflict("a product with code \(existing.quotedForMessage) exists; change it with `rapport product edit`")
            }
            try db.execute(sql: "INSERT INTO product (code, name, unit_price, currency, active, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [product.code, product.name, product.unitPrice.minorUnits, product.unitPrice.currency.code,
                                       product.active, now.text])
            var saved = product
            saved.id = db.lastInsertedRowID
            return saved
        }
    }

    /// Rewrites a product's name, price and whether it is offered; deals keep the prices they have.
    public func updateProduct(_ product: Product) throws {
        try write { db in
            try db.execute(sql: "UPDATE product SET name = ?, unit_price = ?, currency = ?, active = ? WHERE id = ?",
                           arguments: [product.name, product.unitPrice.minorUnits, product.unitPrice.currency.code, product.active,
                                       product.id])
        }
    }

    // MARK: - Steps shared by the transactions

    /// Writes a deal's own row as it stands (timestamps included); returns its id.
    static func insertDeal(_ deal: Deal, _ db: Database) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO deal (customer_id, title, amount, currency, stage, probability, expected_close_on, lost_reason,
                              lost_note, created_at, updated_at, stage_entered_at, last_activity_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [deal.customerID, deal.title, deal.amount.minorUnits, deal.amount.currency.code, deal.stage.rawValue,
                                     deal.probability, deal.expectedClose?.iso, deal.lostReason?.rawValue, deal.lostNote,
                                     deal.createdAt.text, deal.updatedAt.text, deal.stageEnteredAt.text, deal.lastActivityAt.text])
        return db.lastInsertedRowID
    }

    /// Writes a stay; one that has been left records the whole days spent.
    static func insert(_ stay: StageStay, _ db: Database) throws {
        let days = stay.leftAt.map { max(0, stay.enteredAt.day.days(until: $0.day)) }
        try db.cachedStatement(sql: """
            INSERT INTO deal_stage (deal_id, stage, from_stage, entered_at, note, left_at, left_to, days) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [stay.dealID, stay.stage.rawValue, stay.from?.rawValue, stay.enteredAt.text, stay.note,
                                     stay.leftAt?.text, stay.leftTo?.rawValue, days])
    }

    /// Leaves the deal's current stay for `stage` and enters it.
    static func enter(_ deal: inout Deal, _ stage: Stage, note: String, now: LocalDateTime, _ db: Database) throws {
        guard let id = deal.id else { return }
        let days = max(0, deal.stageEnteredAt.day.days(until: now.day))
        try db.cachedStatement(sql: "UPDATE deal_stage SET left_at = ?, left_to = ?, days = ? WHERE deal_id = ? AND left_at IS NULL")
            .execute(arguments: [now.text, stage.rawValue, days, id])
        try insert(StageStay(dealID: id, stage: stage, from: deal.stage, enteredAt: now, note: note), db)
        deal.stage = stage
        deal.probability = nil
        deal.stageEnteredAt = now
        deal.updatedAt = now
        deal.lastActivityAt = now
        try db.cachedStatement(sql: """
            UPDATE deal SET stage = ?, probability = NULL, lost_reason = ?, lost_note = ?, stage_entered_at = ?, updated_at = ?,
              last_activity_at = ? WHERE id = ?
            """).execute(arguments: [stage.rawValue, deal.lostReason?.rawValue, deal.lostNote, now.text, now.text, now.text, id])
    }

    /// Stores the new ticks, then refuses the move when the stages it leaves behind still
    /// have unticked items, unless `force`.
    private static func requireTicks(_ deal: Deal, to stage: Stage, adding ticks: [ChecklistTick], force: Bool, now: LocalDateTime,
                                     _ db: Database) throws {
        guard let id = deal.id else { return }
        let pipeline = try settings(db).pipeline
        let listed = pipeline.items(from: deal.stage, to: stage)
        let ticked = try Self.ticks(dealID: id, db)
        try store(ticks, dealID: id, undo: false, now: now, db)
        let left = listed.filter { !ticks.contains($0) && !ticked.contains($0) }
        if !force, !left.isEmpty { throw pipeline.uncheckedRefusal(deal, to: stage, listed: listed, left: left) }
    }

    private static func store(_ ticks: [ChecklistTick], dealID: Int64, undo: Bool, now: LocalDateTime, _ db: Database) throws {
        for t in ticks {
            if undo {
                try db.execute(sql: "DELETE FROM deal_check WHERE deal_id = ? AND stage = ? AND item = ?",
                               arguments: [dealID, t.stage.rawValue, t.item])
            } else {
                try db.execute(sql: "INSERT OR IGNORE INTO deal_check (deal_id, stage, item, checked_at) VALUES (?, ?, ?, ?)",
                               arguments: [dealID, t.stage.rawValue, t.item, now.text])
            }
        }
    }

    private static func replaceItems(of deal: Deal, _ db: Database) throws {
        guard let id = deal.id else { return }
        try db.execute(sql: "DELETE FROM deal_item WHERE deal_id = ?", arguments: [id])
        try insertItems(of: deal, db)
    }

    /// Writes a deal's line items in order, each with its product.
    static func insertItems(of deal: Deal, _ db: Database) throws {
        guard let id = deal.id else { return }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO deal_item (deal_id, position, product_id, description, quantity, unit_price, discount_bp) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, item) in deal.items.enumerated() {
            try insert.execute(arguments: [id, i + 1, item.productID, item.description, item.quantity,
                                           item.unitPrice.minorUnits, item.discountBasisPoints])
        }
    }

    /// What is still owed on the contract that won the deal; nil when it has none.
    private static func outstanding(dealID: Int64, _ db: Database) throws -> Money? {
        try Row.fetchOne(db, sql: "SELECT amount - received AS owed, currency FROM contract WHERE deal_id = ?", arguments: [dealID])
            .map { try $0.money("owed", bounded: false) }
    }
}

/// What winning a deal wrote.
public struct WonDeal: Sendable {
    public var deal: Deal
    public var contract: Contract
    public var followUps: [FollowUp]
}

/// What removing a deal took away.
public struct RemovedDeal: Sendable {
    /// The deal with its line items.
    public var deal: Deal
    public var customerName: String
    /// Its stage stays, the first one included.
    public var stays: Int
}

// MARK: - Reads

extension AppDatabase {
    /// A deal with its line items, or nil.
    public func deal(id: Int64) throws -> Deal? {
        try read { db in try Self.fetchDeal(id: id, db) }
    }

    static func fetchDeal(id: Int64, _ db: Database) throws -> Deal? {
        guard var deal = try Deal.fetchOne(db, sql: "SELECT * FROM deal WHERE id = ?", arguments: [id]) else { return nil }
        deal.items = try Row.fetchAll(db, sql: "SELECT * FROM deal_item WHERE deal_id = ? ORDER BY position", arguments: [id]).map { row in
            DealItem(productID: row["product_id"], description: row["description"], quantity: row["quantity"],
                     unitPrice: Money(minorUnits: row["unit_price"], currency: deal.amount.currency), discountBasisPoints: row["discount_bp"])
        }
        return deal
    }

    /// A deal with its customer, stage history, ticks and contract.
    public func dealDetail(id: Int64) throws -> DealDetail? {
        try read { db in
            guard let deal = try Self.fetchDeal(id: id, db) else { return nil }
            var customer: CustomerSummary?
            try db.cachedStatement(sql: "SELECT \(Self.summaryColumns) FROM customer c WHERE c.id = ?")
                .forEachRow(arguments: [deal.customerID]) { customer = Self.summary($0) }
            guard let customer else { return nil }
            let stays = try StageStay.fetchAll(db, sql: "SELECT * FROM deal_stage WHERE deal_id = ? ORDER BY entered_at, id", arguments: [id])
            let contractID = try Int64.fetchOne(db, sql: "SELECT id FROM contract WHERE deal_id = ?", arguments: [id])
            let contract = try contractID.flatMap { try Self.fetchContract(id: $0, db) }
            let payments = try contractID.map {
                try Payment.fetchAll(db, sql: "SELECT * FROM payment WHERE contract_id = ? ORDER BY paid_on, id", arguments: [$0])
            } ?? []
            return DealDetail(deal: deal, customer: customer, stays: stays, ticks: try Self.ticks(dealID: id, db), contract: contract,
                              payments: payments)
        }
    }

    static func ticks(dealID: Int64, _ db: Database) throws -> Set<ChecklistTick> {
        Set(try Row.fetchAll(db, sql: "SELECT stage, item FROM deal_check WHERE deal_id = ?", arguments: [dealID]).compactMap { row in
            (row["stage"] as String?).flatMap(Stage.init(rawValue:)).map { ChecklistTick(stage: $0, item: row["item"]) }
        })
    }

    /// A customer's deals: open ones first (by expected close), then the rest, newest first.
    public func deals(customerID: Int64) throws -> [Deal] {
        try read { db in try Self.fetchDeals(customerID: customerID, db) }
    }

    static func fetchDeals(customerID: Int64, _ db: Database) throws -> [Deal] {
        try Int64.fetchAll(db, sql: """
            SELECT id FROM deal WHERE customer_id = ?
            ORDER BY stage NOT IN ('lead', 'qualified', 'needs', 'proposal', 'closing'), coalesce(expected_close_on, '9999'),
              updated_at DESC, id DESC
            """, arguments: [customerID]).compactMap { try fetchDeal(id: $0, db) }
    }

    /// Deals with their customers for `rapport deal list`, at most `limit`.
    public func dealList(_ filter: DealFilter, limit: Int) throws -> [DealListRow] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let stage = filter.stage {
                conditions.append("d.stage = ?")
                arguments += [stage.rawValue]
            } else if filter.openOnly {
                conditions.append("d.stage IN ('lead', 'qualified', 'needs', 'proposal', 'closing')")
            }
            if let customer = filter.customerID {
                conditions.append("d.customer_id = ?")
                arguments += [customer]
            }
            let sql = """
                SELECT d.id, d.title, d.stage, d.amount, d.currency, d.probability, d.expected_close_on, d.last_activity_at,
                  d.lost_reason, d.lost_note, c.name, c.company, c.id AS customer_id
                FROM deal d JOIN customer c ON c.id = d.customer_id
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY coalesce(d.expected_close_on, '9999'), d.id LIMIT ?
                """
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
                guard let stage = Stage(rawValue: row["stage"]) else { return nil }
                return DealListRow(id: row["id"], title: row["title"], stage: stage, amount: try row.money("amount"),
                                   probability: row["probability"], expectedClose: try row.optionalDay("expected_close_on"),
                                   lastActivityAt: try row.localDateTime("last_activity_at"), customerID: row["customer_id"],
                                   customerName: row["name"], company: row["company"],
                                   lostReason: (row["lost_reason"] as String?).flatMap(LostReason.init(rawValue:)), lostNote: row["lost_note"])
            }
        }
    }

    /// The products, by code; inactive ones only when asked.
    public func products(includingInactive: Bool = false) throws -> [Product] {
        try read { db in
            try Product.fetchAll(db, sql: "SELECT * FROM product \(includingInactive ? "" : "WHERE active = 1") ORDER BY code COLLATE NOCASE")
        }
    }

    /// A product by code, whatever the case.
    public func product(code: String) throws -> Product? {
        try read { db in try Product.fetchOne(db, sql: "SELECT * FROM product WHERE code = ?", arguments: [code]) }
    }
}

/// Which deals `rapport deal list` shows.
public struct DealFilter: Hashable, Sendable {
    public var stage: Stage?
    public var customerID: Int64?
    /// Open deals only (when no stage is named).
    public var openOnly: Bool

    public init(stage: Stage? = nil, customerID: Int64? = nil, openOnly: Bool = true) {
        self.stage = stage
        self.customerID = customerID
        self.openOnly = openOnly
    }
}

/// One line of `rapport deal list`.
public struct DealListRow: Hashable, Sendable {
    public var id: Int64
    public var title: String
    public var stage: Stage
    public var amount: Money
    public var probability: Int?
    public var expectedClose: Day?
    public var lastActivityAt: LocalDateTime
    public var customerID: Int64
    public var customerName: String
    public var company: String?
    /// Why a lost deal was lost, and the seller's note on it.
    public var lostReason: LostReason?
    public var lostNote: String?
}
