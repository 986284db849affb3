import Foundation
import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

/// Files from outside are hostile until checked: another program's database, a backup
/// with a planted trigger, a name another user prepared in a shared directory.
struct HostileFileTests {
    // MARK: - Opening

    @Test(arguments: [BookAccess.existing, .creating])
    func anotherProgramsDatabaseIsRefusedAndLeftByteForByte(access: BookAccess) throws {
        try Fixture.inTemporaryDirectory { dir in
            // Given a SQLite file of another program
            let path = dir.appendingPathComponent("other.db").path
            let other = try DatabaseQueue(path: path)
            try other.write { try $0.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')") }
            try other.close()
            let before = try Fixture.bytes(path)
            // When Rapport opens it / Then it refuses, naming what it holds, and writes nothing
            let error = try #require(throws: RapportError.self) { try AppDatabase.open(at: path, access: access) }
            #expect(error.description.contains("another program's SQLite database"))
            #expect(error.description.contains("\"notes\""))
            #expect(try Fixture.bytes(path) == before)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test func aReaderDoesNotCreateAMissingBook() throws {
        try Fixture.inTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("nowhere/book.db").path
            let error = try #require(throws: RapportError.self) { try AppDatabase.open(at: path, access: .existing) }
            #expect(error.description.contains("there is no book there yet"))
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("nowhere").path))
        }
    }

    @Test func aDirectoryIsNotABook() throws {
        try Fixture.inTemporaryDirectory { dir in
            let error = try #require(throws: RapportError.self) { try AppDatabase.open(at: dir.path, access: .creating) }
            #expect(error.description.contains("it is a directory"))
        }
    }

    @Test func anEmptyDatabaseOptionNamesNoFile() {
        #expect(throws: RapportError.invalid(field: "--db", value: "", expected: "name the book's file")) {
            try AppDatabase.path(option: "", environment: ["RAPPORT_DB": "/x/a.db"])
        }
    }

    @Test func theSchemaMayCallNoFunctionWithSideEffectsAndNoSQLMayRewriteIt() throws {
        let db = try AppDatabase.empty()
        // A trigger calling a function SQLite does not mark innocuous fails when it fires
        try db.writer.write { try $0.execute(sql: "CREATE TRIGGER probe AFTER INSERT ON product BEGIN SELECT json_extract('{}', '$'); END") }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "INSERT INTO product (code, name, unit_price, currency, created_at) VALUES ('X', 'x', 1, 'CNY', '2026-01-01 09:00')") }
        }
        // Defensive mode: the schema table cannot be written even with writable_schema asked for
        #expect(throws: DatabaseError.self) {
            try db.writer.write { db in
                try db.execute(sql: "PRAGMA writable_schema = ON")
                try db.execute(sql: "UPDATE sqlite_master SET sql = 'x' WHERE name = 'probe'")
            }
        }
        // The customer table's own CHECK still runs (json_valid is registered innocuous)
        try Fixture.customer(db, "Anna")
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE customer SET custom_fields = '{not json'") }
        }
        try db.writer.write { try $0.execute(sql: #"UPDATE customer SET custom_fields = '{"a":[1,2.5,null,true]}'"#) }
    }

    /// The book the previous Rapport version would have left: migrated up to v8.
    static func olderBook(at path: String, planting sql: String? = nil) throws {
        let queue = try DatabaseQueue(path: path, configuration: AppDatabase.makeConfiguration())
        try AppDatabase.migrator.migrate(queue, upTo: "v8-deals")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO customer (name, created_at, updated_at, search_text, sort_key)
                VALUES ('王建国', '2026-01-01 09:00', '2026-01-01 09:00', 'wjg', 'wangjianguo')
                """)
            if let sql { try db.execute(sql: sql) }
        }
        try queue.close()
    }

    @Test(arguments: [
        ("CREATE TRIGGER planted AFTER INSERT ON deal BEGIN DELETE FROM follow_up; END", "a trigger \"planted\""),
        ("CREATE TABLE deal_totals (x)", "a table \"deal_totals\""),
        ("CREATE VIEW peek AS SELECT * FROM customer", "a view \"peek\""),
    ])
    func anOlderBookWithObjectsRapportDidNotMakeIsNotMigrated(sql: String, named: String) throws {
        try Fixture.inTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("book.db").path
            try Self.olderBook(at: path, planting: sql)
            let before = try Fixture.bytes(path)
            let error = try #require(throws: RapportError.self) { try AppDatabase.open(at: path, access: .creating) }
            #expect(error.description.contains(named + " that Rapport did not make"))
            #expect(try Fixture.bytes(path) == before)
        }
    }

    @Test func anOlderBookRapportMadeIsMigrated() throws {
        try Fixture.inTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("book.db").path
            try Self.olderBook(at: path)
            let book = try AppDatabase.open(at: path, access: .existing)
            #expect(try book.schemaVersion() == AppDatabase.migrator.migrations.last)
            #expect(try book.check().isSound)
        }
    }

    @Test func checkNamesWhatWasPlantedChangedOrRemoved() throws {
        let db = try AppDatabase.empty()
        try db.writer.write { db in
            try db.execute(sql: "CREATE TRIGGER planted AFTER INSERT ON interaction BEGIN DELETE FROM follow_up; END")
            try db.execute(sql: "DROP INDEX follow_up_open_on_due")
        }
        let report = try db.check()
        #expect(report.schemaObjects == [
            "a trigger \"planted\" that Rapport did not make",
            "no index \"follow_up_open_on_due\"",
        ])
        #expect(!report.isSound)
    }

    @Test func aTriggerWithRapportsNameButOtherSQLIsChanged() throws {
        let db = try AppDatabase.empty()
        let name = try db.reader.read { try String.fetchOne($0, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name LIMIT 1") }
        let trigger = try #require(name)
        try db.writer.write { db in
            try db.execute(sql: "DROP TRIGGER \(trigger)")
            try db.execute(sql: "CREATE TRIGGER \(trigger) AFTER INSERT ON interaction BEGIN DELETE FROM follow_up; END")
        }
        #expect(try db.check().schemaObjects == ["a trigger \"\(trigger)\" that differs from Rapport's"])
    }

    // MARK: - Backup and restore

    /// A book on disk with one customer, and a backup of it.
    static func bookAndBackup(in dir: URL) throws -> (book: AppDatabase, backup: String) {
        let book = try AppDatabase.open(at: dir.appendingPathComponent("book.db").path, access: .creating)
        try Fixture.customer(book, "王建国")
        let backup = dir.appendingPathComponent("backup.db").path
        try book.backup(to: backup)
        return (book, backup)
    }

    @Test func aBackupWithAPlantedTriggerIsRefusedAndTheBookIsUntouched() throws {
        try Fixture.inTemporaryDirectory { dir in
            let (book, backup) = try Self.bookAndBackup(in: dir)
            let planted = try DatabaseQueue(path: backup)
            try planted.write { try $0.execute(sql: "CREATE TRIGGER planted AFTER INSERT ON interaction BEGIN UPDATE customer SET notes = 'x'; END") }
            try planted.close()
            try Fixture.customer(book, "李明")
            try book.close()
            let before = try Fixture.bytes(book.path)
            let reopened = try AppDatabase.open(at: book.path, access: .existing)
            let error = try #require(throws: RapportError.self) {
                try reopened.restore(from: backup, keepingCopyAt: dir.appendingPathComponent("kept.db").path)
            }
            #expect(error.description.contains("a trigger \"planted\" that Rapport did not make"))
            try reopened.close()
            #expect(try Fixture.bytes(book.path) == before)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("kept.db").path))
        }
    }

    @Test func anOlderBackupIsBroughtUpToDateBesideTheBookAndLeavesNothingBehind() throws {
        try Fixture.inTemporaryDirectory { dir in
            let book = try AppDatabase.open(at: dir.appendingPathComponent("book.db").path, access: .creating)
            try Fixture.customer(book, "李明")
            let backup = dir.appendingPathComponent("old.db").path
            try Self.olderBook(at: backup)
            let restored = try book.restore(from: backup, keepingCopyAt: dir.appendingPathComponent("kept.db").path)
            #expect(restored.customers == 1)
            #expect(try book.read { try String.fetchAll($0, sql: "SELECT name FROM customer") } == ["王建国"])
            #expect(try book.schemaVersion() == AppDatabase.migrator.migrations.last)
            #expect(try book.check().isSound)
            let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix("book.db") }.sorted()
            #expect(left == ["kept.db", "old.db"])
        }
    }

    @Test func aBackupNeverOverwritesAndLeavesNoPartialFile() throws {
        try Fixture.inTemporaryDirectory { dir in
            let (book, backup) = try Self.bookAndBackup(in: dir)
            // Given another user's symlink where the next backup goes
            let victim = dir.appendingPathComponent("victim").path
            try Data("mine".utf8).write(to: URL(fileURLWithPath: victim))
            let target = dir.appendingPathComponent("next.db").path
            try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: victim)
            #expect(throws: RapportError.self) { try book.backup(to: target) }
            #expect(try Fixture.bytes(victim) == Data("mine".utf8))
            #expect(throws: RapportError.self) { try book.backup(to: backup) }
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            #expect(!names.contains { $0.contains("partial") })
            let mode = try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    // MARK: - Files written beside a target

    @Test func aSiblingFileIsPrivateUnpredictableAndReplacesASymlinkNotItsTarget() throws {
        try Fixture.inTemporaryDirectory { dir in
            let target = dir.appendingPathComponent("export.csv").path
            let victim = dir.appendingPathComponent("victim").path
            try Data("mine".utf8).write(to: URL(fileURLWithPath: victim))
            try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: victim)
            let one = try SiblingFile(beside: target, label: "partial")
            let two = try SiblingFile(beside: target, label: "partial")
            #expect(one.path != two.path)
            #expect(try FileManager.default.attributesOfItem(atPath: one.path)[.posixPermissions] as? Int == 0o600)
            two.discard()
            #expect(!FileManager.default.fileExists(atPath: two.path))
            _ = "data".withCString { write(one.fd, $0, 4) }
            try one.publish(as: target, replacing: true)
            #expect(try Fixture.bytes(victim) == Data("mine".utf8))
            #expect(try Fixture.bytes(target) == Data("data".utf8))
            #expect(try FileManager.default.attributesOfItem(atPath: target)[.type] as? FileAttributeType == .typeRegular)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["export.csv", "victim"])
        }
    }
}
