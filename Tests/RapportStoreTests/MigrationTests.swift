import Foundation
import GRDB
import Testing
@testable import RapportCore
@testable import RapportStore

struct MigrationTests {
    @Test func migratesAnEmptyDatabaseToTheWholeSchema() throws {
        // Given an empty database / When it is opened
        let db = try AppDatabase.empty()
        // Then every table and the contact-clock index exist
        let tables = try db.reader.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        for table in ["customer", "customer_phone", "customer_email", "customer_tag", "contact_person", "interaction", "follow_up"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        let indexes = try db.reader.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index'") }
        #expect(indexes.contains("customer_forgotten_by_day"))
        #expect(indexes.contains("follow_up_open_on_due"))
    }

    @Test func opensTwiceWithoutRerunningMigrations() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("book.db").path
        _ = try AppDatabase.open(at: path, access: .creating)
        let reopened = try AppDatabase.open(at: path, access: .creating)
        let applied = try reopened.reader.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["v1-book", "v2-attention", "v3-search-index", "v4-contact-day-index", "v5-reminder-rules", "v6-day-first-indexes", "v7-covering-rule-indexes", "v8-deals", "v9-funnel-rollups", "v10-history", "v11-payment-void"])
    }

    @Test func refusesADatabaseFromANewerRapportAndLeavesItUntouched() throws {
        // Given a book that a newer Rapport migrated further
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("book.db").path
        let newer = try AppDatabase.open(at: path, access: .creating)
        try newer.writer.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try newer.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // When this Rapport opens it / Then it refuses, naming the file
        #expect(throws: RapportError.databaseTooNew(path: path)) { try AppDatabase.open(at: path, access: .creating) }
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(before == after)
    }

    @Test func explainsAFileThatIsNotADatabase() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("notes.txt").path
        try Data(String(repeating: "not a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: RapportError.database(path: path, reason: "the file is not a Rapport database")) {
            try AppDatabase.open(at: path, access: .creating)
        }
    }

    @Test func createsThePrivateDirectoryAndFile() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("nested/rapport/book.db").path
        _ = try AppDatabase.open(at: path, access: .creating)
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let dirMode = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("nested/rapport").path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(dirMode == 0o700)
    }

    @Test(arguments: [
        (nil, ["RAPPORT_DB": "/x/a.db", "XDG_DATA_HOME": "/d", "HOME": "/h"], "/x/a.db"),
        ("/o.db", ["RAPPORT_DB": "/x/a.db"], "/o.db"),
        (nil, ["XDG_DATA_HOME": "/d", "HOME": "/h"], "/d/rapport/rapport.db"),
        (nil, ["XDG_DATA_HOME": "", "HOME": "/h"], "/h/.local/share/rapport/rapport.db"),
        (nil, ["HOME": "/h"], "/h/.local/share/rapport/rapport.db"),
    ] as [(String?, [String: String], String)])
    func choosesTheDatabasePath(option: String?, environment: [String: String], expected: String) throws {
        #expect(try AppDatabase.path(option: option, environment: environment) == expected)
    }
}
