import CSQLite
import Foundation
import GRDB
import RapportCore
import Synchronization

/// The seller's book: one SQLite database, migrated on open, changed only through named
/// write methods that are each one transaction, so no change is ever half-written.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Where the file is, for messages; `:memory:` for test databases.
    public let path: String
    /// Who the next changes are kept under in the history.
    let origin = Mutex(ChangeOrigin(command: "rapport", now: nil))
    /// Asks the seller which of several customers a reference meant, on a terminal; nil
    /// keeps a reference that matches several an error.
    let chooser = Mutex<(@Sendable (String, [CustomerCandidate]) -> Int64?)?>(nil)

    /// Wraps a connection, refusing before touching it another program's database, a book
    /// written by a newer Rapport, or an older one whose schema Rapport did not make; then
    /// runs any migrations it lacks.
    public init(_ writer: any DatabaseWriter, path: String = ":memory:") throws {
        self.writer = writer
        self.path = path
        do {
            try writer.read { try AppDatabase.checkBeforeMigrating($0, path: path) }
            try AppDatabase.migrator.migrate(writer)
        } catch let error as DatabaseError {
            throw RapportError.database(path: path, reason: AppDatabase.explain(error, at: path))
        }
    }

    /// A new, empty, migrated in-memory database: every test gets its own.
    public static func empty() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    /// Closes the connection, checkpointing the WAL into the file; the database is unusable after.
    public func close() throws {
        try writer.close()
    }

    /// Read-only access for the queries in this module's extensions.
    var reader: any DatabaseReader { writer }

    /// The configuration every connection gets: foreign keys enforced, a busy timeout so
    /// `rapport log` in one terminal waits for the TUI's write in another instead of failing,
    /// and a file treated as hostile: its schema may call no function with side effects
    /// (`trusted_schema`) and no SQL may corrupt it (defensive mode).
    static func makeConfiguration(readonly: Bool = false) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA trusted_schema = OFF")
            rapport_sqlite_set_defensive(db.sqliteConnection)
            registerInnocuousJSONValid(db.sqliteConnection)
        }
        return config
    }

    /// A database error in the seller's words. SQLite reports a full disk as an I/O error
    /// when it is the -wal or -shm file that cannot grow, so an I/O error on a file system
    /// with no space left is called what it is.
    static func explain(_ error: DatabaseError, at path: String? = nil) -> String {
        switch error.resultCode {
        case .SQLITE_NOTADB: return "the file is not a Rapport database"
        case .SQLITE_CORRUPT: return "the file is damaged (run `rapport check`)"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "another program holds the database locked; try again"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: return "permission denied or not writable"
        case .SQLITE_FULL: return diskFull
        case .SQLITE_IOERR where path.map(isOnFullDisk) == true: return diskFull
        case .SQLITE_TOOBIG: return "a value is too large for the database"
        default: return error.message ?? "\(error.resultCode)"
        }
    }

    static let diskFull = "the disk is full; free some space and try again (nothing was written)"

    /// Whether the file system holding `path` has no block left for this user.
    static func isOnFullDisk(_ path: String) -> Bool {
        var info = statvfs()
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return statvfs(directory, &info) == 0 && info.f_bavail == 0
    }

    /// Runs a write transaction kept in the history as one change (unless `recording` is off:
    /// the history's own writes), turning SQLite's errors and unreadable stored values into Rapport's.
    func write<T>(recording: Bool = true, _ updates: (Database) throws -> T) throws -> T {
        try explained {
            guard recording else { return try writer.write(updates) }
            return try writer.write { db in try recorded(db) { _ in try updates(db) } }
        }
    }

    /// A write kept in the history with notes of its own (what it puts in the trash).
    func writeChange<T>(_ updates: (Database, ChangeNotes) throws -> T) throws -> T {
        try explained { try writer.write { db in try recorded(db) { notes in try updates(db, notes) } } }
    }

    /// Runs a read, turning SQLite's errors and unreadable stored values into Rapport's.
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        try explained { try writer.read(value) }
    }

    private func explained<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as DatabaseError {
            throw RapportError.database(path: path, reason: AppDatabase.explain(error, at: path))
        } catch let error as StoredValueError {
            // Another program wrote what Rapport cannot read: said as Rapport says it, with the way out.
            throw RapportError.database(path: path, reason: error.problem + "; run `rapport check` to list every such row")
        }
    }
}
