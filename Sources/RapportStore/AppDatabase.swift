import GRDB
import RapportCore

/// The seller's book: one SQLite database, migrated on open, changed only through named
/// write methods that are each one transaction, so no change is ever half-written.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Where the file is, for messages; `:memory:` for test databases.
    public let path: String

    /// Wraps a connection, refusing a database written by a newer Rapport before touching
    /// it, then running any migrations it lacks.
    public init(_ writer: any DatabaseWriter, path: String = ":memory:") throws {
        self.writer = writer
        self.path = path
        let migrator = AppDatabase.migrator
        do {
            if try writer.read({ try migrator.hasBeenSuperseded($0) }) {
                throw RapportError.databaseTooNew(path: path)
            }
            try migrator.migrate(writer)
        } catch let error as DatabaseError {
            throw RapportError.database(path: path, reason: AppDatabase.explain(error))
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

    /// The configuration every connection gets: foreign keys enforced, and a busy timeout so
    /// `rapport log` in one terminal waits for the TUI's write in another instead of failing.
    static func makeConfiguration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        return config
    }

    /// A database error in the seller's words.
    static func explain(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_NOTADB: "the file is not a Rapport database"
        case .SQLITE_CORRUPT: "the file is damaged (run `rapport check`)"
        case .SQLITE_BUSY, .SQLITE_LOCKED: "another program holds the database locked; try again"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: "permission denied or not writable"
        case .SQLITE_FULL: "the disk is full"
        default: error.message ?? "\(error.resultCode)"
        }
    }

    /// Runs a write transaction, turning SQLite's errors into Rapport's.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(updates)
        } catch let error as DatabaseError {
            throw RapportError.database(path: path, reason: AppDatabase.explain(error))
        }
    }

    /// Runs a read, turning SQLite's errors into Rapport's.
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(value)
        } catch let error as DatabaseError {
            throw RapportError.database(path: path, reason: AppDatabase.explain(error))
        }
    }
}
