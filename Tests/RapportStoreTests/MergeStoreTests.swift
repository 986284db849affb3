import Foundation
import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

/// Merging a duplicate customer into the one kept: one change, with the kept customer's
/// derived state recomputed, that `undo` takes back whole.
struct MergeStoreTests {
    typealias P = PipelineFixture
    static let now = Fixture.at("2026-11-23 15:00")

    /// 王建国 (#1), silent after two unanswered calls, and 周敏 (#2), the same person under the
    /// same number written otherwise, with a visit, a later answered call, a follow-up and a deal.
    static func book() throws -> AppDatabase {
        let db = try AppDatabase.empty()
        var wang = Customer(name: "王建国", createdAt: Fixture.at("2026-01-05 09:00"))
        wang.grade = .a
        wang.city = "上海"
        wang.phones = [LabeledValue("+86 138-0013-8000")]
        let kept = try db.addCustomer(wang.validated())
        var zhou = Customer(name: "周敏", createdAt: Fixture.at("2026-06-01 09:00"))
        zhou.city = "深圳"
        zhou.phones = [LabeledValue("13800138000"), LabeledValue("010-8888-1234")]
        let other = try db.addCustomer(zhou.validated())
        try Fixture.call(db, kept, at: "2026-11-14 10:00", outcome: .noAnswer)
        try Fixture.call(db, kept, at: "2026-11-15 10:00", outcome: .noAnswer)
        try Fixture.call(db, other, at: "2026-11-05 10:00", kind: .visit, outcome: .reached)
        try Fixture.call(db, other, at: "2026-11-16 10:00", outcome: .reached)
        _ = try db.addFollowUp(FollowUp(customerID: other.id!, due: When(day: Fixture.day("2026-11-25")), title: "回访",
                                        createdAt: Fixture.at("2026-11-10 10:00")))
        _ = try db.addDeal(Deal(customerID: other.id!, title: "年度服务", amount: Money(minorUnits: 1_200_000, currency: .yuan), stage: .proposal,
                                createdAt: Fixture.at("2026-11-01 09:00")).validated(), now: Fixture.at("2026-11-01 09:00"))
        return db
    }

    @Test func theOthersTimelineFollowUpsAndDealsMoveAndTheKeptCustomersStateIsDerivedAgain() throws {
        // Given 王建国, silent since 11-15, and 周敏 with the newer contact
        let db = try Self.book()
        #expect(try db.customer(id: 1)?.silentSince == Fixture.at("2026-11-15 10:00"))
        let before = try HistoryTests.book(db)

        // When 周敏 is merged into 王建国
        let merged = try db.mergeCustomers(keep: 1, other: 2, taking: [], now: Self.now)

        // Then 周敏 is gone, and everything of theirs is 王建国's
        #expect(try db.customer(id: 2) == nil)
        #expect(merged.moved.map { "\($0.count) \($0.table)" } == ["2 interaction", "1 follow_up", "1 deal"])
        let card = try #require(try db.customerCard(id: 1))
        #expect(card.timeline.count == 4)
        #expect(card.openFollowUps.map(\.title) == ["回访"])
        #expect(card.deals.map(\.title) == ["年度服务"])
        // The number written two ways is one phone; the other number is added
        #expect(card.customer.phones.map(\.value) == ["+86 138-0013-8000", "010-8888-1234"])
        #expect(merged.merge.phonesAdded == 1)
        #expect((card.customer.city, card.customer.grade) == ("上海", .a))
        // 周敏 became a prospect with the deal; 王建国 stays a lead unless the status is taken
        #expect(merged.merge.differences.map { "\($0.field): \($0.kept) · \($0.other)" }
                == ["name: 王建国 · 周敏", "city: 上海 · 深圳", "grade: A · ", "status: lead · prospect"])
        // The answered call of 11-16 is the last contact: no longer silent; the visit is 周敏's
        #expect(card.customer.lastContactAt == Fixture.at("2026-11-16 10:00"))
        #expect(card.customer.lastVisitAt == Fixture.at("2026-11-05 10:00"))
        #expect(card.customer.silentSince == nil)
        // The follow-up of 11-25 is the attention day; it and the deal saw the 11-16 call
        let derived = try db.reader.read { db in
            try Row.fetchOne(db, sql: """
                SELECT c.attention_on, f.last_activity_at, d.last_activity_at FROM customer c, follow_up f, deal d WHERE c.id = 1
                """)
        }
        #expect(derived?[0] == "2026-11-25")
        #expect(derived?[1] == "2026-11-16 10:00")
        #expect(derived?[2] == "2026-11-16 10:00")
        // And the search finds 王建国 by 周敏's other number
        #expect(try db.resolveCustomer("010-8888-1234").id == 1)

        // When the merge is undone, the whole book is what it was
        let undone = try db.undo(now: Self.now)
        #expect(undone.count == 1)
        #expect(try HistoryTests.book(db) == before)
        #expect(try db.customer(id: 2)?.silentSince == nil)
        #expect(try db.customer(id: 1)?.silentSince == Fixture.at("2026-11-15 10:00"))
    }

    @Test func aContractMovesWithItsInstalmentsAndPayments() throws {
        // Given a signed contract with a payment on 周敏
        let db = try Self.book()
        let contract = try db.addContract(P.contract(customerID: 2, amount: P.yuan(12_000), count: 2, number: "HT-1", signed: "2026-11-20"),
                                          now: Self.now)
        try P.pay(db, contract, P.yuan(2_000), on: "2026-11-21")
        let before = try HistoryTests.book(db)

        // When 周敏 is merged into 王建国, the contract and its payment are 王建国's
        let merged = try db.mergeCustomers(keep: 1, other: 2, taking: [.city], now: Self.now)
        #expect(merged.moved.map(\.table) == ["interaction", "follow_up", "deal", "contract"])
        let card = try #require(try db.customerCard(id: 1))
        #expect(card.contracts.map(\.number) == ["HT-1"])
        #expect(card.payments.map(\.amount) == [P.yuan(2_000)])
        #expect(card.customer.city == "深圳")
        #expect(try db.reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM instalment WHERE contract_id = ?", arguments: [contract.id]) } == 2)

        // When it is undone, 周敏 has the contract again, and the book is what it was
        _ = try db.undo(now: Self.now)
        #expect(try db.customerCard(id: 2)?.contracts.map(\.number) == ["HT-1"])
        #expect(try HistoryTests.book(db) == before)
    }

    @Test func aCustomerIsNotMergedWithThemselvesNorWithSomeoneMissing() throws {
        let db = try Self.book()
        let before = try HistoryTests.book(db)
        #expect(throws: RapportError.conflict("cannot merge #1 with itself; name two different customers")) {
            try db.mergeCustomers(keep: 1, other: 1, taking: [], now: Self.now)
        }
        #expect(throws: RapportError.notFound(what: "customer", reference: "#9")) {
            try db.mergeCustomers(keep: 1, other: 9, taking: [], now: Self.now)
        }
        #expect(try HistoryTests.book(db) == before)
    }
}
