import Foundation
import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

/// Deals in the store: adding one, moving it through the stages with its checklists, losing
/// it, and the stage history every move leaves. Every refused write is checked to have
/// written nothing, by a full dump of the pipeline's tables before and after.
struct DealStoreTests {
    typealias P = PipelineFixture
    static let needsItems = PipelineSettings.defaults.checklist(of: .needs)

    // MARK: - Adding

    @Test(arguments: [
        (CustomerStatus.lead, CustomerStatus.prospect),
        (.dormant, .prospect),
        (.lost, .prospect),
        (.prospect, .prospect),
        (.customer, .customer),
    ])
    func addingADealMakesALeadDormantOrLostCustomerAProspect(before: CustomerStatus, after: CustomerStatus) throws {
        // Given a customer in `before`
        let db = try AppDatabase.empty()
        let customer = try Fixture.customer(db, "王建国", status: before)
        // When a deal is added for them
        let deal = try P.deal(db, customer, at: "2026-11-01 09:00")
        // Then they are `after`, and the deal is a lead with one open stay
        #expect(try db.customer(id: customer.id!)?.status == after)
        #expect(deal.id != nil)
        #expect(try P.stays(db, deal.id!) == [P.Stay(stage: "lead", from: nil, enteredAt: "2026-11-01 09:00", note: "", leftAt: nil,
                                                     leftTo: nil, days: nil)])
    }

    @Test func aDealIsStoredWithItsLineItemsInOrderAndItsTimes() throws {
        // Given a product and a customer
        let db = try AppDatabase.empty()
        let customer = try Fixture.customer(db, "王建国", status: .lead)
        let product = try db.addProduct(Product(code: "CRM-PRO", name: "CRM专业版", unitPrice: P.yuan(4_800)), now: Fixture.at("2026-10-01 09:00"))
        // When a deal starting in needs is added with two lines: 3 × 4,800.00 less 10 % = 12,960.00, and a free line
        // (its draft dated long ago: the store dates a deal the moment it is added)
        var draft = Deal(customerID: customer.id!, title: "年度服务", amount: P.fen(1_296_000 + 99_950), stage: .needs,
                         createdAt: Fixture.at("2000-01-01 00:00"))
        draft.items = [
            DealItem(productID: product.id, description: "CRM-PRO CRM专业版", quantity: 3, unitPrice: P.yuan(4_800), discountBasisPoints: 1_000),
            DealItem(description: "培训", quantity: 1, unitPrice: P.fen(99_950)),
        ]
        draft.expectedClose = Fixture.day("2026-11-30")
        draft.probability = 35
        let saved = try db.addDeal(draft.validated(), note: "展会认识", now: Fixture.at("2026-11-02 14:30"))
        // Then it reads back as written, its times all the moment it was added
        let stored = try #require(try db.deal(id: saved.id!))
        #expect(stored == saved)
        #expect(stored.items.map(\.description) == ["CRM-PRO CRM专业版", "培训"])
        #expect(stored.items[0].productID == product.id)
        #expect(try stored.items.map { try $0.total().minorUnits } == [1_296_000, 99_950])
        #expect(stored.amount == P.fen(1_395_950))
        #expect(stored.probability == 35)
        #expect([stored.createdAt, stored.updatedAt, stored.stageEnteredAt, stored.lastActivityAt].allSatisfy { $0.text == "2026-11-02 14:30" })
        #expect(try P.stays(db, saved.id!) == [P.Stay(stage: "needs", from: nil, enteredAt: "2026-11-02 14:30", note: "展会认识",
                                                      leftAt: nil, leftTo: nil, days: nil)])
        #expect(try P.count(db, "deal_item") == 2)
    }

    @Test func aDealForAnUnknownCustomerIsRefusedAndWritesNothing() throws {
        let db = try AppDatabase.empty()
        try Fixture.customer(db, "王建国")
        let draft = Deal(customerID: 99, title: "x", amount: P.yuan(1), createdAt: Fixture.at("2026-11-01 09:00"))
        try P.expectNothingWritten(db, throws: .notFound(what: "customer", reference: "#99")) {
            _ = try db.addDeal(draft, now: Fixture.at("2026-11-01 09:00"))
        }
    }

    // MARK: - Checklists

    @Test func aForwardMoveWithUntickedItemsIsRefusedAndWritesNothingNotEvenItsTicks() throws {
        // Given a deal in needs, none of the four SPIN items ticked
        let db = try AppDatabase.empty()
        let deal = try P.deal(db, try Fixture.customer(db, "王建国"), stage: .needs)
        // When it is moved to proposal ticking only the first two
        let given = Self.needsItems.prefix(2).map { ChecklistTick(stage: .needs, item: $0) }
        // Then it is refused, the two left numbered as they were listed (3 and 4), and nothing is written
        try P.expectNothingWritten(db, throws: .conflict(
            "deal 1 cannot leave needs for proposal with 2 items unticked: 3. implication understood 影响; "
                + "4. need-payoff understood 需求效益 — tick them with --done 3,4 or --done all, or move with --force")) {
            _ = try db.moveDeal(id: deal.id!, to: .proposal, note: "x", ticking: given, now: Fixture.at("2026-11-10 09:00"))
        }
        #expect(try P.count(db, "deal_check") == 0)
        #expect(try db.deal(id: deal.id!)?.stage == .needs)
    }

    @Test func itemsTickedEarlierAreNotListedAgainAndTheRestKeepTheirChecklistNumbers() throws {
        // Given a deal in needs with its first two items ticked beforehand
        let db = try AppDatabase.empty()
        let deal = try P.deal(db, try Fixture.customer(db, "王建国"), stage: .needs)
        try db.tick(dealID: deal.id!, Self.needsItems.prefix(2).map { ChecklistTick(stage: .needs, item: $0) }, now: Fixture.at("2026-11-05 09:00"))
        // When it is moved on with nothing more ticked / Then the refusal lists the other two by their
        // place in the checklist, 3 and 4, as `deal check` and `deal show` number them
        try P.expectNothingWritten(db, throws: .conflict(
            "deal 1 cannot leave needs for proposal with 2 items unticked: 3. implication understood 影响; "
                + "4. need-payoff understood 需求效益 — tick them with --done 3,4 or --done all, or move with --force")) {
            _ = try db.moveDeal(id: deal.id!, to: .proposal, note: "", now: Fixture.at("2026-11-10 09:00"))
        }
        // When the move ticks those two / Then it goes through, and all four are ticked
        let moved = try db.moveDeal(id: deal.id!, to: .proposal, note: "需求确认",
                                    ticking: Self.needsItems.suffix(2).map { ChecklistTick(stage: .needs, item: $0) },
                                    now: Fixture.at("2026-11-10 09:00"))
        #expect(moved.stage == .proposal)
        #expect(try db.dealDetail(id: deal.id!)?.ticks == Set(Self.needsItems.map { ChecklistTick(stage: .needs, item: $0) }))
    }

    /// Every stage a move leaves behind counts (lead's and qualified's lists are empty by
    /// default; needs has 4 items, proposal 3); going back needs nothing.
    @Test(arguments: [
        (Stage.lead, Stage.qualified, 0, ""),
        (.lead, .needs, 0, ""),
        (.lead, .proposal, 4, "needs"),
        (.qualified, .closing, 7, "needs, proposal"),
        (.needs, .closing, 7, "needs, proposal"),
        (.proposal, .closing, 3, "proposal"),
        (.closing, .proposal, 0, ""),
        (.proposal, .lead, 0, ""),
        (.closing, .qualified, 0, ""),
    ])
    func aMoveNeedsTheChecklistsOfEveryStageItLeavesBehind(from: Stage, to: Stage, unticked: Int, stages: String) throws {
        // Given a deal in `from` with nothing ticked
        let db = try AppDatabase.empty()
        let deal = try P.deal(db, try Fixture.customer(db, "王建国"), stage: from)
        let before = try P.dump(db)
        // When it is moved to `to` without force
        do {
            let moved = try db.moveDeal(id: deal.id!, to: to, note: "", now: Fixture.at("2026-11-10 09:00"))
            // Then it moves when nothing is left unticked
            #expect(unticked == 0, "moved past \(unticked) unticked items")
            #expect(moved.stage == to)
            #expect(try db.deal(id: deal.id!)?.stage == to)
        } catch RapportError.conflict(let message) {
            // Else it is refused, naming the stages and the count, and nothing is written
            #expect(unticked > 0, "\(message)")
            #expect(message.hasPrefix("deal 1 cannot leave \(stages) for \(to.rawValue) with \(unticked) items unticked: 1. "), "\(message)")
            #expect(try P.dump(db) == before)
        }
    }

    @Test func forceMovesPastUntickedItemsAndStoresOnlyTheTicksGiven() throws {
        // Given a deal in needs
        let db = try AppDatabase.empty()
        let deal = try P.deal(db, try Fixture.customer(db, "王建国"), stage: .needs, at: "2026-11-01 09:00")
        // When it is forced to proposal with one item ticked
        let tick = ChecklistTick(stage: .needs, item: Self.needsItems[0])
        let moved = try db.moveDeal(id: deal.id!, to: .proposal, note: "老板拍板", ticking: [tick], force: true, now: Fixture.at("2026-11-04 09:00"))
        // Then it moved, with that one tick and the others left unticked
        #expect(moved.stage == .proposal)
        #expect(try db.dealDetail(id: deal.id!)?.ticks == [tick])
        #expect(try P.stays(db, deal.id!).map(\.stage) == ["needs", "proposal"])
        #expect(try P.stays(db, deal.id!).last?.note == "老板拍板")
    }

    // MARK: - Refusals

    enum Refused: String, CaseIterable {
        case sameStage, openToPaid, wonThroughMove, lostWithoutReason, unknownDeal
    }

    @Test(arguments: Refused.allCases)
    func aRefusedMoveWritesNothing(_ refusal: Refused) throws {
        // Given a deal in needs with its checklist ticked
        let db = try AppDatabase.empty()
        let deal = try P.deal(db, try Fixture.customer(db, "王建国"), stage: .needs)
        try db.tick(dealID: deal.id!, Self.needsItems.map { ChecklistTick(stage: .needs, item: $0) }, now: Fixture.at("2026-11-02 09:00"))
        let now = Fixture.at("2026-11-10 09:00")
        let (stage, id, expected): (Stage, Int64, RapportError) = switch refusal {
        case .sameStage: (.needs, deal.id!, .conflict("deal 1 is already in needs"))
        case .openToPaid: (.paid, deal.id!, .conflict("deal 1 is not won yet; win it first (rapport deal won)"))
        case .wonThroughMove: (.won, deal.id!, .conflict("deal 1 is won with its contract: use `rapport deal won 1`"))
        case .lostWithoutReason: (.lost, deal.id!, .invalid(field: "lost reason", value: "",
                                                            expected: "say why: --reason price|competitor|no-budget|no-decision|timing|other"))
        case .unknownDeal: (.proposal, 99, .notFound(what: "deal", reference: "99"))
        }
        // When it is moved / Then it is refused with the reason, and nothing is written
        try P.expectNothingWritten(db, throws: expected) {
            _ = try db.moveDeal(id: id, to: stage, note: "x", force: true, now: now)
        }
    }

    @Test func aLostDealKeepsItsReasonAndCannotMoveAnywhere() throws {
        // Given a deal in proposal
        let db = try AppDatabase.empty()
        let deal = try P.deal(db, try Fixture.customer(db, "王建国"), stage: .proposal, at: "2026-11-01 09:00")
        // When it is lost to a competitor
        let lost = try db.moveDeal(id: deal.id!, to: .lost, note: "选了友商", lost: (.competitor, "选了友商"), now: Fixture.at("2026-11-05 16:00"))
        // Then it is lost with its reason and note
        #expect(lost.stage == .lost)
        let stored = try #require(try db.deal(id: deal.id!))
        #expect(stored.lostReason == .competitor)
        #expect(stored.lostNote == "选了友商")
        #expect(stored.stageEnteredAt.text == "2026-11-05 16:00")
        #expect(try P.stays(db, deal.id!).last == P.Stay(stage: "lost", from: "proposal", enteredAt: "2026-11-05 16:00", note: "选了友商",
                                                         leftAt: nil, leftTo: nil, days: nil))
        // And no move takes it anywhere, forced or not: nothing is written
        for target in Stage.allCases where target != .lost {
            try P.expectNothingWritten(db, throws: .conflict("deal 1 is lost; a lost deal cannot move (add a new deal instead)")) {
                _ = try db.moveDeal(id: deal.id!, to: target, note: "", force: true, lost: (.price, nil), now: Fixture.at("2026-11-06 09:00"))
            }
        }
        try P.expectNothingWritten(db, throws: .conflict("deal 1 is lost; a lost deal cannot move (add a new deal instead)")) {
            _ = try db.winDeal(id: deal.id!, contract: P.contract(customerID: deal.customerID), note: "", force: true,
                               now: Fixture.at("2026-11-06 09:00"))
        }
    }

    @Test(arguments: ["negotiation", "p", "", "won!", "赢"])
    func anUnknownStageIsRefusedNamingIt(typed: String) {
        #expect(throws: RapportError.invalid(field: "stage", value: typed,
                                             expected: "use one of lead, qualified, needs, proposal, closing, won, paid, lost")) {
            try Stage(parsing: typed)
        }
    }

    @Test func theSchemaRefusesAStageItDoesNotKnow() throws {
        // Given a deal
        let db = try AppDatabase.empty()
        let deal = try P.deal(db, try Fixture.customer(db, "王建国"))
        let before = try P.dump(db)
        // When something writes a stage Rapport does not know / Then SQLite refuses it and nothing changes
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE deal SET stage = 'negotiation' WHERE id = ?", arguments: [deal.id!]) }
        }
        #expect(try P.dump(db) == before)
    }

    // MARK: - Paid

    @Test func paidNeedsTheContractPaidUpUnlessForced() throws {
        // Given a won deal with a 12,000.00 contract in one instalment, 5,000.00 of it paid
        let db = try AppDatabase.empty()
        let deal = try P.deal(db, try Fixture.customer(db, "王建国"), stage: .closing, at: "2026-11-01 09:00")
        let won = try db.winDeal(id: deal.id!, contract: P.contract(customerID: deal.customerID, amount: P.yuan(12_000)), note: "",
                                 force: true, now: Fixture.at("2026-11-02 09:00"))
        _ = try P.pay(db, won.contract, P.yuan(5_000), on: "2026-11-03")
        // When it is moved to paid / Then it is refused, naming what is still owed, and nothing is written
        try P.expectNothingWritten(db, throws: .conflict(
            "deal 1 still has 7,000.00 CNY outstanding on its contract; record the payments with `rapport pay`, or move with --force")) {
            _ = try db.moveDeal(id: deal.id!, to: .paid, note: "", now: Fixture.at("2026-11-10 09:00"))
        }
        // When it is forced / Then it is paid, and a paid deal cannot move again
        let paid = try db.moveDeal(id: deal.id!, to: .paid, note: "坏账核销", force: true, now: Fixture.at("2026-11-12 09:00"))
        #expect(paid.stage == .paid)
        #expect(try P.stays(db, deal.id!).suffix(2) == [
            P.Stay(stage: "won", from: "closing", enteredAt: "2026-11-02 09:00", note: "", leftAt: "2026-11-12 09:00", leftTo: "paid", days: 10),
            P.Stay(stage: "paid", from: "won", enteredAt: "2026-11-12 09:00", note: "坏账核销", leftAt: nil, leftTo: nil, days: nil),
        ])
        try P.expectNothingWritten(db, throws: .conflict("deal 1 is paid; it is finished and cannot move")) {
            _ = try db.moveDeal(id: deal.id!, to: .lead, note: "", force: true, now: Fixture.at("2026-11-13 09:00"))
        }
    }

    @Test(arguments: [Stage.lead, .qualified, .needs, .proposal, .closing, .lost])
    func aWonDealCanOnlyMoveToPaid(target: Stage) throws {
        let db = try AppDatabase.empty()
        let deal = try P.deal(db, try Fixture.customer(db, "王建国"), stage: .closing)
        _ = try db.winDeal(id: deal.id!, contract: P.contract(customerID: deal.customerID), note: "", force: true, now: Fixture.at("2026-11-02 09:00"))
        try P.expectNothingWritten(db, throws: .conflict("deal 1 is won; a won deal can only move to paid (its contract stays signed)")) {
            _ = try db.moveDeal(id: deal.id!, to: target, note: "", force: true, lost: (.price, nil), now: Fixture.at("2026-11-10 09:00"))
        }
    }

    // MARK: - Stage history

    @Test func everyMoveLeavesAStayWithWhenItLeftForWhereAndTheWholeDaysSpent() throws {
        // Given a deal added on 2026-09-01 10:00
        let db = try AppDatabase.empty()
        let deal = try P.deal(db, try Fixture.customer(db, "王建国"), at: "2026-09-01 10:00", note: "展会")
        // When it moves on, back, on again (forced), and is lost — whole days are counted
        // from day to day, whatever the time of day
        _ = try db.moveDeal(id: deal.id!, to: .qualified, note: "首次通话", now: Fixture.at("2026-09-11 09:00"))    // 10 days
        _ = try db.moveDeal(id: deal.id!, to: .needs, note: "", now: Fixture.at("2026-09-11 17:00"))              // the same day: 0
        _ = try db.moveDeal(id: deal.id!, to: .qualified, note: "预算没定", now: Fixture.at("2026-09-30 08:00"))   // Sep 11 → 30: 19
        _ = try db.moveDeal(id: deal.id!, to: .proposal, note: "", force: true, now: Fixture.at("2026-10-02 23:59")) // 2
        _ = try db.moveDeal(id: deal.id!, to: .lost, note: "太贵", lost: (.price, nil), now: Fixture.at("2026-10-03 00:01")) // 1
        // Then there is one row per stay, each left one with left_at, left_to and its days
        let expected = [
            P.Stay(stage: "lead", from: nil, enteredAt: "2026-09-01 10:00", note: "展会", leftAt: "2026-09-11 09:00", leftTo: "qualified", days: 10),
            P.Stay(stage: "qualified", from: "lead", enteredAt: "2026-09-11 09:00", note: "首次通话", leftAt: "2026-09-11 17:00", leftTo: "needs",
                   days: 0),
            P.Stay(stage: "needs", from: "qualified", enteredAt: "2026-09-11 17:00", note: "", leftAt: "2026-09-30 08:00", leftTo: "qualified",
                   days: 19),
            P.Stay(stage: "qualified", from: "needs", enteredAt: "2026-09-30 08:00", note: "预算没定", leftAt: "2026-10-02 23:59",
                   leftTo: "proposal", days: 2),
            P.Stay(stage: "proposal", from: "qualified", enteredAt: "2026-10-02 23:59", note: "", leftAt: "2026-10-03 00:01", leftTo: "lost",
                   days: 1),
            P.Stay(stage: "lost", from: "proposal", enteredAt: "2026-10-03 00:01", note: "太贵", leftAt: nil, leftTo: nil, days: nil),
        ]
        #expect(try P.stays(db, deal.id!) == expected)
        // And the deal detail reads the same history, oldest first
        let detail = try #require(try db.dealDetail(id: deal.id!))
        #expect(detail.stays.map(\.stage) == [.lead, .qualified, .needs, .qualified, .proposal, .lost])
        #expect(detail.stays.map { $0.leftAt?.text } == expected.map(\.leftAt))
        let stored = try #require(try db.deal(id: deal.id!))
        #expect(stored.createdAt.text == "2026-09-01 10:00")
        #expect([stored.stageEnteredAt, stored.updatedAt, stored.lastActivityAt].allSatisfy { $0.text == "2026-10-03 00:01" })
    }

    @Test func aMoveResetsTheDealsOwnProbability() throws {
        let db = try AppDatabase.empty()
        let deal = try P.deal(db, try Fixture.customer(db, "王建国"), probability: 35)
        #expect(try db.deal(id: deal.id!)?.probability == 35)
        let moved = try db.moveDeal(id: deal.id!, to: .qualified, note: "", now: Fixture.at("2026-11-10 09:00"))
        #expect(moved.probability == nil)
        #expect(try db.deal(id: deal.id!)?.probability == nil)
        #expect(moved.probability(.defaults) == 20)
    }
}

// MARK: - Fixtures shared by the pipeline's store tests

/// Builders and probes for the pipeline's store tests: deals, contracts and payments at
/// fixed moments, and a dump of every table a pipeline write touches.
enum PipelineFixture {
    static func fen(_ minorUnits: Int64, _ currency: Currency = .yuan) -> Money { Money(minorUnits: minorUnits, currency: currency) }
    static func yuan(_ units: Int64) -> Money { fen(units * 100) }

    /// A deal added at `at`.
    @discardableResult
    static func deal(_ db: AppDatabase, _ customer: Customer, _ title: String = "年度服务", amount: Money = yuan(12_000),
                     stage: Stage = .lead, probability: Int? = nil, close: String? = nil, at: String = "2026-11-01 09:00",
                     note: String = "") throws -> Deal {
        var d = Deal(customerID: customer.id!, title: title, amount: amount, stage: stage, createdAt: Fixture.at(at))
        d.probability = probability
        d.expectedClose = close.map(Fixture.day)
        return try db.addDeal(d.validated(), note: note, now: Fixture.at(at))
    }

    /// A draft contract (numbered by the store unless `number` is given): `amount` in
    /// `count` monthly instalments from `first` (default the start), or the `plan` given.
    static func contract(customerID: Int64, amount: Money = yuan(12_000), count: Int = 1, number: String = "",
                         signed: String = "2026-11-23", starts: String? = nil, ends: String? = nil, first: String? = nil,
                         plan: [(String, Int64)]? = nil) throws -> Contract {
        let start = Fixture.day(starts ?? signed)
        let instalments = try plan.map { entries in
            entries.enumerated().map { Instalment(position: $0.offset + 1, dueOn: Fixture.day($0.element.0), amount: fen($0.element.1, amount.currency)) }
        } ?? PaymentPlan.even(total: amount, count: count, first: first.map(Fixture.day) ?? start)
        return Contract(customerID: customerID, number: number, signedOn: Fixture.day(signed), startsOn: start, endsOn: ends.map(Fixture.day),
                        amount: amount, instalments: instalments, createdAt: Fixture.at(signed + " 09:00"))
    }

    /// Pays `amount` on the contract (its earliest unpaid instalment first, or `position`), recorded at `on` 10:00.
    @discardableResult
    static func pay(_ db: AppDatabase, _ contract: Contract, _ amount: Money, on: String, position: Int? = nil,
                    allowOverpay: Bool = false) throws -> RecordedPayment {
        try db.recordPayment(contractID: contract.id!, instalment: position, amount: amount, on: Fixture.day(on), note: "",
                             allowOverpay: allowOverpay, now: Fixture.at(on + " 10:00"))
    }

    /// One row of `deal_stage`, as text.
    struct Stay: Hashable, CustomStringConvertible {
        var stage: String
        var from: String?
        var enteredAt: String
        var note: String
        var leftAt: String?
        var leftTo: String?
        var days: Int?

        var description: String { "\(stage)<-\(from ?? "-") \(enteredAt) [\(note)] \(leftAt ?? "-")->\(leftTo ?? "-") \(days.map(String.init) ?? "-")d" }
    }

    /// A deal's stays, oldest first, straight from the table.
    static func stays(_ db: AppDatabase, _ dealID: Int64) throws -> [Stay] {
        try db.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM deal_stage WHERE deal_id = ? ORDER BY id", arguments: [dealID]).map {
                Stay(stage: $0["stage"], from: $0["from_stage"], enteredAt: $0["entered_at"], note: $0["note"], leftAt: $0["left_at"],
                     leftTo: $0["left_to"], days: $0["days"])
            }
        }
    }

    static func count(_ db: AppDatabase, _ table: String) throws -> Int {
        try db.reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    /// Every row of every table a pipeline write touches.
    static func dump(_ db: AppDatabase) throws -> [String: [String]] {
        let tables = ["customer", "deal", "deal_item", "deal_stage", "deal_check", "product", "contract", "instalment", "payment",
                      "follow_up", "interaction", "setting"]
        return try db.reader.read { db in
            var all: [String: [String]] = [:]
            for table in tables {
                all[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted()
            }
            return all
        }
    }

    /// Expects `body` to throw exactly `expected` and to leave every pipeline table as it was.
    static func expectNothingWritten(_ db: AppDatabase, throws expected: RapportError, sourceLocation: SourceLocation = #_sourceLocation,
                                     _ body: () throws -> Void) throws {
        let before = try dump(db)
        #expect(throws: expected, sourceLocation: sourceLocation) { try body() }
        let after = try dump(db)
        #expect(after == before, "a refused write changed the book", sourceLocation: sourceLocation)
    }

    // MARK: - Query plans

    /// The SELECT statements `body` ran against the book, with their arguments inlined.
    static func statements(_ run: (AppDatabase) throws -> Void) throws -> (AppDatabase, [String]) {
        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        let db = try AppDatabase(queue)
        let recorder = Recorder()
        queue.inDatabase { $0.trace { event in
            if case .statement(let statement) = event { recorder.append(statement.expandedSQL) }
        } }
        try run(db)
        queue.inDatabase { $0.trace(options: [], nil) }
        return (db, recorder.lines)
    }

    /// The query plan of a statement, one detail per line.
    static func plan(_ db: AppDatabase, _ sql: String) throws -> [String] {
        try db.reader.read { try Row.fetchAll($0, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String } }
    }

    /// A plan line that reads a whole table: `SCAN deal` or `SCAN d`, not `SCAN d USING … INDEX …`.
    static func isTableScan(_ detail: String) -> Bool {
        detail.hasPrefix("SCAN ") && !detail.contains(" USING ") && !detail.hasPrefix("SCAN CONSTANT ROW")
    }

    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [String] = []

        func append(_ line: String) {
            lock.lock()
            recorded.append(line)
            lock.unlock()
        }

        var lines: [String] {
            lock.lock()
            defer { lock.unlock() }
            return recorded
        }
    }
}
