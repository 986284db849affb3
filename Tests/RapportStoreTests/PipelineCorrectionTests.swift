import Foundation
import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

/// Deals removed, contracts cancelled and payments voided: each leaves the funnel, the
/// contract's received, the owed reminders and the customer card where they would be had
/// the mistake never been made, and a refusal names the record in the way.
struct PipelineCorrectionTests {
    typealias P = PipelineFixture

    // MARK: - Removing a deal

    @Test func removingADealPutsTheFunnelBackAsItWasBeforeTheDealWasAdded() throws {
        // Given the funnel's hand-made book and its report
        let db = try FunnelQueryTests.book()
        let before = try FunnelQueryTests.report(db)
        let anna = try db.resolveCustomer("Anna")
        // When a deal with two line items is added, moved through two stages with a tick, then removed
        var draft = Deal(customerID: anna.id!, title: "错录", amount: P.yuan(7_000), stage: .lead, createdAt: Fixture.at("2026-11-02 09:00"))
        draft.items = [DealItem(productID: nil, description: "A", quantity: 2, unitPrice: P.yuan(2_000)),
                       DealItem(productID: nil, description: "B", quantity: 1, unitPrice: P.yuan(3_000))]
        draft.expectedClose = Fixture.day("2026-12-01")
        let deal = try db.addDeal(draft.validated(), now: Fixture.at("2026-11-02 09:00"))
        _ = try db.moveDeal(id: deal.id!, to: .needs, note: "", force: true, now: Fixture.at("2026-11-05 09:00"))
        try db.tick(dealID: deal.id!, [ChecklistTick(stage: .needs, item: PipelineSettings.defaults.checklist(of: .needs)[0])],
                    now: Fixture.at("2026-11-06 09:00"))
        _ = try db.moveDeal(id: deal.id!, to: .proposal, note: "", force: true, now: Fixture.at("2026-11-10 09:00"))
        #expect(try FunnelQueryTests.report(db) != before)
        let removed = try db.removeDeal(id: deal.id!)
        // Then the deal and everything of it is gone, and the funnel is exactly as before
        #expect(removed.deal.title == "错录" && removed.deal.items.count == 2)
        #expect(removed.customerName == "Anna")
        #expect(removed.stays == 3)
        for table in ["deal_item", "deal_stage", "deal_check"] {
            #expect(try db.reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table) WHERE deal_id = ?", arguments: [deal.id!]) } == 0)
        }
        #expect(try db.deal(id: deal.id!) == nil)
        #expect(try FunnelQueryTests.report(db) == before)
        try RollupTests.expectRollupsTrue(db, after: "removing a deal")
        #expect(throws: RapportError.notFound(what: "deal", reference: "\(deal.id!)")) { try db.removeDeal(id: deal.id!) }
    }

    @Test func aDealWithAContractIsNotRemoved() throws {
        // Given a won deal with contract HT-001
        let db = try AppDatabase.empty()
        let wang = try Fixture.customer(db, "王建国")
        let deal = try P.deal(db, wang, stage: .closing)
        _ = try db.winDeal(id: deal.id!, contract: P.contract(customerID: wang.id!, number: "HT-001"), note: "", force: true,
                           now: Fixture.at("2026-11-23 09:00"))
        // Then removing it is refused, naming the contract and the way out, and nothing changes
        try P.expectNothingWritten(db, throws: .conflict("deal 1 has contract HT-001; cancel the contract first (rapport contract cancel HT-001)")) {
            _ = try db.removeDeal(id: deal.id!)
        }
    }

    // MARK: - Cancelling a contract

    /// Every reminder of the book today, as text: what the owed instalments say.
    static func reminders(_ db: AppDatabase) throws -> [String] {
        let scanner = ReminderScanner()
        return scanner.scan(try db.reminderInputs(for: scanner.plan(today: Fixture.today)), today: Fixture.today)
            .map { "\($0.rule) \($0.customer.name): \($0.detail)" }
    }

    @Test func cancellingAContractPutsTheFunnelTheRemindersAndTheCardBack() throws {
        // Given the funnel's book, its report, its reminders and 王建国's card
        let db = try FunnelQueryTests.book()
        let wang = try db.resolveCustomer("王建国")
        let before = (try FunnelQueryTests.report(db), try Self.reminders(db), try db.customerCard(id: wang.id!))
        // When a contract signed without a deal, 9,000.00 in three instalments from 11-20 (one overdue), is recorded, then cancelled
        let k = try db.addContract(P.contract(customerID: wang.id!, amount: P.yuan(9_000), count: 3, number: "HT-009", signed: "2026-11-20"),
                                   now: Fixture.at("2026-11-20 10:00"))
        #expect(try Self.reminders(db) != before.1)
        let cancelled = try db.cancelContract(id: k.id!, now: Fixture.at("2026-11-23 09:00"))
        // Then it is gone with its instalments, and the funnel, the reminders and the card are as before
        #expect(cancelled.contract.number == "HT-009" && cancelled.contract.instalments.count == 3)
        #expect(cancelled.reopenedDeal == nil)
        #expect(try db.contract(id: k.id!) == nil)
        #expect(try db.reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM instalment WHERE contract_id = ?", arguments: [k.id!]) } == 0)
        #expect(try FunnelQueryTests.report(db) == before.0)
        #expect(try Self.reminders(db) == before.1)
        #expect(try db.customerCard(id: wang.id!) == before.2)
        #expect(throws: RapportError.notFound(what: "contract", reference: "\(k.id!)")) { try db.cancelContract(id: k.id!, now: Fixture.at("2026-11-23 09:00")) }
    }

    @Test func aPaidDealWhoseContractIsCancelledIsWonAgainByAStageMove() throws {
        // Given a deal won on 11-20 with contract HT-001, moved to paid on 11-21 without a payment (forced)
        let db = try AppDatabase.empty()
        let wang = try Fixture.customer(db, "王建国")
        let deal = try P.deal(db, wang, stage: .closing, at: "2026-11-01 09:00")
        let won = try db.winDeal(id: deal.id!, contract: P.contract(customerID: wang.id!, number: "HT-001", signed: "2026-11-20"), note: "",
                                 force: true, now: Fixture.at("2026-11-20 09:00"))
        _ = try db.moveDeal(id: deal.id!, to: .paid, note: "", force: true, now: Fixture.at("2026-11-21 09:00"))
        // When the contract is cancelled on 11-23
        let cancelled = try db.cancelContract(id: won.contract.id!, now: Fixture.at("2026-11-23 09:00"))
        // Then the deal is won again, the paid stay left after its 2 days, as any move leaves a stay
        #expect(cancelled.reopenedDeal?.stage == .won)
        #expect(try db.deal(id: deal.id!)?.stage == .won)
        #expect(try P.stays(db, deal.id!).suffix(2) == [
            P.Stay(stage: "paid", from: "won", enteredAt: "2026-11-21 09:00", note: "", leftAt: "2026-11-23 09:00", leftTo: "won", days: 2),
            P.Stay(stage: "won", from: "paid", enteredAt: "2026-11-23 09:00", note: "contract HT-001 cancelled · 合同取消",
                   leftAt: nil, leftTo: nil, days: nil),
        ])
        try RollupTests.expectRollupsTrue(db, after: "cancelling a paid deal's contract")
        // And with no contract left, the deal can be removed
        #expect(try db.removeDeal(id: deal.id!).stays == 4)
    }

    @Test func aContractWithPaymentsIsNotCancelled() throws {
        // Given HT-001, 12,000.00 in three instalments, paid 5,000.00 (4,000.00 on /1 and 1,000.00 on /2)
        let db = try AppDatabase.empty()
        let wang = try Fixture.customer(db, "王建国")
        let k = try db.addContract(P.contract(customerID: wang.id!, count: 3, number: "HT-001"), now: Fixture.at("2026-11-23 09:00"))
        try P.pay(db, k, P.yuan(5_000), on: "2026-11-23")
        // Then cancelling it is refused, naming the payments to void, and nothing changes
        try P.expectNothingWritten(db, throws: .conflict(
            "contract HT-001 has 2 payments (5,000.00 CNY); void them first (rapport pay void 1, then 2)")) {
            _ = try db.cancelContract(id: k.id!, now: Fixture.at("2026-11-23 10:00"))
        }
    }

    // MARK: - Voiding a payment

    /// A won deal with HT-001, 12,000.00 in three 4,000.00 instalments due 10-25, 11-25 (so
    /// reminded today) and 12-25, the first paid on 11-10.
    static func wonWithAPayment() throws -> (AppDatabase, Customer, Deal, Contract) {
        let db = try AppDatabase.empty()
        let wang = try Fixture.customer(db, "王建国")
        let deal = try P.deal(db, wang, stage: .closing, at: "2026-10-01 09:00")
        let won = try db.winDeal(id: deal.id!, contract: P.contract(customerID: wang.id!, count: 3, number: "HT-001", signed: "2026-11-01", first: "2026-10-25"),
                                 note: "", force: true, now: Fixture.at("2026-11-01 09:00"))
        try P.pay(db, won.contract, P.yuan(4_000), on: "2026-11-10")
        return (db, wang, deal, won.contract)
    }

    @Test func voidingAPaymentPutsReceivedTheRemindersAndTheFunnelBack() throws {
        // Given the contract with its first instalment paid, the funnel, the reminders and what the card says is owed
        let (db, wang, _, k) = try Self.wonWithAPayment()
        let before = (try db.contract(id: k.id!), try FunnelQueryTests.report(db), try Self.reminders(db),
                      try db.customerCard(id: wang.id!)?.outstanding)
        #expect(before.1.collections.first?.collectedThisMonth == P.yuan(4_000))
        // When 5,000.00 is recorded by mistake on 11-20 (4,000.00 on /2, 1,000.00 on /3) and both parts are voided on 11-23
        let mistake = try P.pay(db, k, P.yuan(5_000), on: "2026-11-20")
        #expect(mistake.payments.map(\.amount) == [P.yuan(4_000), P.yuan(1_000)])
        #expect(try Self.reminders(db) != before.2)
        var voided: [VoidedPayment] = []
        for p in mistake.payments { voided.append(try db.voidPayment(id: p.id!, note: "记错了", now: Fixture.at("2026-11-23 09:00"))) }
        // Then what was received, on the contract and each instalment, is as before, and so are the funnel, the reminders and what is owed
        #expect(voided.last?.contract == before.0)
        #expect(try db.contract(id: k.id!) == before.0)
        #expect(try FunnelQueryTests.report(db) == before.1)
        #expect(try Self.reminders(db) == before.2)
        #expect(try db.customerCard(id: wang.id!)?.outstanding == before.3)
        #expect(voided.allSatisfy { $0.reopenedDeal == nil })
        // And the two rows stay on the card, marked void with the note
        let payments = try #require(try db.customerCard(id: wang.id!)).payments
        #expect(payments.map(\.amount) == [P.yuan(4_000), P.yuan(4_000), P.yuan(1_000)])
        #expect(payments.map(\.voidedAt) == [nil, Fixture.at("2026-11-23 09:00"), Fixture.at("2026-11-23 09:00")])
        #expect(payments.map(\.voidNote) == ["", "记错了", "记错了"])
        // And a payment is voided once
        let second = try #require(mistake.payments.first?.id)
        try P.expectNothingWritten(db, throws: .conflict("payment \(second) is already void (since 2026-11-23)")) {
            _ = try db.voidPayment(id: second, note: "", now: Fixture.at("2026-11-24 09:00"))
        }
        try P.expectNothingWritten(db, throws: .notFound(what: "payment", reference: "99")) {
            _ = try db.voidPayment(id: 99, note: "", now: Fixture.at("2026-11-24 09:00"))
        }
    }

    @Test func aPaidDealIsWonAgainWhenAVoidLeavesItsContractOwed() throws {
        // Given the contract paid in full on 11-20, its deal moved to paid
        let (db, _, deal, k) = try Self.wonWithAPayment()
        let won = try FunnelQueryTests.report(db)
        let last = try P.pay(db, k, P.yuan(8_000), on: "2026-11-20")
        #expect(last.paidDeal?.stage == .paid)
        // When the payment on /3 is voided on 11-23
        let voided = try db.voidPayment(id: try #require(last.payments.last?.id), note: "", now: Fixture.at("2026-11-23 09:00"))
        // Then the contract owes 4,000.00 on /3 again and the deal is back in won, by a move from paid
        #expect(voided.contract.received == P.yuan(8_000))
        #expect(voided.contract.instalments.map(\.received) == [P.yuan(4_000), P.yuan(4_000), P.yuan(0)])
        #expect(voided.reopenedDeal?.stage == .won)
        #expect(try db.deal(id: deal.id!)?.stage == .won)
        #expect(try P.stays(db, deal.id!).suffix(2) == [
            P.Stay(stage: "paid", from: "won", enteredAt: "2026-11-20 10:00", note: "paid in full · 回款完成", leftAt: "2026-11-23 09:00",
                   leftTo: "won", days: 3),
            P.Stay(stage: "won", from: "paid", enteredAt: "2026-11-23 09:00", note: "payment \(last.payments.last!.id!) void · 回款作废",
                   leftAt: nil, leftTo: nil, days: nil),
        ])
        try RollupTests.expectRollupsTrue(db, after: "voiding a payment of a paid deal")
        // And the funnel's money is where it was while the deal was won: the same deals per stage, 4,000.00 more collected
        let now = try FunnelQueryTests.report(db)
        #expect(now.stages.map { [$0.stage.rawValue, "\($0.count)", "\($0.totals)"] } == won.stages.map { [$0.stage.rawValue, "\($0.count)", "\($0.totals)"] })
        #expect(now.collections.first?.collectedThisMonth == P.yuan(8_000))
        #expect(now.collections.first?.outstanding == P.yuan(4_000))
        // And paying it again moves the deal to paid again
        #expect(try P.pay(db, k, P.yuan(4_000), on: "2026-11-23").paidDeal?.stage == .paid)
    }

    @Test func aContractWhosePaymentsAreAllVoidedCanBeCancelled() throws {
        let (db, _, deal, k) = try Self.wonWithAPayment()
        let payment = try #require(try db.customerCard(id: deal.customerID)?.payments.first?.id)
        _ = try db.voidPayment(id: payment, note: "", now: Fixture.at("2026-11-23 09:00"))
        #expect(try db.cancelContract(id: k.id!, now: Fixture.at("2026-11-23 09:10")).contract.number == "HT-001")
        #expect(try P.count(db, "payment") == 0)
        #expect(try db.deal(id: deal.id!)?.stage == .won)
    }
}
