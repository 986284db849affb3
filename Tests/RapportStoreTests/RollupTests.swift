import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

/// The funnel's rollups stay equal to the aggregates they stand for, whatever is written:
/// deals added, moved, won, lost, edited and deleted, stays ended, customers deleted.
struct RollupTests {
    /// Each rollup and the plain aggregate over its source that it must equal.
    static let pairs: [(rollup: String, truth: String)] = [
        ("SELECT stage, currency, probability, deals, amount FROM deal_totals",
         "SELECT stage, currency, coalesce(probability, -1), count(*), sum(amount) FROM deal GROUP BY 1, 2, 3"),
        ("SELECT day, stage, currency, probability, deals, amount FROM deal_closed_days",
         """
         SELECT substr(stage_entered_at, 1, 10), stage, currency, coalesce(probability, -1), count(*), sum(amount) FROM deal
         WHERE stage IN ('paid', 'lost') GROUP BY 1, 2, 3, 4
         """),
        ("SELECT day, stage, currency, probability, deals, amount FROM deal_close_days",
         """
         SELECT expected_close_on, stage, currency, coalesce(probability, -1), count(*), sum(amount) FROM deal
         WHERE stage IN ('lead', 'qualified', 'needs', 'proposal', 'closing') AND expected_close_on IS NOT NULL GROUP BY 1, 2, 3, 4
         """),
        ("SELECT day, stage, left_to, stays FROM stage_entries",
         "SELECT substr(entered_at, 1, 10), stage, coalesce(left_to, ''), count(*) FROM deal_stage GROUP BY 1, 2, 3"),
        ("SELECT day, stage, stays, days FROM stage_exits",
         "SELECT substr(left_at, 1, 10), stage, count(*), sum(days) FROM deal_stage WHERE left_at IS NOT NULL GROUP BY 1, 2"),
    ]

    static func expectRollupsTrue(_ db: AppDatabase, after step: String) throws {
        try db.reader.read { d in
            for pair in Self.pairs {
                // Compared as values in the same order; a zero group left behind would show as an extra row.
                let rollup = try Row.fetchAll(d, sql: pair.rollup + " ORDER BY 1, 2, 3, 4").map { Array($0.databaseValues) }
                let truth = try Row.fetchAll(d, sql: pair.truth + " ORDER BY 1, 2, 3, 4").map { Array($0.databaseValues) }
                #expect(rollup == truth, "\(pair.rollup) after \(step)")
            }
        }
    }

    static func deal(_ db: AppDatabase, _ customer: Customer, _ title: String, amount: Int64, currency: Currency = .yuan,
                     probability: Int? = nil, close: String? = nil, at when: String) throws -> Deal {
        var deal = Deal(customerID: customer.id!, title: title, amount: Money(minorUnits: amount, currency: currency),
                        createdAt: Fixture.at(when))
        deal.probability = probability
        deal.expectedClose = close.map(Fixture.day)
        return try db.addDeal(deal, now: Fixture.at(when))
    }

    @Test func everyWriteKeepsTheRollupsTrue() throws {
        // Given a book with deals in two currencies, with and without their own probability
        let db = try AppDatabase.empty()
        let wang = try Fixture.customer(db, "王建国")
        let li = try Fixture.customer(db, "李娜")
        let a = try Self.deal(db, wang, "ERP", amount: 1_200_000, close: "2026-12-15", at: "2026-09-01 10:00")
        let b = try Self.deal(db, wang, "CRM", amount: 500_000, probability: 35, close: "2026-12-15", at: "2026-09-02 10:00")
        let c = try Self.deal(db, li, "Cloud", amount: 99_900, currency: Currency(code: "USD"), at: "2026-09-03 10:00")
        let d = try Self.deal(db, li, "Support", amount: 10_000, close: "2026-11-30", at: "2026-09-03 11:00")
        try Self.expectRollupsTrue(db, after: "adding")

        // When they move forward, back, win, are paid for and lost
        _ = try db.moveDeal(id: a.id!, to: .needs, note: "", force: true, now: Fixture.at("2026-09-10 09:00"))
        _ = try db.moveDeal(id: a.id!, to: .qualified, note: "back", now: Fixture.at("2026-09-12 09:00"))
        _ = try db.moveDeal(id: b.id!, to: .proposal, note: "", force: true, now: Fixture.at("2026-09-12 09:00"))
        try Self.expectRollupsTrue(db, after: "moving")
        let contract = Contract(customerID: wang.id!, number: "HT-1", signedOn: Fixture.day("2026-10-01"),
                                startsOn: Fixture.day("2026-10-01"), endsOn: nil, amount: Money(minorUnits: 500_000, currency: .yuan),
                                instalments: [Instalment(position: 1, dueOn: Fixture.day("2026-10-15"),
                                                         amount: Money(minorUnits: 500_000, currency: .yuan))],
                                createdAt: Fixture.at("2026-10-01 09:00"))
        let won = try db.winDeal(id: b.id!, contract: contract, note: "", force: true, now: Fixture.at("2026-10-01 09:00"))
        _ = try db.recordPayment(contractID: won.contract.id!, instalment: nil, amount: Money(minorUnits: 500_000, currency: .yuan),
                                 on: Fixture.day("2026-10-20"), note: "", allowOverpay: false, now: Fixture.at("2026-10-20 09:00"))
        _ = try db.moveDeal(id: c.id!, to: .lost, note: "", lost: (.price, nil), now: Fixture.at("2026-10-05 09:00"))
        try Self.expectRollupsTrue(db, after: "winning, paying, losing")
        #expect(try db.deal(id: b.id!)?.stage == .paid)

        // And are edited in every rolled-up column
        var edited = try #require(try db.deal(id: d.id!))
        edited.amount = Money(minorUnits: 20_000, currency: .yuan)
        edited.probability = 90
        edited.expectedClose = Fixture.day("2027-01-10")
        try db.updateDeal(edited, now: Fixture.at("2026-10-06 09:00"))
        edited.expectedClose = nil
        edited.probability = nil
        try db.updateDeal(edited, now: Fixture.at("2026-10-07 09:00"))
        try Self.expectRollupsTrue(db, after: "editing")

        // And deleted, alone or with their customer
        try db.writer.write { try $0.execute(sql: "DELETE FROM deal WHERE id = ?", arguments: [a.id!]) }
        try Self.expectRollupsTrue(db, after: "deleting a deal")
        try db.writer.write { try $0.execute(sql: "DELETE FROM customer WHERE id = ?", arguments: [li.id!]) }
        try Self.expectRollupsTrue(db, after: "deleting a customer")

        // Then only wang's won-and-paid deal is left in the rollups
        let totals = try db.reader.read { try Row.fetchAll($0, sql: "SELECT stage, deals, amount FROM deal_totals") }
        #expect(totals.map { [$0[0] as String, "\($0[1] as Int)", "\($0[2] as Int64)"] } == [["paid", "1", "500000"]])
    }

    @Test func theMigrationFillsTheRollupsFromTheBookAsItWas() throws {
        // Given a book at v8 with deals and stays written before the rollups existed
        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        try AppDatabase.migrator.migrate(queue, upTo: "v8-deals")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO customer (id, name, status, search_text, sort_key, created_at, updated_at) VALUES (1, 'Wang', 'customer', 'wang', 'wang', '2026-01-01 09:00', '2026-01-01 09:00');
                INSERT INTO deal (id, customer_id, title, amount, currency, stage, probability, expected_close_on, lost_reason,
                                  created_at, updated_at, stage_entered_at, last_activity_at) VALUES
                  (1, 1, 'a', 100, 'CNY', 'needs', NULL, '2026-12-01', NULL, '2026-09-01 09:00', '2026-09-01 09:00', '2026-09-05 09:00', '2026-09-05 09:00'),
                  (2, 1, 'b', 300, 'CNY', 'needs', 25, '2026-12-01', NULL, '2026-09-01 09:00', '2026-09-01 09:00', '2026-09-05 09:00', '2026-09-05 09:00'),
                  (3, 1, 'c', 700, 'CNY', 'lost', NULL, NULL, 'price', '2026-09-01 09:00', '2026-09-01 09:00', '2026-10-01 09:00', '2026-10-01 09:00');
                INSERT INTO deal_stage (deal_id, stage, from_stage, entered_at, left_at, left_to, days) VALUES
                  (1, 'lead', NULL, '2026-09-01 09:00', '2026-09-05 09:00', 'needs', 4),
                  (1, 'needs', 'lead', '2026-09-05 09:00', NULL, NULL, NULL),
                  (3, 'lead', NULL, '2026-09-01 09:00', '2026-10-01 09:00', 'lost', 30),
                  (3, 'lost', 'lead', '2026-10-01 09:00', NULL, NULL, NULL);
                """)
        }
        // When it is migrated
        try AppDatabase.migrator.migrate(queue)
        let db = try AppDatabase(queue)
        // Then the rollups hold what was there
        try Self.expectRollupsTrue(db, after: "migrating")
        let entries = try db.reader.read { try Row.fetchAll($0, sql: "SELECT day, stage, left_to, stays FROM stage_entries ORDER BY 1, 2, 3") }
        #expect(entries.map(\.description) == [
            #"[day:"2026-09-01" stage:"lead" left_to:"lost" stays:1]"#,
            #"[day:"2026-09-01" stage:"lead" left_to:"needs" stays:1]"#,
            #"[day:"2026-09-05" stage:"needs" left_to:"" stays:1]"#,
            #"[day:"2026-10-01" stage:"lost" left_to:"" stays:1]"#,
        ])
    }
}
