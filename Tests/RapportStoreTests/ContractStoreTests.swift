import Foundation
import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

/// Winning a deal (its contract, instalments and playbook) and recording payments against
/// the contract: allocation, partial and over payments, the move to paid, and no drift.
struct ContractStoreTests {
    typealias P = PipelineFixture

    /// A customer (a prospect) with a deal in closing added on 2026-11-01.
    private func closingDeal() throws -> (AppDatabase, Customer, Deal) {
        let db = try AppDatabase.empty()
        let customer = try Fixture.customer(db, "王建国", status: .lead)
        let deal = try P.deal(db, customer, stage: .closing, at: "2026-11-01 09:00")
        return (db, customer, deal)
    }

    /// A won deal with a 12,000.00 contract in three 4,000.00 instalments (11-23, 12-23, 01-23).
    private func wonDeal() throws -> (AppDatabase, Deal, Contract) {
        let (db, customer, deal) = try closingDeal()
        let won = try db.winDeal(id: deal.id!, contract: P.contract(customerID: customer.id!, count: 3), note: "", force: true,
                                 now: Fixture.at("2026-11-23 09:00"))
        return (db, won.deal, won.contract)
    }

    private func received(_ db: AppDatabase, _ contract: Contract) throws -> [Int64] {
        try #require(try db.contract(id: contract.id!)).instalments.map(\.received.minorUnits)
    }

    // MARK: - Winning

    @Test func winningWritesTheContractItsInstalmentsAndMakesACustomer() throws {
        // Given a prospect's deal in closing, its checklists ticked
        let (db, customer, deal) = try closingDeal()
        let settings = PipelineSettings.defaults
        let ticks = [Stage.closing].flatMap { s in settings.checklist(of: s).map { ChecklistTick(stage: s, item: $0) } }
        // When it is won with a 12,000.00 contract from 2026-11-23 for a year, in 3 monthly instalments
        let won = try db.winDeal(id: deal.id!, contract: P.contract(customerID: customer.id!, count: 3, ends: "2027-11-22"), note: "签约",
                                 ticking: ticks, now: Fixture.at("2026-11-23 15:00"))
        // Then the contract is the year's first, its plan 4,000.00 on 11-23, 12-23 and 01-23
        #expect(won.contract.number == "2026-001")
        #expect(won.contract.dealID == deal.id)
        #expect(won.followUps.isEmpty)
        let stored = try #require(try db.contract(id: won.contract.id!))
        #expect(stored == won.contract)
        #expect(stored.amount == P.yuan(12_000))
        #expect(stored.received == P.yuan(0))
        #expect(stored.endsOn == Fixture.day("2027-11-22"))
        #expect(stored.instalments.map(\.position) == [1, 2, 3])
        #expect(stored.instalments.map(\.dueOn.iso) == ["2026-11-23", "2026-12-23", "2027-01-23"])
        #expect(stored.instalments.map(\.amount.minorUnits) == [400_000, 400_000, 400_000])
        // And the deal is won, its customer a customer
        #expect(try db.deal(id: deal.id!)?.stage == .won)
        #expect(try db.customer(id: customer.id!)?.status == .customer)
        #expect(try P.stays(db, deal.id!).last == P.Stay(stage: "won", from: "closing", enteredAt: "2026-11-23 15:00", note: "签约",
                                                         leftAt: nil, leftTo: nil, days: nil))
        // And the next win of the year is numbered after it
        let second = try P.deal(db, customer, "二期", stage: .closing, at: "2026-11-23 16:00")
        let next = try db.winDeal(id: second.id!, contract: P.contract(customerID: customer.id!), note: "", force: true,
                                  now: Fixture.at("2026-11-23 16:30"))
        #expect(next.contract.number == "2026-002")
    }

    @Test func winningWithThePlaybookPlansItsFollowUpsFromTheStart() throws {
        // Given a deal in closing
        let (db, customer, deal) = try closingDeal()
        // When it is won with a contract starting 2026-12-01 and the onboarding playbook
        let won = try db.winDeal(id: deal.id!, contract: P.contract(customerID: customer.id!, signed: "2026-11-23", starts: "2026-12-01"),
                                 note: "", force: true, playbook: "onboarding", now: Fixture.at("2026-11-23 15:00"))
        // Then its three steps are planned from the start: +1d, +3d, +30d
        let expected = [("2026-12-02", "服务启动通知 · service-start message"), ("2026-12-04", "使用指导 · usage guidance"),
                        ("2026-12-31", "月度价值回顾 · monthly value review")]
        #expect(won.followUps.map(\.due.iso) == expected.map(\.0))
        #expect(won.followUps.map(\.title) == expected.map(\.1))
        let stored = try db.reader.read {
            try Row.fetchAll($0, sql: "SELECT due_on, title, status, customer_id FROM follow_up ORDER BY due_on")
        }
        #expect(stored.map { $0["due_on"] as String } == expected.map(\.0))
        #expect(stored.allSatisfy { $0["status"] as String == "open" && $0["customer_id"] as Int64 == customer.id! })
    }

    enum RefusedWin: String, CaseIterable {
        case untickedChecklist, unknownPlaybook, planNotAddingUp, takenNumber, anotherCustomer, alreadyWon
    }

    @Test(arguments: RefusedWin.allCases)
    func aRefusedWinWritesNothing(_ refusal: RefusedWin) throws {
        // Given a deal in closing, a contract HT-1 already in the book, and a second customer
        let (db, customer, deal) = try closingDeal()
        let other = try Fixture.customer(db, "李明")
        _ = try db.addContract(P.contract(customerID: other.id!, number: "HT-1"), now: Fixture.at("2026-11-20 09:00"))
        var draft = try P.contract(customerID: customer.id!)
        var force = true
        var playbook: String?
        let expected: RapportError
        switch refusal {
        case .untickedChecklist:
            force = false
            expected = .conflict("deal 1 cannot leave closing for won with 2 items unticked: 1. objections recorded 记录异议; "
                                 + "2. terms agreed 谈妥条款 — tick them with --done 1,2 or --done all, or move with --force")
        case .unknownPlaybook:
            playbook = "nosuch"
            expected = .notFound(what: "playbook", reference: "nosuch")
        case .planNotAddingUp:
            draft = try P.contract(customerID: customer.id!, plan: [("2026-12-01", 500_000), ("2027-01-01", 600_000)])
            expected = .invalid(field: "payment plan", value: "11,000.00", expected: "the instalments must add up to the contract's 12,000.00")
        case .takenNumber:
            draft.number = "ht-1"
            expected = .conflict("contract number \"HT-1\" is taken; choose another with --number")
        case .anotherCustomer:
            draft.customerID = other.id!
            expected = .conflict("the contract is for another customer than deal 1")
        case .alreadyWon:
            _ = try db.winDeal(id: deal.id!, contract: P.contract(customerID: customer.id!), note: "", force: true,
                               now: Fixture.at("2026-11-22 09:00"))
            expected = .conflict("deal 1 is already in won")
        }
        // When it is won / Then it is refused and nothing — move, contract, instalments, follow-ups, status — is written
        try P.expectNothingWritten(db, throws: expected) {
            _ = try db.winDeal(id: deal.id!, contract: draft, note: "", force: force, playbook: playbook, now: Fixture.at("2026-11-23 15:00"))
        }
    }

    @Test func aContractSignedWithoutADealIsRecordedByItself() throws {
        let db = try AppDatabase.empty()
        let customer = try Fixture.customer(db, "王建国")
        let saved = try db.addContract(P.contract(customerID: customer.id!, amount: P.yuan(36_000), count: 4, signed: "2026-06-01"),
                                       now: Fixture.at("2026-11-23 09:00"))
        #expect(saved.number == "2026-001")
        #expect(saved.dealID == nil)
        #expect(try db.contract(id: saved.id!)?.instalments.map(\.dueOn.iso) == ["2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01"])
        #expect(try P.count(db, "deal") == 0)
        try P.expectNothingWritten(db, throws: .notFound(what: "customer", reference: "#42")) {
            _ = try db.addContract(P.contract(customerID: 42), now: Fixture.at("2026-11-23 09:00"))
        }
    }

    // MARK: - Payments

    /// A payment fills the named instalment (or the earliest unpaid), then the later ones,
    /// then the earlier ones. Three instalments of 4,000.00 (400,000 fen).
    @Test(arguments: [
        (nil, 500_000, [400_000, 100_000, 0], [(1, 400_000), (2, 100_000)]),
        (2, 600_000, [0, 400_000, 200_000], [(2, 400_000), (3, 200_000)]),
        (3, 500_000, [100_000, 0, 400_000], [(3, 400_000), (1, 100_000)]),
        (3, 1_000_000, [400_000, 200_000, 400_000], [(3, 400_000), (1, 400_000), (2, 200_000)]),
        (nil, 1, [1, 0, 0], [(1, 1)]),
        (nil, 1_200_000, [400_000, 400_000, 400_000], [(1, 400_000), (2, 400_000), (3, 400_000)]),
    ] as [(Int?, Int64, [Int64], [(Int, Int64)])])
    func aPaymentIsSpreadOverTheInstalments(position: Int?, amount: Int64, instalments: [Int64], parts: [(Int, Int64)]) throws {
        // Given the contract, nothing paid
        let (db, _, contract) = try wonDeal()
        // When the payment is recorded
        let recorded = try P.pay(db, contract, P.fen(amount), on: "2026-11-23", position: position)
        // Then each instalment has its share, one payment row per share, and the contract the whole
        #expect(try received(db, contract) == instalments)
        let positions = Dictionary(uniqueKeysWithValues: contract.instalments.map { ($0.id!, $0.position) })
        let rows = try db.contractDetail(id: contract.id!)!.payments
        #expect(rows.map { positions[$0.instalmentID]! } == parts.map(\.0))
        #expect(rows.map(\.amount.minorUnits) == parts.map(\.1))
        #expect(recorded.payments == rows)
        #expect(try db.contract(id: contract.id!)?.received == P.fen(amount))
        #expect(recorded.contract.outstanding == P.fen(1_200_000 - amount))
    }

    @Test func partialPaymentsAddUpOnTheirInstalment() throws {
        // Given the contract
        let (db, deal, contract) = try wonDeal()
        // When 1,000.00 and then 500.50 come in on the first instalment
        try P.pay(db, contract, P.yuan(1_000), on: "2026-11-23", position: 1)
        let second = try P.pay(db, contract, P.fen(50_050), on: "2026-11-24", position: 1)
        // Then it has 1,500.50 of 4,000.00, and 10,499.50 is outstanding on the contract
        #expect(try received(db, contract) == [150_050, 0, 0])
        #expect(second.contract.received == P.fen(150_050))
        #expect(second.contract.outstanding == P.fen(1_049_950))
        #expect(second.contract.instalments[0].remaining == P.fen(249_950))
        #expect(second.paidDeal == nil)
        #expect(try db.deal(id: deal.id!)?.stage == .won)
        let payments = try #require(try db.contractDetail(id: contract.id!)).payments
        #expect(payments.map(\.paidOn.iso) == ["2026-11-23", "2026-11-24"])
    }

    @Test func overpayingIsRefusedAndWritesNothingUnlessAllowed() throws {
        // Given 5,000.00 of the 12,000.00 paid: 7,000.00 outstanding
        let (db, deal, contract) = try wonDeal()
        try P.pay(db, contract, P.yuan(5_000), on: "2026-11-23")
        // When 7,000.01 is paid / Then it is refused, naming both amounts, and nothing is written
        try P.expectNothingWritten(db, throws: .conflict(
            "paying 7,000.01 is more than the 7,000.00 outstanding on contract 2026-001; add --allow-overpay to record it anyway")) {
            try P.pay(db, contract, P.fen(700_001), on: "2026-11-24")
        }
        // When it is allowed / Then the excess stays on the last instalment it reached, and the deal is paid
        let over = try P.pay(db, contract, P.fen(700_001), on: "2026-11-24", allowOverpay: true)
        #expect(try received(db, contract) == [400_000, 400_000, 400_001])
        #expect(over.contract.received == P.fen(1_200_001))
        #expect(over.contract.outstanding == P.fen(-1))
        #expect(over.paidDeal?.stage == .paid)
        #expect(try db.deal(id: deal.id!)?.stage == .paid)
        // And on a paid-up contract even a fen is refused
        try P.expectNothingWritten(db, throws: .conflict(
            "paying 0.01 is more than the 0.00 outstanding on contract 2026-001; add --allow-overpay to record it anyway")) {
            try P.pay(db, contract, P.fen(1), on: "2026-11-25")
        }
    }

    enum RefusedPayment: String, CaseIterable {
        case otherCurrency, unknownInstalment, nothing, unknownContract
    }

    @Test(arguments: RefusedPayment.allCases)
    func aRefusedPaymentWritesNothing(_ refusal: RefusedPayment) throws {
        let (db, _, contract) = try wonDeal()
        try P.pay(db, contract, P.yuan(100), on: "2026-11-23")
        var target = contract
        var amount = P.yuan(100)
        var position: Int?
        let expected: RapportError
        switch refusal {
        case .otherCurrency:
            amount = P.fen(10_000, Currency(code: "USD"))
            expected = .invalid(field: "currency", value: "USD", expected: "contract 2026-001 is in CNY")
        case .unknownInstalment:
            position = 4
            expected = .notFound(what: "instalment", reference: "2026-001/4")
        case .nothing:
            amount = P.fen(0)
            expected = .invalid(field: "payment", value: "0.00", expected: "a payment is more than nothing")
        case .unknownContract:
            target.id = 99
            expected = .notFound(what: "contract", reference: "99")
        }
        try P.expectNothingWritten(db, throws: expected) {
            try P.pay(db, target, amount, on: "2026-11-24", position: position)
        }
    }

    @Test func aWonDealMovesToPaidWhenItsContractIsPaidInFull() throws {
        // Given a deal won on 2026-11-01 with a 12,000.00 contract in two instalments
        let (db, customer, deal) = try closingDeal()
        let won = try db.winDeal(id: deal.id!, contract: P.contract(customerID: customer.id!, count: 2, signed: "2026-11-01"), note: "",
                                 force: true, now: Fixture.at("2026-11-01 10:00"))
        // When the first half comes in / Then it is still won
        #expect(try P.pay(db, won.contract, P.yuan(6_000), on: "2026-11-10").paidDeal == nil)
        #expect(try db.deal(id: deal.id!)?.stage == .won)
        // When the rest comes in on 2026-11-20 / Then it moved to paid that moment, after 19 days won
        let last = try P.pay(db, won.contract, P.yuan(6_000), on: "2026-11-20")
        #expect(last.paidDeal?.id == deal.id)
        #expect(last.paidDeal?.stage == .paid)
        #expect(last.contract.outstanding == P.yuan(0))
        #expect(try P.stays(db, deal.id!).suffix(2) == [
            P.Stay(stage: "won", from: "closing", enteredAt: "2026-11-01 10:00", note: "", leftAt: "2026-11-20 10:00", leftTo: "paid", days: 19),
            P.Stay(stage: "paid", from: "won", enteredAt: "2026-11-20 10:00", note: "paid in full · 回款完成", leftAt: nil, leftTo: nil, days: nil),
        ])
        // And a contract without a deal is simply paid up
        let alone = try db.addContract(P.contract(customerID: customer.id!, number: "HT-9"), now: Fixture.at("2026-11-20 11:00"))
        let paid = try P.pay(db, alone, P.yuan(12_000), on: "2026-11-21")
        #expect(paid.paidDeal == nil)
        #expect(paid.contract.outstanding == P.yuan(0))
    }

    /// 100,000.01 in 12 instalments, paid in 70-odd uneven parts: after every payment the
    /// contract's received is the sum of its payments and of its instalments' received, and
    /// outstanding is amount − received, to the fen.
    @Test func noDriftOverManyPartialPaymentsAndInstalments() throws {
        // Given a won deal with a 100,000.01 contract in 12 monthly instalments:
        // 10,000,001 / 12 = 833,333 rest 5, so 11 × 833,333 and 833,338 on the last
        let (db, customer, deal) = try closingDeal()
        let won = try db.winDeal(id: deal.id!, contract: P.contract(customerID: customer.id!, amount: P.fen(10_000_001), count: 12,
                                                                    signed: "2026-01-05"),
                                 note: "", force: true, now: Fixture.at("2026-01-05 09:00"))
        #expect(won.contract.instalments.map(\.amount.minorUnits) == Array(repeating: 833_333, count: 11) + [833_338])
        // When uneven parts come in until nothing is owed
        let parts: [Int64] = [123_457, 1, 99_999, 333_333, 7, 250_000, 833_334, 61]
        var paid: Int64 = 0
        var n = 0
        while paid < 10_000_001 {
            let amount = min(parts[n % parts.count], 10_000_001 - paid)
            let recorded = try P.pay(db, won.contract, P.fen(amount), on: "2026-06-01")
            paid += amount
            n += 1
            // Then every figure agrees with every other, to the fen
            let sums = try db.reader.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT k.amount, k.received,
                      (SELECT sum(amount) FROM payment WHERE contract_id = k.id) AS payments,
                      (SELECT sum(received) FROM instalment WHERE contract_id = k.id) AS instalments,
                      (SELECT count(*) FROM instalment WHERE contract_id = k.id AND received > amount) AS overfull
                    FROM contract k WHERE k.id = ?
                    """, arguments: [won.contract.id!])!
            }
            #expect(sums["received"] as Int64 == paid)
            #expect(sums["payments"] as Int64 == paid)
            #expect(sums["instalments"] as Int64 == paid)
            #expect(sums["overfull"] as Int == 0)
            #expect(recorded.contract.outstanding == P.fen(10_000_001 - paid))
            // And the instalments fill in order: the paid ones are a prefix
            let isPaid = recorded.contract.instalments.map(\.isPaid)
            #expect(isPaid == isPaid.sorted { $0 && !$1 })
            #expect((recorded.paidDeal != nil) == (paid == 10_000_001))
        }
        // Then it took 51 payments: a round of the 8 parts is 1,640,192; 6 rounds make 9,841,152,
        // leaving 158,849 = 123,457 + 1 + 35,391 (the last part cut to what was owed)
        #expect(n == 51)
        #expect(try db.contract(id: won.contract.id!)?.outstanding == P.fen(0))
        #expect(try db.contract(id: won.contract.id!)?.instalments.allSatisfy { $0.received == $0.amount } == true)
        #expect(try db.deal(id: deal.id!)?.stage == .paid)
    }

    // MARK: - Payment targets

    @Test func aPaymentTargetIsAnInstalmentAContractOrACustomerOwingOnExactlyOne() throws {
        // Given 王建国 owing on 2026-001, 李明 owing on two contracts, and 张伟 paid up
        let db = try AppDatabase.empty()
        let wang = try Fixture.customer(db, "王建国")
        let li = try Fixture.customer(db, "李明")
        let zhang = try Fixture.customer(db, "张伟")
        let first = try db.addContract(P.contract(customerID: wang.id!, count: 3), now: Fixture.at("2026-11-23 09:00"))
        _ = try db.addContract(P.contract(customerID: li.id!, number: "HT-1"), now: Fixture.at("2026-11-23 09:00"))
        _ = try db.addContract(P.contract(customerID: li.id!, number: "HT-2"), now: Fixture.at("2026-11-23 09:00"))
        let paidUp = try db.addContract(P.contract(customerID: zhang.id!, number: "HT-3"), now: Fixture.at("2026-11-23 09:00"))
        try P.pay(db, paidUp, P.yuan(12_000), on: "2026-11-23")
        // Then each reference finds what it names
        #expect(try db.resolvePaymentTarget("2026-001/2").contract.id == first.id)
        #expect(try db.resolvePaymentTarget("2026-001/2").instalment == 2)
        #expect(try db.resolvePaymentTarget(" 2026-001 ").instalment == nil)
        #expect(try db.resolvePaymentTarget("ht-1").contract.number == "HT-1")
        #expect(try db.resolvePaymentTarget("wjg").contract.id == first.id)
        #expect(throws: RapportError.conflict("\"李明\" owes on 2 contracts (HT-2, HT-1); name one")) { try db.resolvePaymentTarget("李明") }
        #expect(throws: RapportError.conflict("\"张伟\" owes nothing on any contract")) { try db.resolvePaymentTarget("张伟") }
        #expect(throws: RapportError.notFound(what: "contract", reference: "2027-001")) { try db.resolvePaymentTarget("2027-001/1") }
    }
}
