import Foundation
import RapportCore
import RapportStore
import Testing
@testable import RapportTUI

/// The effect runner against a real book in memory: each correction the card offers writes
/// the book as the CLI's command does, answers with what it did, and `u` takes it back so
/// that the whole book is as it was.
struct EffectRunnerTests {
    static let now = Fx.now
    static func yuan(_ units: Int64) -> Money { Money(minorUnits: units * 100, currency: .yuan) }

    /// 王建国 with a contact person, a call, an open follow-up, an open deal, and a won deal
    /// whose contract of 36,000 (three instalments) has 12,000 paid.
    struct Book {
        let db: AppDatabase
        let runner: EffectRunner
        let card: CustomerCard

        init() throws {
            db = try AppDatabase.empty()
            var company = Customer(name: "王建国", createdAt: EffectRunnerTests.now)
            company.kind = .company
            let wang = try db.addCustomer(company)
            let id = try #require(wang.id)
            _ = try db.addContactPerson(ContactPerson(customerID: id, name: "张秘书"))
            _ = try db.logInteraction(Interaction(customerID: id, kind: .call, at: Fx.at(11, 20, 10, 0), note: "谈了报价"),
                                      next: When(day: Fx.day(11, 27)), keepOpen: false, now: Fx.at(11, 20, 10, 0))
            _ = try db.addDeal(Deal(customerID: id, title: "加购", amount: yuan(8_000), createdAt: EffectRunnerTests.now), now: EffectRunnerTests.now)
            let service = try db.addDeal(Deal(customerID: id, title: "年度服务", amount: yuan(36_000), stage: .closing, createdAt: EffectRunnerTests.now),
                                         now: EffectRunnerTests.now)
            let plan = try PaymentPlan.even(total: yuan(36_000), count: 3, first: Fx.day(11, 23))
            let won = try db.winDeal(id: try #require(service.id),
                                     contract: Contract(customerID: id, number: "HT-1", signedOn: Fx.day(11, 23), startsOn: Fx.day(11, 23), endsOn: nil,
                                                        amount: yuan(36_000), instalments: plan, createdAt: EffectRunnerTests.now),
                                     note: "", force: true, playbook: nil, now: EffectRunnerTests.now)
            _ = try db.recordPayment(contractID: try #require(won.contract.id), instalment: nil, amount: yuan(12_000), on: Fx.day(11, 23),
                                     note: "", allowOverpay: false, now: EffectRunnerTests.now)
            runner = EffectRunner(database: db, settings: try db.settings(), clock: { EffectRunnerTests.now })
            card = try #require(try db.customerCard(id: id))
        }

        func dump() throws -> String {
            var bytes: [UInt8] = []
            try db.dumpBook(now: EffectRunnerTests.now) { bytes += $0 }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Runs one effect; the message of the `saved` event it answers with.
        func run(_ effect: Effect) throws -> String {
            let events = runner.run(effect)
            guard case .saved(let message, _)? = events.first, events.count == 1 else {
                Issue.record("expected one saved event, got \(events)")
                return ""
            }
            return message
        }

        func undo() throws {
            guard case .undone? = runner.run(.undo).first else { throw RapportError.conflict("nothing undone") }
        }
    }

    @Test func removingAContactPersonKeepsTheCallAndUndoBringsThePersonBack() throws {
        let book = try Book()
        let before = try book.dump()
        let person = try #require(book.card.contacts.first)
        #expect(try book.run(.remove(.contact(person))) == "Removed contact person 张秘书")
        #expect(try book.db.contactPersons(customerID: person.customerID).isEmpty)
        try book.undo()
        #expect(try book.dump() == before)
    }

    @Test func removingADealWithoutAContractAndUndoingIt() throws {
        let book = try Book()
        let before = try book.dump()
        let addOn = try #require(book.card.deals.first { $0.title == "加购" })
        #expect(try book.run(.remove(.deal(addOn))) == "Removed deal \(addOn.id ?? 0) 加购")
        #expect(try book.db.deal(id: addOn.id ?? 0) == nil)
        try book.undo()
        #expect(try book.dump() == before)
    }

    @Test func aDealUnderAContractIsRefusedAndTheBookIsUntouched() throws {
        let book = try Book()
        let before = try book.dump()
        let service = try #require(book.card.deals.first { $0.title == "年度服务" })
        guard case .failed(let message)? = book.runner.run(.remove(.deal(service))).first else {
            Issue.record("removing a deal with a contract was not refused")
            return
        }
        #expect(message.contains("contract"))
        #expect(try book.dump() == before)
    }

    @Test func voidingThePaymentThenCancellingTheContractAndUndoingBoth() throws {
        let book = try Book()
        let before = try book.dump()
        let payment = try #require(book.card.payments.first)
        let contract = try #require(book.card.contracts.first)
        #expect(try book.run(.remove(.payment(payment))) == "Voided the payment of 12,000.00 · outstanding 36,000.00")
        #expect(try book.db.contract(id: contract.id ?? 0)?.received == Self.yuan(0))
        #expect(try book.run(.remove(.contract(contract))) == "Cancelled contract HT-1")
        #expect(try book.db.contract(id: contract.id ?? 0) == nil)
        try book.undo()
        try book.undo()
        #expect(try book.dump() == before)
    }

    @Test func correctingADealAndAContactPerson() throws {
        let book = try Book()
        let before = try book.dump()
        var addOn = try #require(book.card.deals.first { $0.title == "加购" })
        addOn.amount = Self.yuan(9_500)
        addOn.expectedClose = Fx.day(12, 31)
        #expect(try book.run(.editDeal(addOn)) == "Deal \(addOn.id ?? 0) corrected: 加购 · 9,500.00")
        #expect(try book.db.deal(id: addOn.id ?? 0)?.expectedClose == Fx.day(12, 31))
        var person = try #require(book.card.contacts.first)
        person.phone = "139-0000-1111"
        #expect(try book.run(.saveContact(person)) == "Saved contact person 张秘书")
        #expect(try book.db.contactPerson(id: person.id ?? 0)?.phone == "139-0000-1111")
        try book.undo()
        try book.undo()
        #expect(try book.dump() == before)
    }

    @Test func theCardToTheTrashAndBack() throws {
        let book = try Book()
        let before = try book.dump()
        let id = try #require(book.card.customer.id)
        #expect(try book.run(.remove(.customer(book.card.customer))) == "Moved 王建国 to the trash (rapport trash restore \(id))")
        guard case .cardLoaded(let card)? = book.runner.run(.loadCard(customerID: id)).first else {
            Issue.record("no card answer")
            return
        }
        #expect(card == nil)
        try book.undo()
        #expect(try book.dump() == before)
    }

    @Test func removingTheCallReopensTheFollowUpItScheduledAway() throws {
        let book = try Book()
        let call = try #require(book.card.timeline.first)
        #expect(try book.run(.remove(.interaction(call))) == "Removed the call of 2026-11-20 10:00 · the next one it scheduled removed")
        #expect(try book.db.customerCard(id: call.customerID)?.openFollowUps.isEmpty == true)
    }
}
