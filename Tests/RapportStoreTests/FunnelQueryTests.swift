import Foundation
import GRDB
import RapportDemo
import Testing
@testable import RapportCore
@testable import RapportStore

/// The funnel from the store: a small book made by hand, every figure of its report worked
/// out by hand beside it, and the plans of the queries that sum it.
///
/// Today is Monday 2026-11-23; the default pipeline (lead 10 %, qualified 20, needs 40,
/// proposal 60, closing 80; CNY; a 90-day window, so it opens on 2026-08-25). This month is
/// November; the forecast's months are 2026-11, 2026-12 and 2027-01.
struct FunnelQueryTests {
    typealias P = PipelineFixture
    typealias Line = FunnelReport.StageLine
    static let usd = Currency(code: "USD")

    static func total(_ amount: Int64, _ weighted: Int64, _ currency: Currency = .yuan) -> FunnelReport.Total {
        FunnelReport.Total(amount: P.fen(amount, currency), weighted: P.fen(weighted, currency))
    }

    /// The book. Amounts in fen; "stay" is a stay in a stage, with its whole days.
    static func book() throws -> AppDatabase {
        let db = try AppDatabase.empty()
        let anna = try Fixture.customer(db, "Anna")
        let wang = try Fixture.customer(db, "王建国")
        func move(_ deal: Deal, _ stage: Stage, _ at: String) throws {
            _ = try db.moveDeal(id: deal.id!, to: stage, note: "", force: true, lost: (.price, nil), now: Fixture.at(at))
        }
        func win(_ deal: Deal, _ at: String, count: Int = 1) throws -> Contract {
            try db.winDeal(id: deal.id!, contract: P.contract(customerID: deal.customerID, amount: deal.amount, count: count, signed: String(at.prefix(10))),
                           note: "", force: true, now: Fixture.at(at)).contract
        }
        // D1 lead 1,000,000, added 11-20 (entered in the window, still there), closes 11-30.
        try P.deal(db, anna, "D1", amount: P.yuan(10_000), close: "2026-11-30", at: "2026-11-20 09:00")
        // D2 lead 500,000 at its own 25 %, added 06-01 (before the window), was to close 11-10: past due.
        try P.deal(db, anna, "D2", amount: P.yuan(5_000), probability: 25, close: "2026-11-10", at: "2026-06-01 09:00")
        // D3 needs 3,000,000: lead 09-01 → qualified 09-11 (stay 10) → needs 10-01 (stay 20); closes 12-15.
        let d3 = try P.deal(db, wang, "D3", amount: P.yuan(30_000), close: "2026-12-15", at: "2026-09-01 09:00")
        try move(d3, .qualified, "2026-09-11 09:00")
        try move(d3, .needs, "2026-10-01 09:00")
        // D4 proposal USD 200,000: lead 10-01 → proposal 10-11 (a skip; stay 10); closes 2027-01-10.
        let d4 = try P.deal(db, wang, "D4", amount: P.fen(200_000, usd), close: "2027-01-10", at: "2026-10-01 09:00")
        try move(d4, .proposal, "2026-10-11 09:00")
        // D5 closing 800,000: lead 05-01 → closing 08-20 (both before the window), then its own 90 %;
        // closes 2027-02-05, past the forecast's three months.
        var d5 = try P.deal(db, anna, "D5", amount: P.yuan(8_000), close: "2027-02-05", at: "2026-05-01 09:00")
        try move(d5, .closing, "2026-08-20 09:00")
        d5 = try #require(try db.deal(id: d5.id!))
        d5.probability = 90
        try db.updateDeal(d5, now: Fixture.at("2026-08-21 09:00"))
        // D6 won 1,200,000: lead 09-01 → proposal 09-21 (stay 20) → won 10-21 (stay 30), three
        // instalments of 400,000 due 10-21, 11-21, 12-21; paid 400,000 on 10-25 (the first) and
        // 100,000 on 11-05 (on the second, which leaves 300,000 of it overdue).
        let d6 = try P.deal(db, wang, "D6", amount: P.yuan(12_000), at: "2026-09-01 09:00")
        try move(d6, .proposal, "2026-09-21 09:00")
        let k6 = try win(d6, "2026-10-21 09:00", count: 3)
        try P.pay(db, k6, P.yuan(4_000), on: "2026-10-25")
        try P.pay(db, k6, P.yuan(1_000), on: "2026-11-05")
        // D7 paid 600,000: lead 08-01 (before) → won 09-01 (stay 31) → paid by the payment of
        // 11-02 10:00 (stay 62: 29 days to 09-30, 1 to 10-01, 31 to 11-01, 1 more).
        let d7 = try P.deal(db, anna, "D7", amount: P.yuan(6_000), at: "2026-08-01 09:00")
        let k7 = try win(d7, "2026-09-01 09:00")
        try P.pay(db, k7, P.yuan(6_000), on: "2026-11-02")
        // D8 paid 300,000, all of it before the window: lead 03-01, won 04-01, paid 05-01.
        let d8 = try P.deal(db, anna, "D8", amount: P.yuan(3_000), at: "2026-03-01 09:00")
        let k8 = try win(d8, "2026-04-01 09:00")
        try P.pay(db, k8, P.yuan(3_000), on: "2026-05-01")
        // D9 lost 400,000: lead 10-01 → lost 10-15 (stay 14).
        let d9 = try P.deal(db, wang, "D9", amount: P.yuan(4_000), at: "2026-10-01 09:00")
        try move(d9, .lost, "2026-10-15 09:00")
        // D10 lost 900,000 before the window: lead 01-01 → lost 02-01.
        let d10 = try P.deal(db, anna, "D10", amount: P.yuan(9_000), at: "2026-01-01 09:00")
        try move(d10, .lost, "2026-02-01 09:00")
        // D11 qualified 100,000, no close day: added in needs 10-01 → back to qualified 10-06 (stay 5).
        let d11 = try P.deal(db, wang, "D11", amount: P.yuan(1_000), stage: .needs, at: "2026-10-01 09:00")
        try move(d11, .qualified, "2026-10-06 09:00")
        // K2, signed without a deal: 100,000 due 11-28 (this month, ahead) and 100,000 due 12-05.
        _ = try db.addContract(P.contract(customerID: anna.id!, amount: P.yuan(2_000), number: "HT-K2", signed: "2026-11-20",
                                          plan: [("2026-11-28", 100_000), ("2026-12-05", 100_000)]),
                               now: Fixture.at("2026-11-20 09:00"))
        return db
    }

    static func report(_ db: AppDatabase, today: Day = Fixture.today) throws -> FunnelReport {
        let pipeline = try db.settings().pipeline
        return try FunnelReport(try db.funnelInputs(today: today, pipeline: pipeline), today: today, pipeline: pipeline)
    }

    @Test func theStoresFunnelIsTheHandComputedOne() throws {
        // Given the book / When the funnel is read
        let report = try Self.report(try Self.book())
        // Then every figure is the one worked out by hand
        #expect(report.today == Fixture.today)
        #expect(report.windowStart == Fixture.day("2026-08-25"))
        let expected: [Line] = [
            // lead: D1 1,000,000 × 10 + D2 500,000 × 25 = 10,000,000 + 12,500,000 → /100 = 225,000.
            // Stays ended in the window: D3 10, D4 10, D6 20, D7 31, D9 14 = 85 / 5 = 17.0.
            // Entered in the window: D1 (still there), D3 → qualified, D4 → proposal, D6 → proposal,
            // D9 → lost: 5 entered, 3 went on.
            Line(stage: .lead, count: 2, totals: [Self.total(1_500_000, 225_000)], averageDays: 17, entered: 5, advanced: 3),
            // qualified: D11 100,000 × 20 % = 20,000. Stays ended: D3's 20. Entered: D3 (→ needs), D11 (still there).
            Line(stage: .qualified, count: 1, totals: [Self.total(100_000, 20_000)], averageDays: 20, entered: 2, advanced: 1),
            // needs: D3 3,000,000 × 40 % = 1,200,000. Stays ended: D11's 5. Entered: D3 (still there), D11 (back: not on).
            Line(stage: .needs, count: 1, totals: [Self.total(3_000_000, 1_200_000)], averageDays: 5, entered: 2, advanced: 0),
            // proposal: D4 USD 200,000 × 60 % = 120,000. Stays ended: D6's 30. Entered: D4 (still there), D6 (→ won).
            Line(stage: .proposal, count: 1, totals: [Self.total(200_000, 120_000, Self.usd)], averageDays: 30, entered: 2, advanced: 1),
            // closing: D5 800,000 × its own 90 % = 720,000. It entered on 08-20, before the window; no stay ended.
            Line(stage: .closing, count: 1, totals: [Self.total(800_000, 720_000)], averageDays: nil, entered: 0, advanced: 0),
            // won: D6 1,200,000 at 100 %. Stays ended: D7's 62 (D8's ended 05-01). Entered: D6 (still), D7 (→ paid).
            Line(stage: .won, count: 1, totals: [Self.total(1_200_000, 1_200_000)], averageDays: 62, entered: 2, advanced: 1),
            // paid: D7 paid 11-02 (D8 paid 05-01, before the window). Entered: D7.
            Line(stage: .paid, count: 1, totals: [Self.total(600_000, 600_000)], averageDays: nil, entered: 1, advanced: 0),
            // lost: D9 lost 10-15 (D10 lost 02-01, before the window), weighted at 0 %.
            Line(stage: .lost, count: 1, totals: [Self.total(400_000, 0)], averageDays: nil, entered: 1, advanced: 0),
        ]
        #expect(report.stages == expected)
        // → next: lead 3/5, qualified 1/2, needs 0/2, proposal 1/2, closing none entered, won 1/2,
        // paid and lost have no next stage.
        #expect(report.stages.map(\.conversion) == [0.6, 0.5, 0, 0.5, nil, 0.5, nil, nil])

        // Forecast: open deals by expected close. November D1 1,000,000 × 10 % = 100,000;
        // December D3 3,000,000 × 40 % = 1,200,000; January D4 USD 200,000 × 60 % = 120,000;
        // D5 (February) is past the three months, D11 has no day.
        #expect(report.forecast == [
            FunnelReport.ForecastLine(month: Fixture.day("2026-11-01"), count: 1, totals: [Self.total(1_000_000, 100_000)]),
            FunnelReport.ForecastLine(month: Fixture.day("2026-12-01"), count: 1, totals: [Self.total(3_000_000, 1_200_000)]),
            FunnelReport.ForecastLine(month: Fixture.day("2027-01-01"), count: 1, totals: [Self.total(200_000, 120_000, Self.usd)]),
        ])
        // Past due: D2, whose 11-10 has passed: 500,000 × 25 % = 125,000.
        #expect(report.pastDue == FunnelReport.ForecastLine(month: nil, count: 1, totals: [Self.total(500_000, 125_000)]))

        // Collections, CNY: collected this month D7's 600,000 (11-02) + D6's 100,000 (11-05) = 700,000;
        // due for the rest of the month K2's 100,000 (11-28); overdue D6's second instalment,
        // 400,000 − 100,000 = 300,000; outstanding D6 1,200,000 − 500,000 + K2 200,000 = 900,000.
        #expect(report.collections == [
            FunnelReport.CollectionLine(currency: .yuan, collectedThisMonth: P.fen(700_000), dueThisMonth: P.fen(100_000),
                                        overdue: P.fen(300_000), outstanding: P.fen(900_000)),
        ])
    }

    @Test func theWindowOpensOnItsFirstDayAtMidnight() throws {
        // Given moves on either side of midnight between 2026-08-24 and 2026-08-25, the window's first day
        let db = try AppDatabase.empty()
        let anna = try Fixture.customer(db, "Anna")
        func move(_ deal: Deal, _ stage: Stage, _ at: String) throws {
            _ = try db.moveDeal(id: deal.id!, to: stage, note: "", force: true, lost: (.timing, nil), now: Fixture.at(at))
        }
        // E1 entered lead just before, left it for qualified just after: the stay (1 day) counts, the entry does not
        let e1 = try P.deal(db, anna, "E1", amount: P.yuan(100), at: "2026-08-24 23:00")
        try move(e1, .qualified, "2026-08-25 00:00")
        // E2 and E3 won on 08-10; E2 paid just before (not counted), E3 just after (counted, its won stay of 15 days too)
        for (title, paidAt) in [("E2", "2026-08-24 23:59"), ("E3", "2026-08-25 00:00")] {
            let deal = try P.deal(db, anna, title, amount: P.yuan(title == "E2" ? 200 : 300), stage: .closing, at: "2026-08-01 09:00")
            _ = try db.winDeal(id: deal.id!, contract: P.contract(customerID: anna.id!, amount: deal.amount, number: title,
                                                                  signed: "2026-08-10"),
                               note: "", force: true, now: Fixture.at("2026-08-10 09:00"))
            try move(deal, .paid, paidAt)
        }
        // L1 lost just before (not counted), L2 just after (counted)
        for (title, lostAt) in [("L1", "2026-08-24 23:59"), ("L2", "2026-08-25 00:00")] {
            try move(try P.deal(db, anna, title, amount: P.yuan(title == "L1" ? 400 : 500), stage: .needs, at: "2026-08-20 09:00"), .lost, lostAt)
        }
        // When the funnel is read on 2026-11-23
        let report = try Self.report(db)
        // Then only what happened from 08-25 00:00 on is in it
        let lead = try #require(report.line(.lead))
        #expect(lead.averageDays == 1)
        #expect(lead.entered == 0)
        #expect(report.line(.qualified)?.entered == 1)
        #expect(report.line(.won)?.averageDays == 15)
        #expect(report.line(.paid)?.count == 1)
        #expect(report.line(.paid)?.totals == [Self.total(30_000, 30_000)])
        #expect(report.line(.paid)?.entered == 1)
        #expect(report.line(.lost)?.count == 1)
        #expect(report.line(.lost)?.totals == [Self.total(50_000, 0)])
        // needs stays of L1 (4 days, left 08-24) and L2 (5 days, left 08-25): only L2's
        #expect(report.line(.needs)?.averageDays == 5)
    }

    /// The same figures asked of the deals, stays, contracts, instalments and payments
    /// themselves in plain SQL, over a demo book: what the store keeps beside them (the days
    /// of a stay, what is received, any rollup) must agree with them.
    @Test func theFunnelAgreesWithPlainSQLOverADemoBook() throws {
        // Given a demo book
        let db = try AppDatabase.empty()
        try db.loadDemoBook(DemoBook(customers: 600, seed: 11, today: Fixture.today))
        // When the funnel is read
        let report = try Self.report(db)
        // Then each figure is the plain SQL one (defaults: lead 10 … closing 80, won and paid 100, lost 0)
        let open = "('lead', 'qualified', 'needs', 'proposal', 'closing')"
        let stageDefault = """
            CASE stage WHEN 'lead' THEN 10 WHEN 'qualified' THEN 20 WHEN 'needs' THEN 40 WHEN 'proposal' THEN 60
              WHEN 'closing' THEN 80 WHEN 'lost' THEN 0 ELSE 100 END
            """
        let percent = "CASE WHEN stage IN \(open) THEN coalesce(probability, \(stageDefault)) ELSE \(stageDefault) END"
        func rank(_ column: String) -> String {
            "CASE \(column) WHEN 'lead' THEN 0 WHEN 'qualified' THEN 1 WHEN 'needs' THEN 2 WHEN 'proposal' THEN 3 "
                + "WHEN 'closing' THEN 4 WHEN 'won' THEN 5 WHEN 'paid' THEN 6 END"
        }
        let window = "2026-08-25", monthStart = "2026-11-01", monthEnd = "2026-11-30", today = "2026-11-23", horizon = "2027-02-01"
        /// Per key, per currency: (count, amount, weighted rounded once, half up).
        func totals(_ sql: String, _ arguments: StatementArguments) throws -> [String: (Int, [String: (Int64, Int64)])] {
            try db.reader.read { db in
                var out: [String: (Int, [String: (Int64, Int64)])] = [:]
                for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                    let key: String = row["k"]
                    var entry = out[key] ?? (0, [:])
                    entry.0 += row["n"] as Int
                    entry.1[row["currency"]] = (row["amount"], ((row["weighted"] as Int64) + 50) / 100)
                    out[key] = entry
                }
                return out
            }
        }
        func same(_ line: (count: Int, totals: [FunnelReport.Total]), _ expected: (Int, [String: (Int64, Int64)])?, _ label: String) {
            #expect(line.count == expected?.0 ?? 0, "\(label)")
            let got = Dictionary(uniqueKeysWithValues: line.totals.map { ($0.amount.currency.code, $0.amount.minorUnits) })
            #expect(got == (expected?.1 ?? [:]).mapValues(\.0), "\(label)")
            let weighted = Dictionary(uniqueKeysWithValues: line.totals.map { ($0.amount.currency.code, $0.weighted.minorUnits) })
            #expect(weighted == (expected?.1 ?? [:]).mapValues(\.1), "\(label)")
        }

        // Per stage: open and won deals all, paid and lost ones that got there in the window
        let stages = try totals("""
            SELECT stage AS k, currency, count(*) AS n, sum(amount) AS amount, sum(amount * \(percent)) AS weighted FROM deal
            WHERE stage IN \(open) OR stage = 'won' OR stage_entered_at >= ? GROUP BY stage, currency
            """, [window])
        // Stays ended in the window with their days counted from the days themselves; entries and how many went on
        let (stays, entries, unreconciled) = try db.reader.read { db in
            (try Row.fetchAll(db, sql: """
                SELECT stage, count(*) AS n, CAST(sum(julianday(substr(left_at, 1, 10)) - julianday(substr(entered_at, 1, 10))) AS INTEGER) AS days
                FROM deal_stage WHERE left_at >= ? GROUP BY stage
                """, arguments: [window]),
             try Row.fetchAll(db, sql: """
                SELECT stage, count(*) AS n, sum(coalesce(\(rank("left_to")) > \(rank("stage")), 0)) AS advanced
                FROM deal_stage WHERE entered_at >= ? GROUP BY stage
                """, arguments: [window]),
             try Int.fetchOne(db, sql: """
                SELECT count(*) FROM instalment i WHERE i.received != (SELECT coalesce(sum(amount), 0) FROM payment WHERE instalment_id = i.id)
                """) ?? -1)
        }
        #expect(unreconciled == 0, "an instalment's received is not the sum of its payments")
        for line in report.stages {
            same((line.count, line.totals), stages[line.stage.rawValue], line.stage.rawValue)
            let stay = stays.first { $0["stage"] == line.stage.rawValue }
            #expect(line.averageDays == stay.map { Double($0["days"] as Int) / Double($0["n"] as Int) }, "\(line.stage)")
            let entry = entries.first { $0["stage"] == line.stage.rawValue }
            #expect(line.entered == entry?["n"] ?? 0, "\(line.stage)")
            #expect(line.advanced == entry?["advanced"] ?? 0, "\(line.stage)")
        }

        // The forecast: open deals by expected-close month, past ones apart
        let forecast = try totals("""
            SELECT CASE WHEN expected_close_on < ? THEN 'past' ELSE substr(expected_close_on, 1, 7) END AS k, currency, count(*) AS n,
              sum(amount) AS amount, sum(amount * \(percent)) AS weighted
            FROM deal WHERE stage IN \(open) AND expected_close_on < ? GROUP BY k, currency
            """, [today, horizon])
        for line in report.forecast { same((line.count, line.totals), forecast[String(line.month!.iso.prefix(7))], line.month!.iso) }
        same((report.pastDue.count, report.pastDue.totals), forecast["past"], "past due")

        // The money, from the payments and the instalments
        let money = try db.reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c AS currency,
                  (SELECT coalesce(sum(amount), 0) FROM payment WHERE currency = c AND paid_on BETWEEN ? AND ?) AS collected,
                  (SELECT coalesce(sum(amount - received), 0) FROM instalment WHERE currency = c AND received < amount AND due_on < ?) AS overdue,
                  (SELECT coalesce(sum(amount - received), 0) FROM instalment WHERE currency = c AND received < amount
                     AND due_on BETWEEN ? AND ?) AS due,
                  (SELECT coalesce(sum(amount - received), 0) FROM contract WHERE currency = c AND received < amount) AS outstanding
                FROM (SELECT DISTINCT currency AS c FROM contract)
                """, arguments: [monthStart, monthEnd, today, today, monthEnd])
        }
        for row in money {
            let line = report.collections.first { $0.currency.code == row["currency"] as String }
            #expect(line?.collectedThisMonth.minorUnits ?? 0 == row["collected"] as Int64)
            #expect(line?.overdue.minorUnits ?? 0 == row["overdue"] as Int64)
            #expect(line?.dueThisMonth.minorUnits ?? 0 == row["due"] as Int64)
            #expect(line?.outstanding.minorUnits ?? 0 == row["outstanding"] as Int64)
        }
        // And the demo exercises every part of it
        #expect(report.stages.allSatisfy { $0.count > 0 }, "\(report.stages.map { "\($0.stage) \($0.count)" })")
        #expect(report.pastDue.count > 0)
        #expect(!money.isEmpty)
    }

    @Test func theFunnelSumsReadIndexesNeverWholeTables() throws {
        // Given an empty book with a trace on its connection / When the funnel is read
        let (db, statements) = try P.statements { db in
            _ = try db.funnelInputs(today: Fixture.today, pipeline: .defaults)
        }
        let sums = statements.filter { $0.hasPrefix("SELECT") }
        // Then every one of its sums (per stage, stays, entries, the forecast, payments, what is
        // owed) is read through an index — a covering one, or a rollup's primary key — and
        // none reads a whole table
        #expect(!sums.isEmpty)
        for sql in sums {
            let plan = try P.plan(db, sql)
            #expect(!plan.contains(where: P.isTableScan), "\(sql)\n\(plan.joined(separator: "\n"))")
            #expect(plan.contains { $0.contains(" USING ") }, "\(sql)\n\(plan.joined(separator: "\n"))")
        }
    }
}
