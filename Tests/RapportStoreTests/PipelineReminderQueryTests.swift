import Foundation
import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

/// The pipeline's reminder rules through the store: stuck deals, passed close dates,
/// instalments due and contracts up for renewal, each at its day boundaries, read in full
/// and a screenful at a time, and their query plans.
///
/// Today is Monday 2026-11-23, the default settings: a deal untouched for more than 21 days
/// is stuck (last activity before 2026-11-02); instalments are shown up to 7 days ahead
/// (due by 2026-11-30); contracts ending within 30 days (by 2026-12-23) are up for renewal
/// unless a deal for the customer was begun since 30 days before the contract's end.
struct PipelineReminderQueryTests {
    typealias P = PipelineFixture
    static let pipelineRules: Set<ReminderRuleKind> = [.stuck, .closePassed, .payment, .renewal]

    /// The book, with every record named for what it tests.
    static func book() throws -> (AppDatabase, [String: Int64]) {
        let db = try AppDatabase.empty()
        var id: [String: Int64] = [:]
        let anna = try Fixture.customer(db, "Anna", grade: .a)
        let bjorn = try Fixture.customer(db, "Björn", grade: .b)
        let nils = try Fixture.customer(db, "Nils")
        // Stuck: last touched 11-01 18:00 (22 days: stuck) and 11-02 00:00 (21 days: not yet).
        id["stuck22"] = try P.deal(db, anna, "展会线索", at: "2026-11-01 18:00").id
        id["idle21"] = try P.deal(db, bjorn, "老客户加购", stage: .qualified, at: "2026-11-02 00:00").id
        // Added 10-01 but its customer was called on 11-20: talking to them is work on the deal.
        id["talked"] = try P.deal(db, nils, "续费", stage: .needs, at: "2026-10-01 09:00").id
        try Fixture.call(db, nils, at: "2026-11-20 10:00")
        // Lost and won deals are never stuck, nor past their close date.
        var lost = try P.deal(db, anna, "丢了", close: "2026-11-01", at: "2026-09-01 09:00")
        lost = try db.moveDeal(id: lost.id!, to: .lost, note: "", lost: (.price, nil), now: Fixture.at("2026-10-01 09:00"))
        let won = try P.deal(db, bjorn, "赢了", stage: .closing, close: "2026-11-01", at: "2026-09-01 09:00")
        _ = try db.winDeal(id: won.id!, contract: P.contract(customerID: bjorn.id!, number: "W-1", signed: "2026-10-01", first: "2027-03-01"),
                           note: "", force: true, now: Fixture.at("2026-10-01 09:00"))
        // Close passed: 11-22 (a day ago) and 10-23 (31 days ago); 11-23 (today) has not passed.
        id["close22"] = try P.deal(db, bjorn, "报价", close: "2026-11-22", at: "2026-11-20 09:00").id
        id["close23"] = try P.deal(db, anna, "今天签", close: "2026-11-23", at: "2026-11-20 09:00").id
        id["closeLong"] = try P.deal(db, nils, "拖了", stage: .proposal, close: "2026-10-23", at: "2026-11-21 09:00").id
        // Payments: K1/1 due 11-30 (in 7 days) is shown, K1/2 due 12-01 (in 8) is not;
        // K2/1 due 11-10 is paid, K2/2 due 11-15 has 200.00 of its 300.00 still owed.
        let k1 = try db.addContract(P.contract(customerID: anna.id!, amount: P.yuan(2_000), number: "K1", signed: "2026-11-01",
                                               plan: [("2026-11-30", 100_000), ("2026-12-01", 100_000)]), now: Fixture.at("2026-11-01 09:00"))
        id["K1/1"] = k1.instalments[0].id
        let k2 = try db.addContract(P.contract(customerID: nils.id!, amount: P.yuan(800), number: "K2", signed: "2026-11-01",
                                               plan: [("2026-11-10", 50_000), ("2026-11-15", 30_000)]), now: Fixture.at("2026-11-01 09:00"))
        try P.pay(db, k2, P.yuan(500), on: "2026-11-10", position: 1)
        try P.pay(db, k2, P.yuan(100), on: "2026-11-15", position: 2)
        id["K2/2"] = k2.instalments[1].id
        // Renewal, each contract its own customer's (their instalments due next year):
        // ending today and in 30 days are up; ending yesterday and in 31 days are not.
        for (number, ends) in [("R0", "2026-11-23"), ("R30", "2026-12-23"), ("Rpast", "2026-11-22"), ("R31", "2026-12-24")] {
            let owner = try Fixture.customer(db, "Owner " + number, grade: .c)
            id[number] = try db.addContract(P.contract(customerID: owner.id!, number: number, signed: "2025-12-01", ends: ends, first: "2027-06-01"),
                                            now: Fixture.at("2025-12-01 09:00")).id
        }
        // Renewing: ends 12-20, window opened 11-20, a deal was begun 11-20 09:00: under way.
        // Late: ends 12-10, window opened 11-10, the last deal was begun 11-09: up for renewal.
        for (number, ends, begun) in [("Renewing", "2026-12-20", "2026-11-20 09:00"), ("Late", "2026-12-10", "2026-11-09 09:00")] {
            let owner = try Fixture.customer(db, "Owner " + number)
            id[number] = try db.addContract(P.contract(customerID: owner.id!, number: number, signed: "2025-12-01", ends: ends, first: "2027-06-01"),
                                            now: Fixture.at("2025-12-01 09:00")).id
            id[number + " deal"] = try P.deal(db, owner, "续约", at: begun).id
        }
        return (db, id)
    }

    @Test(arguments: [nil, 10] as [Int?])
    func theStoreReadsExactlyTheRowsOnTheRightSideOfEachBoundary(limit: Int?) throws {
        // Given the book / When the rows are read, in full or a screenful (of more than there are)
        let (db, id) = try Self.book()
        let inputs = try db.reminderInputs(for: ReminderScanner().plan(today: Fixture.today, limit: limit))
        // Then each rule gets exactly its rows
        #expect(inputs.stuckDeals.map(\.id) == [id["stuck22"]!])
        #expect(Set(inputs.closePassedDeals.map(\.id)) == [id["close22"]!, id["closeLong"]!])
        #expect(Set(inputs.instalmentsDue.map(\.id)) == [id["K1/1"]!, id["K2/2"]!])
        #expect(inputs.instalmentsDue.first { $0.id == id["K2/2"] }?.remaining == P.yuan(200))
        #expect(Set(inputs.endingContracts.map(\.id)) == [id["R0"]!, id["R30"]!, id["Late"]!])
        // And a screenful counts them by index
        if limit != nil {
            #expect(inputs.totals[.stuck] == 1)
            #expect(inputs.totals[.closePassed] == 2)
            #expect(inputs.totals[.payment] == 2)
            #expect(inputs.totals[.renewal] == 3)
        }
    }

    @Test func theScanNamesEachPipelineReminderWithItsReason() throws {
        // Given the book / When it is scanned
        let (db, _) = try Self.book()
        let scanner = ReminderScanner()
        let reminders = scanner.scan(try db.reminderInputs(for: scanner.plan(today: Fixture.today)), today: Fixture.today)
            .filter { Self.pipelineRules.contains($0.rule) }
        // Then the pipeline's reminders read, by rule:
        let details = Dictionary(grouping: reminders, by: \.rule).mapValues { Set($0.map { "\($0.customer.name): \($0.detail)" }) }
        #expect(details[.stuck] == ["Anna: in lead, nothing done for 22 days: 展会线索 (12,000.00 CNY)"])
        #expect(details[.closePassed] == [
            "Björn: in lead, expected to close 2026-11-22, 1 day ago: 报价 (12,000.00 CNY)",
            // 10-23 to 11-23: October has 31 days
            "Nils: in proposal, expected to close 2026-10-23, 31 days ago: 拖了 (12,000.00 CNY)",
        ])
        #expect(details[.payment] == [
            "Anna: 1,000.00 CNY on K1/1 is due in 7 days (2026-11-30)",
            "Nils: 200.00 CNY on K2/2 is 8 days overdue (due 2026-11-15)",
        ])
        #expect(details[.renewal] == [
            "Owner R0: contract R0 ends today (2026-11-23) — renew?",
            "Owner R30: contract R30 ends in 30 days (2026-12-23) — renew?",
            // 11-23 to 12-10: 7 days to the end of November, then 10
            "Owner Late: contract Late ends in 17 days (2026-12-10) — renew?",
        ])
        #expect(reminders.count == 8)
    }

    @Test func renewalNoneSwitchesTheRuleOffAndStuckDaysMovesItsCutoff() throws {
        // Given the book with renewal.days none and deal.stuck_days 20
        let (db, id) = try Self.book()
        try db.setSetting("renewal.days", to: "none")
        try db.setSetting("deal.stuck_days", to: "20")
        // When its rows are read with the stored settings
        let scanner = ReminderScanner(settings: try db.reminderSettings())
        let inputs = try db.reminderInputs(for: scanner.plan(today: Fixture.today))
        // Then no contract is read for renewal, and the deal idle 21 days is stuck too
        #expect(inputs.endingContracts.isEmpty)
        #expect(Set(inputs.stuckDeals.map(\.id)) == [id["stuck22"]!, id["idle21"]!])
    }

    // MARK: - A screenful

    /// Per rule, grade A has three candidates (one more than the limit of 2), B or C one, and
    /// ungraded customers two: the store reads each grade's first two in the rule's order.
    static func crowdedBook() throws -> (AppDatabase, [String: Int64]) {
        let db = try AppDatabase.empty()
        var id: [String: Int64] = [:]
        func customer(_ name: String, _ grade: Grade?) throws -> Customer { try Fixture.customer(db, name, grade: grade) }
        // Stuck, ordered by the day last touched, then id.
        let aStuck = try customer("A stuck", .a)
        id["sA1"] = try P.deal(db, aStuck, "sA1", at: "2026-10-05 09:00").id
        id["sA2"] = try P.deal(db, aStuck, "sA2", at: "2026-10-01 09:00").id
        id["sA3"] = try P.deal(db, aStuck, "sA3", at: "2026-10-05 08:00").id    // the same day as sA1, a later id
        id["sB"] = try P.deal(db, try customer("B stuck", .b), "sB", at: "2026-10-10 09:00").id
        let nStuck = try customer("N stuck", nil)
        id["sN1"] = try P.deal(db, nStuck, "sN1", at: "2026-10-02 09:00").id
        id["sN2"] = try P.deal(db, nStuck, "sN2", at: "2026-10-03 09:00").id
        // Close passed, by the expected close day (all touched recently).
        let aClose = try customer("A close", .a)
        for (key, close) in [("cA1", "2026-11-01"), ("cA2", "2026-11-10"), ("cA3", "2026-11-20")] {
            id[key] = try P.deal(db, aClose, key, close: close, at: "2026-11-21 09:00").id
        }
        id["cB"] = try P.deal(db, try customer("B close", .b), "cB", close: "2026-11-15", at: "2026-11-21 09:00").id
        // Payments, by due day.
        let aPay = try db.addContract(P.contract(customerID: try customer("A pay", .a).id!, amount: P.yuan(3_000), number: "PA", signed: "2026-10-01",
                                                 plan: [("2026-11-01", 100_000), ("2026-11-20", 100_000), ("2026-11-30", 100_000)]),
                                      now: Fixture.at("2026-10-01 09:00"))
        for (i, key) in ["pA1", "pA2", "pA3"].enumerated() { id[key] = aPay.instalments[i].id }
        id["pB"] = try db.addContract(P.contract(customerID: try customer("B pay", .b).id!, number: "PB", signed: "2026-10-01",
                                                 plan: [("2026-11-25", 1_200_000)]), now: Fixture.at("2026-10-01 09:00")).instalments[0].id
        let nPay = try db.addContract(P.contract(customerID: try customer("N pay", nil).id!, number: "PN", signed: "2026-10-01",
                                                 plan: [("2026-11-28", 1_200_000)]), now: Fixture.at("2026-10-01 09:00"))
        try P.pay(db, nPay, P.yuan(100), on: "2026-11-02")
        id["pN"] = nPay.instalments[0].id
        // Renewal, by end day.
        let aRenew = try customer("A renew", .a)
        for (key, ends) in [("rA1", "2026-11-25"), ("rA2", "2026-12-01"), ("rA3", "2026-12-20")] {
            id[key] = try db.addContract(P.contract(customerID: aRenew.id!, number: key, signed: "2025-12-01", ends: ends, first: "2027-06-01"),
                                         now: Fixture.at("2025-12-01 09:00")).id
        }
        id["rC"] = try db.addContract(P.contract(customerID: try customer("C renew", .c).id!, number: "rC", signed: "2025-12-01", ends: "2026-12-05",
                                                 first: "2027-06-01"), now: Fixture.at("2025-12-01 09:00")).id
        return (db, id)
    }

    @Test func aScreenfulReadsEachGradesFirstRowsInTheRulesOrderAndCountsThemAll() throws {
        // Given the crowded book / When a screenful of 2 per rule and grade is read
        let (db, id) = try Self.crowdedBook()
        let scanner = ReminderScanner()
        let inputs = try db.reminderInputs(for: scanner.plan(today: Fixture.today, limit: 2))
        func ids(_ keys: [String]) -> [Int64] { keys.map { id[$0]! } }
        // Then rows come in the rule's order, each grade stopping at 2 (sA3, cA3, pA3, rA3 are left out)
        // stuck: 10-01 sA2, 10-02 sN1, 10-03 sN2, 10-05 sA1 (before sA3 by id), 10-10 sB
        #expect(inputs.stuckDeals.map(\.id) == ids(["sA2", "sN1", "sN2", "sA1", "sB"]))
        // close passed: 11-01 cA1, 11-10 cA2, 11-15 cB
        #expect(inputs.closePassedDeals.map(\.id) == ids(["cA1", "cA2", "cB"]))
        // payments: 11-01 pA1, 11-20 pA2, 11-25 pB, 11-28 pN
        #expect(inputs.instalmentsDue.map(\.id) == ids(["pA1", "pA2", "pB", "pN"]))
        // renewal: 11-25 rA1, 12-01 rA2, 12-05 rC
        #expect(inputs.endingContracts.map(\.id) == ids(["rA1", "rA2", "rC"]))
        // And every rule's total counts all of its rows
        #expect(inputs.totals[.stuck] == 6)
        #expect(inputs.totals[.closePassed] == 4)
        #expect(inputs.totals[.payment] == 5)
        #expect(inputs.totals[.renewal] == 4)
    }

    @Test(arguments: [1, 2, 3])
    func aScreenfulShowsWhatTheFullScanShowsFirst(limit: Int) throws {
        // Given the crowded book
        let (db, _) = try Self.crowdedBook()
        let scanner = ReminderScanner()
        // When it is read in full and a screenful at a time
        let full = scanner.report(try db.reminderInputs(for: scanner.plan(today: Fixture.today)), today: Fixture.today, limit: limit)
        let screen = scanner.report(try db.reminderInputs(for: scanner.plan(today: Fixture.today, limit: limit)), today: Fixture.today,
                                    limit: limit)
        // Then the pipeline's reminders and totals are the same
        func pipeline(_ r: ReminderReport) -> [String] {
            r.reminders.filter { Self.pipelineRules.contains($0.rule) }.map { "\($0.rule) \($0.customer.name): \($0.detail)" }
        }
        #expect(pipeline(screen) == pipeline(full))
        for rule in Self.pipelineRules {
            #expect(screen.total(rule) == full.total(rule), "\(rule)")
        }
        #expect([ReminderRuleKind.stuck, .closePassed, .payment, .renewal].map(full.total) == [6, 4, 5, 4])
    }

    // MARK: - Query plans

    @Test(arguments: [nil, 5] as [Int?])
    func thePipelineRulesReadIndexesNeverWholeTables(limit: Int?) throws {
        // Given an empty book with a trace on its connection / When the reminders are read
        let (db, statements) = try P.statements { db in
            _ = try db.reminderInputs(for: ReminderScanner().plan(today: Fixture.today, limit: limit))
        }
        let pipelineTables = ["deal", "instalment", "contract", "payment", "deal_stage"]
        let pipeline = statements.filter { sql in
            sql.hasPrefix("SELECT") && pipelineTables.contains { sql.contains("FROM \($0) ") || sql.contains("FROM \($0)\n") }
        }
        // Then every pipeline query (the rows and, for a screenful, the counts) goes through an
        // index; a screenful may sort its rows in a temporary b-tree
        #expect(pipeline.count == (limit == nil ? 4 : 8), "\(pipeline.joined(separator: "\n\n"))")
        for sql in pipeline {
            let plan = try P.plan(db, sql)
            #expect(!plan.contains(where: P.isTableScan), "\(sql)\n\(plan.joined(separator: "\n"))")
            #expect(plan.contains { $0.contains(" USING ") && $0.contains("INDEX") }, "\(sql)\n\(plan.joined(separator: "\n"))")
        }
    }
}
