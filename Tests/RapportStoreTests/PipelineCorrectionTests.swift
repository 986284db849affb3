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
}
