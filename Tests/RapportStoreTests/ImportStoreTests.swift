import Foundation
import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

/// A bulk import writes what adding the same customers one by one writes.
struct ImportStoreTests {
    /// Customers covering each way the attention day is found: by grade, by own cadence,
    /// never chased, lost, silent, and a plain lead without a grade.
    static func cards() throws -> [Customer] {
        func card(_ name: String, _ change: (inout Customer) -> Void) throws -> Customer {
            var c = Customer(name: name, createdAt: Fixture.at("2026-11-02 10:00"))
            change(&c)
            return try c.validated()
        }
        return [
            try card("王建国") { $0.grade = .a; $0.company = "华信科技"; $0.phones = [LabeledValue("138-0013-8000", label: "mobile")] },
            try card("李娜") { $0.grade = .b; $0.cadenceDays = 5; $0.emails = [LabeledValue("li@example.com")]; $0.tags = ["vip", "渠道"] },
            try card("Zoë Smith") { $0.grade = .c; $0.cadenceDays = 0 },
            try card("单海燕") { $0.status = .lost; $0.grade = .a },
            try card("Anna") { $0.silentSince = Fixture.at("2026-11-10 09:00"); $0.lastContactAt = Fixture.at("2026-11-10 09:00") },
            try card("Bo") { _ in },
        ]
    }

    /// The stored rows of the customer tables, ids left out, in name order.
    static func rows(_ db: AppDatabase) throws -> [String] {
        try db.reader.read { db in
            let customers = try Row.fetchAll(db, sql: """
                SELECT name, company, grade, status, cadence_days, silent_since, search_text, sort_key, attention_on
                FROM customer ORDER BY name
                """).map(\.description)
            let channels = try Row.fetchAll(db, sql: """
                SELECT c.name, p.position, p.number, p.label, p.normalized FROM customer_phone p JOIN customer c ON c.id = p.customer_id
                UNION ALL SELECT c.name, e.position, e.address, e.label, e.normalized FROM customer_email e JOIN customer c ON c.id = e.customer_id
                UNION ALL SELECT c.name, 0, t.tag, NULL, NULL FROM customer_tag t JOIN customer c ON c.id = t.customer_id
                ORDER BY 1, 2, 3
                """).map(\.description)
            return customers + channels
        }
    }

    /// The schema's tables, indexes and triggers, as SQLite keeps them.
    static func schema(_ db: AppDatabase) throws -> [String] {
        try db.reader.read { try Row.fetchAll($0, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").map(\.description) }
    }

    /// With no customer before, the import is larger than the book and its indexes are built
    /// again after it; with seven, they are kept up to date row by row.
    @Test(arguments: [0, 7])
    func anImportWritesWhatAddingOneByOneWrites(customersBefore: Int) throws {
        // Given two books with the same customers already
        let added = try AppDatabase(DatabaseQueue(configuration: AppDatabase.makeConfiguration()))
        let imported = try AppDatabase(DatabaseQueue(configuration: AppDatabase.makeConfiguration()))
        for book in [added, imported] {
            for i in 0..<customersBefore { _ = try book.addCustomer(Customer(name: "老客户\(i)", createdAt: Fixture.at("2026-10-01 09:00")).validated()) }
        }
        let schema = try Self.schema(imported)
        // When the cards are added one by one to one (the insert trigger sets their attention
        // day) and imported in bulk into the other
        for card in try Self.cards() { _ = try added.addCustomer(card) }
        let report = try imported.importCustomers(try Self.cards().enumerated().map { ($0.offset + 2, $0.element) },
                                                  onDuplicate: .new, dryRun: false, now: Fixture.at("2026-11-23 09:00"))
        // Then both books hold the same rows, attention days and search keys included
        #expect(report.created == 6)
        #expect(try Self.rows(imported) == Self.rows(added))
        let attention = try imported.reader.read {
            try String.fetchAll($0, sql: "SELECT attention_on FROM customer WHERE id > ? ORDER BY id", arguments: [customersBefore])
        }
        // By the default settings: 王建国 A, added 11-02, + 14 days; 李娜's own cadence + 5; Zoë never
        // chased; 单海燕 lost; Anna silent since 11-10, + 30 days; Bo without a grade, + 60 days.
        #expect(attention == ["2026-11-16", "2026-11-07", "9999-12-31", "9999-12-31", "2026-12-10", "2027-01-01"])
        // And every index and trigger set aside is back as it was
        #expect(try Self.schema(imported) == schema)
        // And the table's CHECKs, skipped while moving the rows, hold, and are enforced again after
        let pragmas = try imported.writer.writeWithoutTransaction { db in
            (try String.fetchAll(db, sql: "PRAGMA integrity_check"), try Int.fetchOne(db, sql: "PRAGMA ignore_check_constraints"))
        }
        #expect(pragmas.0 == ["ok"])
        #expect(pragmas.1 == 0)
        // And the insert trigger is back: a customer added afterwards gets its attention day
        let later = try imported.addCustomer(Customer(name: "Cai", createdAt: Fixture.at("2026-11-23 09:00")).validated())
        let day = try imported.reader.read { try String.fetchOne($0, sql: "SELECT attention_on FROM customer WHERE id = ?", arguments: [later.id]) }
        #expect(day == "2027-01-22")
    }

    /// The attention expression is written over column names; the bulk insert reads them as
    /// the row's parameters. Quoted text and other names stay as they are.
    @Test(arguments: [
        ("status IN ('lost', 'dormant')", "?1 IN ('lost', 'dormant')"),
        ("'status' || status", "'status' || ?1"),
        ("coalesce(grade, 'none')", "coalesce(?2, 'none')"),
        ("(SELECT value FROM setting WHERE key = 'cadence.' || grade)", "(SELECT value FROM setting WHERE key = 'cadence.' || ?2)"),
        ("cadence_days = 0 OR cadence_days2", "?3 = 0 OR cadence_days2"),
        ("'it''s grade' = grade", "'it''s grade' = ?2"),
        ("f.grade", "f.?2"),
        ("grade", "?2"),
        ("", ""),
    ])
    func columnNamesBecomeParameters(sql: String, replaced: String) {
        #expect(RecordWriter.replacingColumns(in: sql, with: ["status": "?1", "grade": "?2", "cadence_days": "?3"]) == replaced)
    }

    /// The bulk insert computes each new customer's attention day as the insert trigger does,
    /// for every grade, status and clock the rule reads.
    @Test func theBulkAttentionDayIsTheTriggers() throws {
        let db = try AppDatabase(DatabaseQueue(configuration: AppDatabase.makeConfiguration()))
        var cards: [Customer] = []
        for grade in [Grade?.none, .a, .b, .c] {
            for status in CustomerStatus.allCases {
                for cadence in [Int?.none, 0, 9] {
                    for silent in [false, true] {
                        var c = Customer(name: "客户\(cards.count)", createdAt: Fixture.at("2026-10-0\(1 + cards.count % 9) 10:00"))
                        c.grade = grade
                        c.status = status
                        c.cadenceDays = cadence
                        if cards.count % 3 == 0 { c.lastContactAt = Fixture.at("2026-11-0\(1 + cards.count % 9) 16:30") }
                        if silent { c.silentSince = Fixture.at("2026-11-12 08:00"); c.lastContactAt = Fixture.at("2026-11-12 08:00") }
                        cards.append(try c.validated())
                    }
                }
            }
        }
        _ = try db.importCustomers(cards.enumerated().map { ($0.offset + 2, $0.element) }, onDuplicate: .new, dryRun: false,
                                   now: Fixture.at("2026-11-23 09:00"))
        let (stored, recomputed) = try db.writer.write { db in
            let stored = try String.fetchAll(db, sql: "SELECT attention_on FROM customer ORDER BY id")
            try db.execute(sql: AppDatabase.refreshAttentionV5(where: "1"))
            return (stored, try String.fetchAll(db, sql: "SELECT attention_on FROM customer ORDER BY id"))
        }
        #expect(stored.count == 4 * CustomerStatus.allCases.count * 3 * 2)
        #expect(stored == recomputed)
        #expect(Set(stored).count > 10)
    }

    @Test func aDryRunLeavesTheSchemaAndTheRowsAsTheyWere() throws {
        // Given an empty book
        let db = try AppDatabase(DatabaseQueue(configuration: AppDatabase.makeConfiguration()))
        let schema = try Self.schema(db)
        // When the cards are imported as a dry run
        let report = try db.importCustomers(try Self.cards().enumerated().map { ($0.offset + 2, $0.element) },
                                            onDuplicate: .new, dryRun: true, now: Fixture.at("2026-11-23 09:00"))
        // Then the report says what would be created, and nothing was
        #expect(report.created == 6)
        #expect(try Self.rows(db).isEmpty)
        #expect(try Self.schema(db) == schema)
    }

    @Test func manyRowsAndAnUpdateAmongThemAllArrive() throws {
        // Given a book with one customer, and 9,000 rows of which one, in the middle, updates it
        let db = try AppDatabase(DatabaseQueue(configuration: AppDatabase.makeConfiguration()))
        let saved = try Fixture.customer(db, "王建国", phones: ["13800138000"])
        var rows: [(line: Int, customer: Customer)] = (0..<9_000).map { i in
            var c = Customer(name: "客户\(i)", createdAt: Fixture.at("2026-11-23 09:00"))
            c.phones = [LabeledValue(String(format: "139%08d", i))]
            return (i + 2, c)
        }
        var update = Customer(name: "王建国", createdAt: Fixture.at("2026-11-23 09:00"))
        update.phones = [LabeledValue("+86 138 0013 8000")]
        update.grade = .a
        rows[4_500] = (4_502, update)
        // When they are imported, updating duplicates
        let report = try db.importCustomers(rows, onDuplicate: .update, dryRun: false, now: Fixture.at("2026-11-23 09:00"))
        // Then every new row is there with its phone, in file order, and the old customer was updated
        #expect(report.created == 8_999)
        #expect(report.updated == 1)
        let counts = try db.reader.read { db in
            [try Int.fetchOne(db, sql: "SELECT count(*) FROM customer"), try Int.fetchOne(db, sql: "SELECT count(*) FROM customer_phone")]
        }
        #expect(counts == [9_000, 9_000])
        let order = try db.reader.read { try String.fetchAll($0, sql: "SELECT name FROM customer WHERE id > ? ORDER BY id LIMIT 2", arguments: [saved.id]) }
        #expect(order == ["客户0", "客户1"])
        #expect(try db.reader.read { try String.fetchOne($0, sql: "SELECT grade FROM customer WHERE id = ?", arguments: [saved.id]) } == "A")
    }
}

/// A phone or an email makes a row a duplicate only under a name that agrees; an update
/// never renames the card and says what it changes.
struct ImportIdentityTests {
    /// A book with 王建国 (#1) of 华信科技 in 上海, graded A, on 13800138000 and wang@huaxin.cn.
    static func book() throws -> AppDatabase {
        let db = try AppDatabase(DatabaseQueue(configuration: AppDatabase.makeConfiguration()))
        var c = Customer(name: "王建国", createdAt: Fixture.at("2026-11-02 10:00"))
        c.company = "华信科技"
        c.city = "上海"
        c.grade = .a
        c.phones = [LabeledValue("138-0013-8000")]
        c.emails = [LabeledValue("wang@huaxin.cn")]
        _ = try db.addCustomer(c.validated())
        return db
    }

    static func row(_ name: String, phone: String? = nil, email: String? = nil, city: String? = nil, grade: Grade? = nil) throws -> Customer {
        var c = Customer(name: name, createdAt: Fixture.at("2026-11-23 09:00"))
        c.phones = phone.map { [LabeledValue($0)] } ?? []
        c.emails = email.map { [LabeledValue($0)] } ?? []
        c.city = city
        c.grade = grade
        return try c.validated()
    }

    /// The names in the book by id, and #1's city and grade.
    static func state(_ db: AppDatabase) throws -> [String] {
        try db.reader.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM customer ORDER BY id")
                + [try String.fetchOne(db, sql: "SELECT city || ' ' || grade FROM customer WHERE id = 1") ?? ""]
        }
    }

    @Test(arguments: [
        // Same phone, same name: a duplicate, skipped.
        (try row("王建国", phone: "+86 138 0013 8000"), DuplicatePolicy.skip, ConflictPolicy.new,
         ImportReport.Action.skipped(reason: "same phone 13800138000 as #1"), ["王建国", "上海 A"]),
        // Same phone, another name: a conflict, added as new.
        (try row("周敏", phone: "13800138000"), .skip, .new,
         .conflict(with: 1, named: "王建国", shared: "phone 13800138000", created: 2), ["王建国", "周敏", "上海 A"]),
        // The same, skipped.
        (try row("周敏", phone: "13800138000"), .skip, .skip,
         .conflict(with: 1, named: "王建国", shared: "phone 13800138000", created: nil), ["王建国", "上海 A"]),
        // Never an update, whatever --on-duplicate says.
        (try row("周敏", phone: "13800138000", city: "深圳"), .update, .new,
         .conflict(with: 1, named: "王建国", shared: "phone 13800138000", created: 2), ["王建国", "周敏", "上海 A"]),
        // Same phone, the name in pinyin: a duplicate.
        (try row("Wang Jianguo", phone: "13800138000"), .skip, .new,
         .skipped(reason: "same phone 13800138000 as #1"), ["王建国", "上海 A"]),
        // No name on the row (it is named by its phone): a duplicate.
        (try row("13800138000", phone: "13800138000"), .skip, .new,
         .skipped(reason: "same phone 13800138000 as #1"), ["王建国", "上海 A"]),
        // Same email, another name: a conflict.
        (try row("周敏", email: "Wang@Huaxin.cn"), .skip, .new,
         .conflict(with: 1, named: "王建国", shared: "email wang@huaxin.cn", created: 2), ["王建国", "周敏", "上海 A"]),
        // An update from the pinyin row keeps the name and lists each field it changes.
        (try row("Wang Jianguo", phone: "13800138000", city: "深圳", grade: .b), .update, .new,
         .updated(id: 1, name: "王建国", changes: [FieldChange(field: "city", before: "上海", after: "深圳"),
                                                   FieldChange(field: "grade", before: "A", after: "B")]), ["王建国", "深圳 B"]),
        // An update that changes nothing says so.
        (try row("王建国", phone: "13800138000", city: "上海"), .update, .new,
         .updated(id: 1, name: "王建国", changes: []), ["王建国", "上海 A"]),
    ] as [(Customer, DuplicatePolicy, ConflictPolicy, ImportReport.Action, [String])])
    func aRowIsTheCardOnlyUnderANameThatAgrees(row: Customer, onDuplicate: DuplicatePolicy, onConflict: ConflictPolicy,
                                              action: ImportReport.Action, after: [String]) throws {
        // Given the book, and its state after the same import run dry first
        let db = try Self.book()
        let before = try Self.state(db)
        let dry = try db.importCustomers([(2, row)], onDuplicate: onDuplicate, onConflict: onConflict, dryRun: true,
                                         now: Fixture.at("2026-11-23 09:00"))
        #expect(try Self.state(db) == before)
        // When the row is imported
        let report = try db.importCustomers([(2, row)], onDuplicate: onDuplicate, onConflict: onConflict, dryRun: false,
                                            now: Fixture.at("2026-11-23 09:00"))
        // Then the dry run said what the import did, and the book is as expected
        #expect(report.lines == [ImportReport.Line(line: 2, name: row.name, action: action)])
        #expect(dry == report)
        #expect(try Self.state(db) == after)
    }

    @Test func anUnchangedCardIsNotWritten() throws {
        let db = try Self.book()
        let stamp = { try db.reader.read { try String.fetchOne($0, sql: "SELECT updated_at FROM customer WHERE id = 1") } }
        let before = try stamp()
        let report = try db.importCustomers([(2, try Self.row("王建国", phone: "13800138000", city: "上海"))], onDuplicate: .update,
                                            dryRun: false, now: Fixture.at("2026-11-23 09:00"))
        #expect(report.updated == 0)
        #expect(report.unchanged == 1)
        #expect(try stamp() == before)
    }

    @Test func aSwitchboardSharedInTheBookFindsTheRightPerson() throws {
        // Given 王建国 (#1) and 周敏 (#2), of other companies, on one switchboard
        let db = try Self.book()
        _ = try Fixture.customer(db, "周敏", company: "远航物流", phones: ["13800138000"])
        // When rows for 周敏, 王建国 and 李娜 on that number come in, then 李娜 again
        let rows = try ["周敏", "王建国", "李娜", "李娜"].enumerated().map { ($0.offset + 2, try Self.row($0.element, phone: "13800138000")) }
        let report = try db.importCustomers(rows, onDuplicate: .skip, dryRun: false, now: Fixture.at("2026-11-23 09:00"))
        // Then each of the two is found by name, the first 李娜 conflicts with the first holder
        // and is added, and the second is a duplicate of her
        #expect(report.lines.map(\.action) == [
            .skipped(reason: "same phone 13800138000 as #2"),
            .skipped(reason: "same phone 13800138000 as #1"),
            .conflict(with: 1, named: "王建国", shared: "phone 13800138000", created: 3),
            .skipped(reason: "same phone 13800138000 as #3"),
        ])
        #expect(report.created == 1)
        #expect(report.conflicts == 1)
    }
}
