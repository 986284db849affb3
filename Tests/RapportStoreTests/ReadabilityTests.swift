import Foundation
import GRDB
import RapportDemo
import Testing
@testable import RapportCore
@testable import RapportStore

/// `check` reads every row as the product does, so a value that would break `show`, `log`
/// or `edit` is found before a seller meets it; a JSON import refuses the same values.
struct ReadabilityTests {
    static func demo() throws -> AppDatabase {
        let db = try AppDatabase.empty()
        try db.loadDemoBook(DemoBook(customers: 30, seed: 5, today: Fixture.today))
        return db
    }

    /// An edit as another program would make it, triggers and checks left to SQLite.
    static func edit(_ db: AppDatabase, _ sql: String) throws {
        try db.writer.write { try $0.execute(sql: sql) }
    }

    @Test func aSoundBookHasNoUnreadableRow() throws {
        let report = try Self.demo().check()
        #expect(report.unreadable == [])
        #expect(report.isSound)
    }

    @Test(arguments: [
        // (the edit, what check says of it)
        ("UPDATE customer SET created_at = '' WHERE id = 3",
         "customer id 3: created_at \"\" is not a date and time like 2026-11-23 14:30"),
        ("UPDATE customer SET updated_at = 'garbage' WHERE id = 2",
         "customer id 2: updated_at \"garbage\" is not a date and time like 2026-11-23 14:30"),
        ("UPDATE customer SET last_contact_at = '2026-13-01 09:00' WHERE id = 4",   // no 13th month
         "customer id 4: last_contact_at \"2026-13-01 09:00\" is not a date and time like 2026-11-23 14:30"),
        ("UPDATE customer SET name = printf('%.*c', 300, 'x') WHERE id = 1",
         "customer id 1: name \"" + String(repeating: "x", count: 39) + "…\" is 300 characters long; the limit is 200"),
        ("UPDATE customer SET birthday = '02-31' WHERE id = 5",
         "customer id 5: birthday \"02-31\" is not a birthday like 03-15 or 1980-03-15"),
        ("UPDATE follow_up SET due_on = '2026-02-30' WHERE id = 1",
         "follow_up id 1: due_on \"2026-02-30\" is not a day like 2026-11-23"),
        ("UPDATE deal SET amount = 9000000000000000 WHERE id = 1",
         "deal id 1: amount \"9000000000000000\" is not an amount Rapport keeps (at most 10000000000000 minor units)"),
        ("UPDATE interaction SET note = 'a' || char(0) || 'b' WHERE id = 2",
         "interaction id 2: note holds a NUL character, which no command writes"),
        ("UPDATE setting SET value = 'garbage' WHERE key = 'cadence.A'",
         "setting key \"cadence.A\": invalid cadence.A \"garbage\"; use a whole number of days from 1 to 3650, or none"),
        ("INSERT INTO setting (key, value) VALUES ('no.such', '1')",
         "setting key \"no.such\": invalid setting \"no.such\"; see `rapport config` for the settings"),
    ])
    func checkNamesTheRowTheColumnAndTheValue(sql: String, found: String) throws {
        let db = try Self.demo()
        try Self.edit(db, sql)
        let report = try db.check()
        #expect(report.unreadable == [found])
        #expect(!report.isSound)
    }

    /// A number column holding text would trap in the readers, so the types are checked
    /// first, and the readers not run over a book that fails them.
    @Test func aValueOfTheWrongTypeIsFoundBeforeAnyReaderTrapsOnIt() throws {
        let db = try Self.demo()
        try Self.edit(db, "UPDATE customer SET cadence_days = 'abc' WHERE id = 5; UPDATE customer SET created_at = '' WHERE id = 3")
        #expect(try db.check().unreadable == ["customer id 5: cadence_days holds \"abc\", not a whole number"])
    }

    @Test func atMostTwentyAreListed() throws {
        let db = try Self.demo()
        try Self.edit(db, "UPDATE customer SET created_at = ''")
        let unreadable = try db.check().unreadable
        #expect(unreadable.count == 20)
        #expect(unreadable.first == "customer id 1: created_at \"\" is not a date and time like 2026-11-23 14:30")
    }
}
