import Foundation
import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

/// A populated book of every shipped schema version, brought up to date: it is built by the
/// migrations up to that version, filled with SQL written for that version's schema (the
/// columns the product wrote then, with the values it wrote), then opened. The rows must
/// survive, what later migrations derive from them must be right, and the book must pass
/// `rapport check` and read through the product's readers. Today is 2026-11-23.
struct MigrationUpgradeTests {
    static let migrations = AppDatabase.migrator.migrations

    /// A new migration changes the schema these rows are written for: give `populate` what
    /// a book of the new version holds, and `upgrades` what the migration derives.
    @Test func everyShippedMigrationHasItsRows() {
        #expect(Self.migrations.last == "v11-payment-void")
    }

    @Test(arguments: migrations)
    func upgrades(from migration: String) throws {
        // Given a book at `migration`, holding what a book of that version held
        let version = try #require(Self.migrations.firstIndex(of: migration)) + 1
        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        try AppDatabase.migrator.migrate(queue, upTo: migration)
        try queue.write { try Self.populate($0, version: version) }

        // When it is opened
        let book = try AppDatabase(queue)

        // Then every migration is applied and the book is sound
        #expect(try book.read { try AppDatabase.migrator.appliedMigrations($0) } == Self.migrations)
        let report = try book.check()
        #expect(report.isSound, "\(report)")

        // And the customers kept their rows; attention, last visit and silence are derived
        // (v2 and v5 recompute the attention day, v5 the visit and the silence).
        //   王建国 A: contacted 11-02, so due 11-16 (cadence 14), before his follow-up of 11-20.
        //   欧阳子涵 B: her last two contacts failed, the last on 10-20: silent, a light touch
        //   30 days later, 11-19, before her follow-up of 12-01.
        //   单田芳 is dormant: never. Li Ming, ungraded, added 09-14, never contacted: 60 days, 11-13.
        //   周敏 (from v5, her own cadence of 7): contacted 11-20, due 11-27.
        var customers = [
            StoredCustomer(1, "王建国", "A", "customer", lastContact: "2026-11-02 16:00", attention: "2026-11-16", lastVisit: "2026-10-01 10:00"),
            StoredCustomer(2, "欧阳子涵", "B", "prospect", lastContact: "2026-10-20 10:00", attention: "2026-11-19",
                        silentSince: "2026-10-20 10:00"),
            StoredCustomer(3, "单田芳", "C", "dormant", attention: "9999-12-31"),
            StoredCustomer(4, "Li Ming", nil, "lead", attention: "2026-11-13"),
        ]
        if version >= 5 {
            customers.append(StoredCustomer(5, "周敏", "B", "customer", lastContact: "2026-11-20 09:00", attention: "2026-11-27", cadence: 7))
        }
        #expect(try book.read { try StoredCustomer.all($0) } == customers)

        // And the open follow-ups' last activity is derived (v7): nothing logged on 王建国 since
        // his was made; on 欧阳子涵, the note of 10-25. The done one knows its call only when
        // written from v10 on (closed_by), as an older book never said.
        let followUps = try book.read { db in
            try Row.fetchAll(db, sql: "SELECT id, status, last_activity_at, closed_by FROM follow_up ORDER BY id").map {
                "\($0["id"] as Int64) \($0["status"] as String) \($0["last_activity_at"] as String? ?? "-") \($0["closed_by"] as Int64? ?? 0)"
            }
        }
        #expect(followUps == ["200 done - \(version >= 10 ? 102 : 0)", "201 open - 0", "202 open 2026-10-25 10:00 0"])

        // And ids handed out are never handed out again, in the tables v10 gave AUTOINCREMENT
        let sequences = try book.read { try Row.fetchAll($0, sql: "SELECT name, seq FROM sqlite_sequence") }
            .reduce(into: [String: Int64]()) { sequences, row in sequences[row["name"] as String] = row["seq"] as Int64 }
        #expect(sequences["customer_phone"] == 5)
        #expect(sequences["customer_email"] == 3)
        // (0 where v10's rebuild copied no row: a book made before the pipeline.)
        #expect(sequences["deal_item"] == (version >= 8 ? 7 : 0))

        // And the seller's setting is kept, the others seeded (v5, v8)
        let settings = try book.settings()
        #expect(settings.reminders.cadence(for: .c) == (version >= 2 ? 45 : 30))
        #expect(settings.reminders.silentDays == 30)
        #expect(settings.pipeline.probability(of: .proposal) == 60)

        // And the product reads the card whole
        let card = try #require(try book.customerCard(id: 1))
        #expect(card.customer.phones == [LabeledValue("138-0013-8000", label: "mobile")])
        #expect(card.customer.emails == [LabeledValue("wang@huaxin.cn")])
        #expect(card.customer.tags == ["vip"])
        #expect(card.customer.creditLimit == Money(minorUnits: 1_200_050, currency: .yuan))
        #expect(card.customer.customFields == ["微信号": "wang88"])
        #expect(card.contacts.map(\.name) == ["李主任"])
        #expect(card.timeline.map { $0.id ?? 0 } == [102, 101])
        #expect(card.openFollowUps.map { $0.id ?? 0 } == [201])
        if version >= 8 {
            #expect(card.deals.map(\.title) == ["监护仪 30 台"])
            #expect(card.contracts.map(\.number) == ["HT-2026-001"])
            #expect(card.contracts.first?.instalments.map(\.received.minorUnits) == [3_000_000, 0])
            #expect(card.payments.map { $0.id ?? 0 } == (version >= 11 ? [1, 2] : [1]))
        }

        // And today's reminders come through the rule indexes
        let scanner = ReminderScanner()
        let reminders = scanner.scan(try book.reminderInputs(for: scanner.plan(today: Fixture.today)), today: Fixture.today)
        #expect(reminders.contains { $0.rule == .overdue && $0.followUpID == 201 && $0.detail == "3 days overdue (due 2026-11-20): 报价单" })
        // Li Ming added 70 days ago; 欧阳子涵's last attempt 34 days ago.
        #expect(reminders.contains { $0.rule == .uncontacted && $0.customer.id == 4
            && $0.detail == "new, never contacted: added 70 days ago (contact within 7)" })
        #expect(reminders.contains { $0.rule == .silent && $0.customer.id == 2
            && $0.detail == "silent: the last 2 attempts went unanswered, the last 34 days ago — a light touch" })
    }

    /// A customer as the test reads it back.
    struct StoredCustomer: Equatable, FetchableRecord, CustomStringConvertible {
        var id: Int64
        var name: String
        var grade: String?
        var status: String
        var lastContact: String?
        var attention: String
        var lastVisit: String?
        var silentSince: String?
        var cadence: Int?

        init(_ id: Int64, _ name: String, _ grade: String?, _ status: String, lastContact: String? = nil, attention: String,
             lastVisit: String? = nil, silentSince: String? = nil, cadence: Int? = nil) {
            self.id = id
            self.name = name
            self.grade = grade
            self.status = status
            self.lastContact = lastContact
            self.attention = attention
            self.lastVisit = lastVisit
            self.silentSince = silentSince
            self.cadence = cadence
        }

        init(row: Row) {
            self.init(row["id"], row["name"], row["grade"], row["status"], lastContact: row["last_contact_at"],
                      attention: row["attention_on"], lastVisit: row["last_visit_at"], silentSince: row["silent_since"],
                      cadence: row["cadence_days"])
        }

        static func all(_ db: Database) throws -> [StoredCustomer] {
            try fetchAll(db, sql: "SELECT * FROM customer ORDER BY id")
        }

        var description: String {
            [String(id), name, grade ?? "-", status, lastContact ?? "-", attention, lastVisit ?? "-", silentSince ?? "-",
             cadence.map(String.init) ?? "-"].joined(separator: " ")
        }
    }

    // MARK: - A book of each version

    /// Fills a book at schema `version` (1 for v1-book …) as the product of that version would
    /// have: the columns it had, set as its writes set them.
    static func populate(_ db: Database, version: Int) throws {
        func customer(_ id: Int64, _ name: String, company: String?, grade: String?, status: String, created: String,
                      lastContact: String?, phone: String? = nil, cadence: Int? = nil, lastVisit: String? = nil,
                      silentSince: String? = nil, extra: String = "", extraValues: [(any DatabaseValueConvertible)?] = []) throws {
            let keys = SearchKeys(name: name, company: company, phones: phone.map { [$0] } ?? [])
            var columns = "id, name, company, grade, status, search_text, sort_key, created_at, updated_at, last_contact_at" + extra
            var values: [(any DatabaseValueConvertible)?] = [id, name, company, grade, status, keys.stored, keys.sortKey, created,
                                                            lastContact ?? created, lastContact] + extraValues
            if version >= 5 {
                columns += ", cadence_days, last_visit_at, silent_since"
                values += [cadence, lastVisit, silentSince]
            }
            let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
            try db.execute(sql: "INSERT INTO customer (\(columns)) VALUES (\(marks))", arguments: StatementArguments(values))
        }
        try customer(1, "王建国", company: "华信科技有限公司", grade: "A", status: "customer", created: "2025-03-01 09:00",
                     lastContact: "2026-11-02 16:00", phone: "138-0013-8000", lastVisit: "2026-10-01 10:00",
                     extra: ", kind, city, credit_limit, credit_currency, needs, custom_fields",
                     extraValues: ["company", "上海", 1_200_050, "CNY", "三十台监护仪", "{\"微信号\":\"wang88\"}"])
        try customer(2, "欧阳子涵", company: "中联医疗器械有限公司", grade: "B", status: "prospect", created: "2026-03-01 09:00",
                     lastContact: "2026-10-20 10:00", silentSince: "2026-10-20 10:00")
        try customer(3, "单田芳", company: nil, grade: "C", status: "dormant", created: "2024-01-05 09:00", lastContact: nil)
        try customer(4, "Li Ming", company: nil, grade: nil, status: "lead", created: "2026-09-14 11:00", lastContact: nil)
        if version >= 5 {
            try customer(5, "周敏", company: nil, grade: "B", status: "customer", created: "2026-01-01 09:00",
                         lastContact: "2026-11-20 09:00", cadence: 7)
        }
        try db.execute(sql: """
            INSERT INTO customer_phone (id, customer_id, position, number, label, normalized) VALUES (5, 1, 0, '138-0013-8000', 'mobile', '13800138000');
            INSERT INTO customer_email (id, customer_id, position, address, label, normalized) VALUES (3, 1, 0, 'wang@huaxin.cn', NULL, 'wang@huaxin.cn');
            INSERT INTO customer_tag (customer_id, tag) VALUES (1, 'vip');
            INSERT INTO contact_person (id, customer_id, name, role, phone) VALUES (21, 1, '李主任', 'decision-maker', '139-0000-0021');
            INSERT INTO interaction (id, customer_id, contact_id, kind, occurred_at, outcome, note) VALUES
              (101, 1, 21, 'visit', '2026-10-01 10:00', 'reached', '初次拜访'),
              (102, 1, NULL, 'call', '2026-11-02 16:00', 'reached', '约了下周报价'),
              (103, 2, NULL, 'call', '2026-10-10 10:00', 'no-answer', ''),
              (104, 2, NULL, 'message', '2026-10-20 10:00', 'no-reply', ''),
              (105, 2, NULL, 'note', '2026-10-25 10:00', NULL, '记一笔');
            """)
        if version >= 5 {
            try db.execute(sql: "INSERT INTO interaction (id, customer_id, kind, occurred_at, outcome) VALUES (106, 5, 'call', '2026-11-20 09:00', 'reached')")
        }
        // 200: closed by the call of 11-02, which scheduled 201; 202 made before 欧阳子涵's attempts.
        var followUpColumns = "id, customer_id, due_on, title, status, done_at, created_at, interaction_id"
        var followUps = [
            "200, 1, '2026-11-01', '回访', 'done', '2026-11-02 16:00', '2026-10-01 10:00', 101",
            "201, 1, '2026-11-20', '报价单', 'open', NULL, '2026-11-02 16:00', 102",
            "202, 2, '2026-12-01', '寄送样品', 'open', NULL, '2026-10-01 09:00', NULL",
        ]
        if version >= 7 {
            followUpColumns += ", last_activity_at"
            followUps = zip(followUps, ["NULL", "NULL", "'2026-10-25 10:00'"]).map { $0 + ", " + $1 }
        }
        if version >= 10 {
            followUpColumns += ", closed_by"
            followUps = zip(followUps, ["102", "NULL", "NULL"]).map { $0 + ", " + $1 }
        }
        try db.execute(sql: "INSERT INTO follow_up (\(followUpColumns)) VALUES " + followUps.map { "(" + $0 + ")" }.joined(separator: ", "))
        if version >= 2 {
            try db.execute(sql: "UPDATE setting SET value = '45' WHERE key = 'cadence.C'")
        }
        guard version >= 8 else { return }
        // 王建国's deal won on 11-10 with its contract, half of the first instalment paid;
        // 欧阳子涵's at proposal with one item ticked.
        try db.execute(sql: """
            INSERT INTO product (id, code, name, unit_price, currency, created_at) VALUES (1, 'MON-30', '监护仪', 400000, 'CNY', '2026-09-01 09:00');
            INSERT INTO deal (id, customer_id, title, amount, currency, stage, probability, expected_close_on, created_at, updated_at,
                              stage_entered_at, last_activity_at) VALUES
              (1, 1, '监护仪 30 台', 12000000, 'CNY', 'won', NULL, '2026-11-10', '2026-09-01 09:00', '2026-11-10 10:00',
               '2026-11-10 10:00', '2026-11-10 10:00'),
              (2, 2, '耗材', 500000, 'CNY', 'proposal', 50, '2026-12-15', '2026-10-01 09:00', '2026-10-15 09:00',
               '2026-10-15 09:00', '2026-10-25 10:00');
            INSERT INTO deal_item (id, deal_id, position, product_id, description, quantity, unit_price) VALUES (7, 1, 0, 1, '监护仪', 30, 400000);
            INSERT INTO deal_stage (id, deal_id, stage, from_stage, entered_at, left_at, left_to, days) VALUES
              (1, 1, 'lead', NULL, '2026-09-01 09:00', '2026-11-10 10:00', 'won', 70),
              (2, 1, 'won', 'lead', '2026-11-10 10:00', NULL, NULL, NULL),
              (3, 2, 'lead', NULL, '2026-10-01 09:00', '2026-10-15 09:00', 'proposal', 14),
              (4, 2, 'proposal', 'lead', '2026-10-15 09:00', NULL, NULL, NULL);
            INSERT INTO deal_check (deal_id, stage, item, checked_at) VALUES
              (2, 'proposal', 'real decision maker identified 找到真正的决策者', '2026-10-20 10:00');
            INSERT INTO contract (id, customer_id, deal_id, number, signed_on, starts_on, ends_on, amount, currency, received, created_at)
              VALUES (1, 1, 1, 'HT-2026-001', '2026-11-10', '2026-11-10', '2027-11-09', 12000000, 'CNY', 3000000, '2026-11-10 10:00');
            INSERT INTO instalment (id, contract_id, position, due_on, amount, currency, received) VALUES
              (1, 1, 1, '2026-11-15', 6000000, 'CNY', 3000000),
              (2, 1, 2, '2026-12-15', 6000000, 'CNY', 0);
            INSERT INTO payment (id, contract_id, instalment_id, paid_on, amount, currency, note, created_at)
              VALUES (1, 1, 1, '2026-11-12', 3000000, 'CNY', '首付', '2026-11-12 10:00');
            """)
        guard version >= 11 else { return }
        // A payment recorded on the second instalment and voided: it counts nowhere.
        try db.execute(sql: """
            INSERT INTO payment (id, contract_id, instalment_id, paid_on, amount, currency, note, created_at, voided_at, void_note)
              VALUES (2, 1, 2, '2026-11-13', 1000000, 'CNY', '', '2026-11-13 10:00', '2026-11-14 09:00', '打错了');
            """)
    }
}
