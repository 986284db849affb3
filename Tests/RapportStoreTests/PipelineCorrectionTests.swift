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
}
